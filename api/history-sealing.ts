import { readFileSync } from 'node:fs';
import { ed25519Sealer } from '../engine/index.js';
import type { EngineOptions, HistoryHash } from '../engine/index.js';

/**
 * How this deployment keeps its case histories provable, from the environment; the api and
 * every worker read the same settings, since whoever commits a step seals its head.
 *
 *   YC_HISTORY_KEY_FILE  an Ed25519 private key (PEM; `openssl genpkey -algorithm ed25519`), kept
 *                        outside the database: chain heads are signed with it
 *   YC_HISTORY_HASH      sha256 (default) or sm3: the digest new history events are chained with
 *
 * Not pure: it reads the environment and the key file.
 * @throws Error naming the setting when the key cannot be read or the digest is unknown.
 */
export function historyOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Pick<EngineOptions, 'historySealer' | 'historyHash'> {
  const options: Pick<EngineOptions, 'historySealer' | 'historyHash'> = {};
  const keyFile = env.YC_HISTORY_KEY_FILE;
  if (keyFile) {
    let pem: string;
    try {
      pem = readFileSync(keyFile, 'utf8');
    } catch (err) {
      throw new Error(`YC_HISTORY_KEY_FILE: cannot read ${keyFile} (${err instanceof Error ? err.message : String(err)})`, { cause: err });
    }
    try {
      options.historySealer = ed25519Sealer(pem);
    } catch (err) {
      throw new Error(`YC_HISTORY_KEY_FILE: ${keyFile} is not an Ed25519 private key in PEM (${err instanceof Error ? err.message : String(err)}); make one with: openssl genpkey -algorithm ed25519`, { cause: err });
    }
  }
  const hash = env.YC_HISTORY_HASH;
  if (hash) {
    if (hash !== 'sha256' && hash !== 'sm3') throw new Error(`YC_HISTORY_HASH is "${hash}": use sha256 or sm3`);
    options.historyHash = hash as HistoryHash;
  }
  return options;
}
