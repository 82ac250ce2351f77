import * as crypto from 'node:crypto';
import type { StoredEvent } from './chain.js';

/**
 * A chain head signed with a key the database does not hold. Whoever can write the database
 * can rewrite an event and recompute every hash after it, and the chain still verifies; they
 * cannot sign the new head. So an auditor who trusts only the public key catches the rewrite.
 */
export interface HistorySeal {
  instanceId: string;
  /** The event whose hash is sealed: every event up to it is covered. */
  seq: number;
  hash: string;
  /** Which key signed (the public key's fingerprint), so keys can be rotated. */
  keyId: string;
  /** Base64 Ed25519 signature over `sealMessage(instanceId, seq, hash)`. */
  signature: string;
  /** When the seal was made (the engine's clock). */
  sealedAt: number;
}

/** Signs chain heads; given to the engine (`historySealer`), holding the private key outside the database. */
export interface HistorySealer {
  readonly keyId: string;
  sign(message: string): string;
  /** The verifier for this sealer's own key (the engine checks its seals with it). */
  verifier(): SealVerifier;
}

/** Checks seals; needs only public keys, so an auditor can run it anywhere. */
export interface SealVerifier {
  verify(keyId: string, message: string, signature: string): boolean;
}

/** What is signed: a fixed prefix (no other use of the key can produce it), the instance, the place and the hash. Pure. */
export function sealMessage(instanceId: string, seq: number, hash: string): string {
  return `yichuang history seal v1\n${instanceId}\n${seq}\n${hash}`;
}

/** A key's id: the first 16 hex digits of SHA-256 over its public key (DER). */
function keyIdOf(publicKey: crypto.KeyObject): string {
  return crypto.createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

/**
 * A sealer with an Ed25519 private key (PEM, e.g. from `openssl genpkey -algorithm ed25519`).
 * @throws Error when the key is not an Ed25519 private key.
 */
export function ed25519Sealer(privateKeyPem: string): HistorySealer {
  const privateKey = crypto.createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`the history key must be an Ed25519 private key, not ${privateKey.asymmetricKeyType ?? 'a secret key'}`);
  const publicKey = crypto.createPublicKey(privateKey);
  const keyId = keyIdOf(publicKey);
  const own = ed25519Verifier([publicKey.export({ type: 'spki', format: 'pem' }).toString()]);
  return {
    keyId,
    sign: (message) => crypto.sign(null, Buffer.from(message), privateKey).toString('base64'),
    verifier: () => own,
  };
}

/** A verifier knowing these Ed25519 public keys (PEM), each under its fingerprint. */
export function ed25519Verifier(publicKeysPem: readonly string[]): SealVerifier {
  const keys = new Map(publicKeysPem.map((pem) => {
    const key = crypto.createPublicKey(pem);
    return [keyIdOf(key), key] as const;
  }));
  return {
    verify(keyId, message, signature) {
      const key = keys.get(keyId);
      return key !== undefined && crypto.verify(null, Buffer.from(message), key, Buffer.from(signature, 'base64'));
    },
  };
}

export interface SealCheck {
  ok: boolean;
  /** The last event a valid seal covers (-1: none). Events after it are not yet sealed. */
  sealedThrough: number;
  reason?: string;
}

/**
 * Checks an instance's seals against its events: every seal's signature is valid for a known
 * key, and the event it names still has the sealed hash (a rewritten history, even with its
 * hashes recomputed, has another). With the chain itself verified, the events up to the
 * newest seal are as they were sealed. Pure.
 */
export function checkSeals(instanceId: string, events: readonly StoredEvent[], seals: readonly HistorySeal[], verifier: SealVerifier): SealCheck {
  let sealedThrough = -1;
  for (const seal of [...seals].sort((a, b) => a.seq - b.seq)) {
    if (seal.instanceId !== instanceId) return { ok: false, sealedThrough, reason: `a seal of instance ${seal.instanceId} is filed under ${instanceId}` };
    if (!verifier.verify(seal.keyId, sealMessage(seal.instanceId, seal.seq, seal.hash), seal.signature)) {
      return { ok: false, sealedThrough, reason: `the seal of event ${seal.seq} is not signed by a known key (key ${seal.keyId})` };
    }
    const event = events[seal.seq];
    if (!event) return { ok: false, sealedThrough, reason: `event ${seal.seq} was sealed but is missing: the history was cut short` };
    if (event.hash !== seal.hash) return { ok: false, sealedThrough, reason: `event ${seal.seq} no longer has the hash that was sealed: the history was rewritten` };
    sealedThrough = seal.seq;
  }
  return { ok: true, sealedThrough };
}
