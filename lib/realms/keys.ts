import { calculateJwkThumbprint, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

export interface SigningKey {
  alg: 'ES256' | 'RS256';
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public JWK as published in the JWKS: no private members. */
  publicJwk: JWK;
}

export interface RealmKeys {
  /** The key used unless a client or flow asks for another algorithm. */
  default: SigningKey;
  all: SigningKey[];
  byKid(kid: string): SigningKey | undefined;
}

/** RFC 7638 §3: the kid is the key's SHA-256 thumbprint, so it is stable for the key itself. */
export function kidOf(jwk: JWK): Promise<string> {
  return calculateJwkThumbprint(jwk, 'sha256');
}

async function makeKey(alg: 'ES256' | 'RS256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = await exportJWK(publicKey);
  const kid = await kidOf(jwk);
  const publicJwk: JWK = { ...jwk, kid, alg, use: 'sig' };
  return { alg, kid, privateKey, publicKey, publicJwk };
}

/** Generates a realm's key set: ES256 (default) and RS256. Keys live as long as the process. */
export async function generateRealmKeys(): Promise<RealmKeys> {
  const all = [await makeKey('ES256'), await makeKey('RS256')];
  return { default: all[0], all, byKid: (kid) => all.find((k) => k.kid === kid) };
}
