import { calculateJwkThumbprint, exportJWK, exportSPKI, generateKeyPair, type CryptoKey, type JWK } from 'jose';

export type AsymmetricAlg = 'ES256' | 'RS256';

export interface SigningKey {
  alg: AsymmetricAlg;
  kid: string;
  /** Non-extractable: the private key never leaves WebCrypto (not even to a log or a store). */
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public JWK as published in the JWKS: no private members. */
  publicJwk: JWK;
}

/**
 * A shared HMAC secret (RFC 7518 §3.2): exists only in lab realms whose AS signs HS256 with a
 * weak secret. Never published in the JWKS; its `kid` names it so the RS can pick it.
 */
export interface HmacKey {
  alg: 'HS256';
  kid: string;
  secret: Uint8Array;
}

export interface RealmKeys {
  /** The key used unless a client or flow asks for another algorithm. */
  default: SigningKey;
  /** The published, asymmetric keys (the JWKS). */
  all: SigningKey[];
  /** The realm's HMAC key, when it has one. */
  hmac?: HmacKey;
  byKid(kid: string): SigningKey | undefined;
  /** SPKI PEM of a published key, as a naive RS would load it from a file (algorithm confusion). */
  publicPem(kid: string): Promise<string | undefined>;
}

/** RFC 7638 §3: the kid is the key's SHA-256 thumbprint, so it is stable for the key itself. */
export function kidOf(jwk: JWK): Promise<string> {
  return calculateJwkThumbprint(jwk, 'sha256');
}

interface KeyPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

function newPair(alg: AsymmetricAlg): Promise<KeyPair> {
  // WebCrypto generates in libuv's thread pool: the event loop is not blocked while RSA primes are found.
  return generateKeyPair(alg, { extractable: false });
}

/**
 * RSA-2048 generation costs tens of milliseconds of CPU, far over the budget of creating a lab realm;
 * for lab realms a few pairs are made ahead of time, off the request path, and refilled in the
 * background. The pool starts with the first lab realm, so a server that only serves `demo` never
 * pays for it.
 */
const RSA_POOL_SIZE = 8;
const rsaPool: Array<Promise<KeyPair>> = [];

function refillPool(): void {
  while (rsaPool.length < RSA_POOL_SIZE) {
    const next = newPair('RS256');
    next.catch(() => undefined);
    rsaPool.push(next);
  }
}

function takePooledRsaPair(): Promise<KeyPair> {
  const pair = rsaPool.shift() ?? newPair('RS256');
  refillPool();
  return pair;
}

/** Fills the pool of ready RSA pairs, if it is not full (a lab realm was created: more will follow). */
export const warmKeyPool: () => void = refillPool;

async function signingKey(alg: AsymmetricAlg, pair: KeyPair): Promise<SigningKey> {
  const jwk = await exportJWK(pair.publicKey);
  const kid = await kidOf(jwk);
  return { alg, kid, ...pair, publicJwk: { ...jwk, kid, alg, use: 'sig' } };
}

/**
 * Generates a realm's key set: ES256 (default) and RS256, plus an HMAC key when given a secret.
 * `pooled`: take the RSA pair from the lab realms' pool (see above) instead of making one now.
 */
export async function generateRealmKeys(options: { hmacSecret?: string; pooled?: boolean } = {}): Promise<RealmKeys> {
  const rsaPair = options.pooled ? takePooledRsaPair() : newPair('RS256');
  const [es, rs] = await Promise.all([newPair('ES256').then((p) => signingKey('ES256', p)), rsaPair.then((p) => signingKey('RS256', p))]);
  const all = [es, rs];
  const pems = new Map<string, Promise<string>>();
  const hmac: HmacKey | undefined = options.hmacSecret === undefined
    ? undefined
    : { alg: 'HS256', kid: 'hs256-shared-secret', secret: new TextEncoder().encode(options.hmacSecret) };
  return {
    default: es,
    all,
    hmac,
    byKid: (kid) => all.find((k) => k.kid === kid),
    publicPem(kid) {
      const key = all.find((k) => k.kid === kid);
      if (!key) return Promise.resolve(undefined);
      let pem = pems.get(kid);
      if (!pem) pems.set(kid, (pem = exportSPKI(key.publicKey)));
      return pem;
    },
  };
}
