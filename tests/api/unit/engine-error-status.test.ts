import { describe, expect, test } from '@jest/globals';
import { ENGINE_ERROR_CODES, EngineError } from '../../../engine/index.js';
import type { EngineErrorCode } from '../../../engine/index.js';
import { ENGINE_ERROR_STATUS, toApiError } from '../../../api/http/errors.js';

const codes = Object.keys(ENGINE_ERROR_CODES) as EngineErrorCode[];

describe('engine refusals as HTTP answers', () => {
  test('every engine code has a meaning and a status, and the table names no other code', () => {
    for (const code of codes) expect(ENGINE_ERROR_CODES[code].length).toBeGreaterThan(10);
    expect(Object.keys(ENGINE_ERROR_STATUS).sort()).toEqual([...codes].sort());
  });

  test.each(codes)('%s answers with its status; the platform\'s own faults only as INTERNAL', (code) => {
    const answer = toApiError(new EngineError(code, `refused: ${code}`));
    expect(answer.status).toBe(ENGINE_ERROR_STATUS[code]);
    if (answer.status >= 500) {
      expect(answer.code).toBe('INTERNAL');
      expect(answer.message).not.toContain(code);
    } else {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.code).toBe(code);
      expect(answer.message).toBe(`refused: ${code}`);
    }
  });

  test('what a client can fix is a 4xx: a task completed twice, a stale instance, a model that does not deploy', () => {
    expect(toApiError(new EngineError('TASK_ALREADY_COMPLETED', 'x')).status).toBe(409);
    expect(toApiError(new EngineError('CONFLICT', 'x')).status).toBe(409);
    expect(toApiError(new EngineError('MODEL_INVALID', 'x')).status).toBe(422);
    expect(toApiError(new EngineError('TASK_NOT_FOUND', 'x')).status).toBe(404);
  });
});
