import { KeyObject, sign, verify } from 'node:crypto';
import type { SigningKey } from './keys';

/**
 * The realm's own ES256/RS256 keys used through node:crypto instead of WebCrypto: the same keys
 * (KeyObject views of the realm's non-extractable CryptoKeys), the same algorithms, byte-identical
 * JWS (RFC 7515 §7.1 compact serialization; ES256 signatures in the R‖S form of RFC 7518 §3.4).
 * Signing is synchronous — roughly 2.5× WebCrypto's throughput on this machine, which pays for a
 * thread-pool round trip and several promises (scripts/bench servers); verifying runs on the thread
 * pool through node:crypto's callback form (see verifyOwnSignature), without WebCrypto's promises.
 *
 * Only for keys the realm itself made, with the algorithm each key was made for (RFC 8725 §3.1):
 * callers pass the {@link SigningKey}, never a key taken from a token.
 */
const keyObjects = new WeakMap<CryptoKey, KeyObject>();

function keyObjectOf(key: CryptoKey): KeyObject {
  let object = keyObjects.get(key);
  if (!object) keyObjects.set(key, (object = KeyObject.from(key)));
  return object;
}

function options(key: SigningKey, which: 'privateKey' | 'publicKey') {
  const object = keyObjectOf(key[which]);
  // RFC 7518 §3.4: ECDSA signatures are the 64-octet R‖S concatenation, not DER.
  return key.alg === 'ES256' ? { key: object, dsaEncoding: 'ieee-p1363' as const } : object;
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A compact JWS of `payload` with `header`, whose `alg` must be the key's (checked). */
export function signCompact(header: { alg: string } & Record<string, unknown>, payload: Record<string, unknown>, key: SigningKey): string {
  if (header.alg !== key.alg) throw new Error(`a ${key.alg} key cannot sign ${header.alg}`);
  const input = `${encode(header)}.${encode(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), options(key, 'privateKey')).toString('base64url')}`;
}

/**
 * Checks the signature of `signingInput` (`header.payload`, as received) against the realm key.
 * `signature` is the third part, already known to be base64url characters. False on any mismatch.
 *
 * The check runs on libuv's thread pool (node:crypto's callback form), not on the event loop: an
 * ES256 verification is the largest single cost of an RS call with a token the RS has not seen
 * (~0.1 ms of CPU), and off the loop it overlaps with the next requests' parsing and routing on
 * a second core — as WebCrypto's verify does for jose (the bench's oidc-provider RS). The same
 * OpenSSL operation as the synchronous form; only where it runs differs.
 */
export function verifyOwnSignature(signingInput: string, signature: string, key: SigningKey): Promise<boolean> {
  const bytes = Buffer.from(signature, 'base64url');
  if (key.alg === 'ES256' && bytes.length !== 64) return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      verify('sha256', Buffer.from(signingInput), options(key, 'publicKey'), bytes, (err, valid) => resolve(!err && valid === true));
    } catch {
      resolve(false);
    }
  });
}
