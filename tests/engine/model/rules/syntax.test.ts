import { describe, expect, test } from '@jest/globals';
import { isDynamic, isIsoDuration, isMimeType, isUriReference, literalKind } from '../../../../engine/model/rules/syntax.js';

describe('value syntax the spec prescribes', () => {
  test.each(['text/plain', 'application/xml', 'text/html; charset=utf-8', 'application/vnd.ms-excel'])(
    '%s is a MIME type', (value) => expect(isMimeType(value)).toBe(true));

  test.each(['INVALID', 'wrong_mime_type', 'text/', '/plain', ''])('"%s" is no MIME type', (value) => {
    expect(isMimeType(value)).toBe(false);
  });

  test.each(['http://www.w3.org/1999/XPath', 'https://www.omg.org/spec/FEEL/20140401', 'javascript', '##WebService', 'urn:a%20b'])(
    '%s is a URI reference', (value) => expect(isUriReference(value)).toBe(true));

  test.each(['_invalid_uri%$!', '_invalid_URI!$%', 'has space', ''])('"%s" is no URI reference', (value) => {
    expect(isUriReference(value)).toBe(false);
  });

  test.each(['PT1S', 'P3DT4H', 'PT0.5S', 'P1W', ' PT10M '])('%s is an ISO 8601 duration', (value) => {
    expect(isIsoDuration(value)).toBe(true);
  });

  test.each(['INVALID', 'P', 'PT', '10s', 'R3/PT1S'])('"%s" is no ISO 8601 duration', (value) => {
    expect(isIsoDuration(value)).toBe(false);
  });

  test.each(['=duration', '${timeout}', '#{limit}'])('%s is an expression to evaluate at run time', (value) => {
    expect(isDynamic(value)).toBe(true);
  });

  test('literals are told apart from expressions', () => {
    expect([literalKind('23'), literalKind('"yes"'), literalKind('true'), literalKind('a > 1')])
      .toEqual(['number', 'string', 'boolean', undefined]);
  });
});
