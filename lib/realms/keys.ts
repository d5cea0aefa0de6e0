import { calculateJwkThumbprint, exportJWK, exportSPKI, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

export type AsymmetricAlg = 'ES256' | 'RS256';

export interface SigningKey {
  alg: AsymmetricAlg;
  kid: string;
  /**
   * Non-extractable: the private key never leaves WebCrypto (not even to a log). In memory mode it
   * never existed outside it; when instances share keys, it was made exportable once, stored
   * (keySetToJson), and every instance imports it back as non-extractable.
   */
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

function newPair(alg: AsymmetricAlg, extractable = false): Promise<KeyPair> {
  // WebCrypto generates in libuv's thread pool: the event loop is not blocked while RSA primes are found.
  return generateKeyPair(alg, { extractable });
}

/**
 * RSA-2048 generation costs tens of milliseconds of CPU, far over the budget of creating a lab realm;
 * for lab realms a few pairs are made ahead of time, off the request path, and refilled in the
 * background. The pool starts with the first lab realm, so a server that only serves `demo` never
 * pays for it. Two pools: non-extractable pairs (memory mode) and exportable ones (keys shared
 * through Redis); only a pool that has been used is refilled.
 */
const RSA_POOL_SIZE = rsaPoolSize(process.env.FLOWLAB_RSA_POOL_SIZE);

/** FLOWLAB_RSA_POOL_SIZE: how many ready pairs to keep (default 8; 0 makes each pair when a realm needs it). */
export function rsaPoolSize(text: string | undefined): number {
  const n = Number(text);
  return text !== undefined && text.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= 64 ? n : 8;
}
const rsaPools = new Map<boolean, Array<Promise<KeyPair>>>();

function refill(extractable: boolean): void {
  let pool = rsaPools.get(extractable);
  if (!pool) rsaPools.set(extractable, (pool = []));
  while (pool.length < RSA_POOL_SIZE) {
    const next = newPair('RS256', extractable);
    next.catch(() => undefined);
    pool.push(next);
  }
}

function takePooledRsaPair(extractable: boolean): Promise<KeyPair> {
  const pair = rsaPools.get(extractable)?.shift() ?? newPair('RS256', extractable);
  refill(extractable);
  return pair;
}

/** Which pool warmKeyPool() fills before any has been used: exportable when keys are shared (Redis). */
let poolToWarm = false;
export function warmExportableKeys(exportable: boolean): void {
  poolToWarm = exportable;
}

/** Fills the pools of ready RSA pairs, if they are not full (a lab realm was created: more will follow). */
export function warmKeyPool(): void {
  if (!rsaPools.has(poolToWarm)) refill(poolToWarm);
  for (const extractable of rsaPools.keys()) refill(extractable);
}

async function signingKey(alg: AsymmetricAlg, pair: KeyPair): Promise<SigningKey> {
  const jwk = await exportJWK(pair.publicKey);
  const kid = await kidOf(jwk);
  return { alg, kid, ...pair, publicJwk: { ...jwk, kid, alg, use: 'sig' } };
}

/**
 * Generates a realm's key set: ES256 (default) and RS256, plus an HMAC key when given a secret.
 * `pooled`: take the RSA pair from the lab realms' pool (see above) instead of making one now.
 * The private keys are non-extractable.
 */
export async function generateRealmKeys(options: { hmacSecret?: string; pooled?: boolean } = {}): Promise<RealmKeys> {
  const rsaPair = options.pooled ? takePooledRsaPair(false) : newPair('RS256');
  const [es, rs] = await Promise.all([newPair('ES256').then((p) => signingKey('ES256', p)), rsaPair.then((p) => signingKey('RS256', p))]);
  return realmKeys([es, rs], options.hmacSecret);
}

function realmKeys(all: SigningKey[], hmacSecret: string | undefined): RealmKeys {
  const pems = new Map<string, Promise<string>>();
  const hmac: HmacKey | undefined =
    hmacSecret === undefined ? undefined : { alg: 'HS256', kid: 'hs256-shared-secret', secret: new TextEncoder().encode(hmacSecret) };
  return {
    default: all[0],
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

/**
 * A realm's asymmetric keys as stored for other instances (Redis): the private JWKs, default first.
 * The HMAC secret of a weakened lab realm is not in it: it lives in the realm's record.
 */
interface StoredKeySet {
  v: 1;
  keys: Array<{ alg: AsymmetricAlg; jwk: JWK }>;
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

/** Makes a new key set to share: generated exportable, serialised at once, never kept as CryptoKeys. */
export async function newSharedKeySet(options: { pooled?: boolean } = {}): Promise<string> {
  const rsaPair = options.pooled ? takePooledRsaPair(true) : newPair('RS256', true);
  const [es, rs] = await Promise.all([newPair('ES256', true), rsaPair]);
  const keys = await Promise.all([
    exportJWK(es.privateKey).then((jwk) => ({ alg: 'ES256' as const, jwk })),
    exportJWK(rs.privateKey).then((jwk) => ({ alg: 'RS256' as const, jwk })),
  ]);
  return JSON.stringify({ v: 1, keys } satisfies StoredKeySet);
}

/** A stored key set as this instance's RealmKeys: private keys imported non-extractable. */
export async function importSharedKeySet(json: string, options: { hmacSecret?: string } = {}): Promise<RealmKeys> {
  const stored = JSON.parse(json) as StoredKeySet;
  if (stored?.v !== 1 || !Array.isArray(stored.keys) || stored.keys.length === 0)
    throw new Error('The stored key set has an unknown format.');
  const all = await Promise.all(
    stored.keys.map(async ({ alg, jwk }) => {
      const publicPart: JWK = { ...jwk };
      for (const m of PRIVATE_MEMBERS) delete publicPart[m];
      const [privateKey, publicKey] = await Promise.all([
        importJWK(jwk, alg, { extractable: false }) as Promise<CryptoKey>,
        importJWK(publicPart, alg, { extractable: true }) as Promise<CryptoKey>,
      ]);
      return signingKey(alg, { privateKey, publicKey });
    }),
  );
  return realmKeys(all, options.hmacSecret);
}
