import { describe, expect, test } from '@jest/globals';
import * as crypto from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { historyOptionsFromEnv } from '../../../api/history-sealing.js';

const dir = mkdtempSync(path.join(tmpdir(), 'yc-history-key-'));
const file = (name: string, text: string) => {
  const at = path.join(dir, name);
  writeFileSync(at, text);
  return at;
};

describe('the history settings of a deployment', () => {
  test('an Ed25519 key file makes a sealer; SM3 is chosen by name', () => {
    const pem = crypto.generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const options = historyOptionsFromEnv({ YC_HISTORY_KEY_FILE: file('ok.pem', pem), YC_HISTORY_HASH: 'sm3' });
    expect(options.historySealer?.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(options.historyHash).toBe('sm3');
    expect(historyOptionsFromEnv({})).toEqual({});
  });

  test('a missing file, a key of another kind and an unknown digest are refused naming the setting and the fix', () => {
    expect(() => historyOptionsFromEnv({ YC_HISTORY_KEY_FILE: path.join(dir, 'missing.pem') })).toThrow(/YC_HISTORY_KEY_FILE: cannot read/);
    const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => historyOptionsFromEnv({ YC_HISTORY_KEY_FILE: file('rsa.pem', rsa) })).toThrow(/not an Ed25519 private key.*openssl genpkey -algorithm ed25519/);
    expect(() => historyOptionsFromEnv({ YC_HISTORY_HASH: 'md5' })).toThrow('YC_HISTORY_HASH is "md5": use sha256 or sm3');
  });
});
