/**
 * Lexical checks for attribute values the spec types as MIME types, URIs, ISO 8601 durations
 * or Boolean expressions. All pure.
 */

const token = "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*";
const mimeType = new RegExp(`^${token}/${token}(\\s*;.*)?$`);

/** `text/plain`, `application/xml; charset=utf-8`: a type, a slash, a subtype. */
export function isMimeType(value: string): boolean {
  return mimeType.test(value.trim());
}

/** RFC 3986 URI reference: only URI characters, and every `%` starts a two-digit escape. */
export function isUriReference(value: string): boolean {
  return value.length > 0 && /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/.test(value);
}

const number = String.raw`\d+(?:[.,]\d+)?`;
const isoDuration = new RegExp(
  `^-?P(?=\\d|T\\d)(?:${number}Y)?(?:${number}M)?(?:${number}W)?(?:${number}D)?` +
    `(?:T(?=\\d)(?:${number}H)?(?:${number}M)?(?:${number}S)?)?$`,
);

/** `PT1S`, `P3DT4H`: an ISO 8601 duration. */
export function isIsoDuration(value: string): boolean {
  return isoDuration.test(value.trim());
}

/**
 * True when the text is written in an expression syntax (`=` FEEL as Zeebe writes it, `${…}` or
 * `#{…}` EL). Such text is evaluated at run time, so a deploy check may not read it as a literal.
 */
export function isDynamic(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.startsWith('=') || /[$#]\{/.test(trimmed);
}

/** The kind of a plain literal (`23`, `"yes"`, `true`), or undefined for anything else. */
export function literalKind(text: string): 'number' | 'string' | 'boolean' | undefined {
  const trimmed = text.trim();
  if (/^-?\d+(?:\.\d+)?$/.test(trimmed)) return 'number';
  if (/^(?:"[^"]*"|'[^']*')$/.test(trimmed)) return 'string';
  if (/^(?:true|false)$/i.test(trimmed)) return 'boolean';
  return undefined;
}
