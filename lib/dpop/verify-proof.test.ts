import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, base64url, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../store/memory-store';
import {
  accessTokenHash,
  DPoPProofError,
  MAX_PROOF_LENGTH,
  readProofHeader,
  verifyProof,
  type DPoPProofReason,
  type ProofContext,
  type ProofExpectation,
} from './verify-proof';

const NOW = 1_800_000_000;
const HTU = 'http://localhost:3000/as/demo/token';
const ACCESS_TOKEN = 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln';

let privateKey: CryptoKey;
let jwk: JWK;
let otherPrivateKey: CryptoKey;
let privateJwk: JWK;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  privateKey = pair.privateKey;
  jwk = await exportJWK(pair.publicKey);
  privateJwk = await exportJWK(pair.privateKey);
  otherPrivateKey = (await generateKeyPair('ES256')).privateKey;
});

const context = (): ProofContext => ({ store: new MemoryStore(), clock: { nowSeconds: () => NOW } });

interface ProofShape {
  header?: Record<string, unknown>;
  claims?: Record<string, unknown>;
  /** Claims to leave out. */
  omit?: string[];
  signWith?: CryptoKey | Uint8Array;
}

async function makeProof(shape: ProofShape = {}): Promise<string> {
  const claims: Record<string, unknown> = { jti: crypto.randomUUID(), htm: 'POST', htu: HTU, iat: NOW, ...shape.claims };
  for (const name of shape.omit ?? []) delete claims[name];
  const header = { typ: 'dpop+jwt', alg: 'ES256', jwk, ...shape.header } as { alg: string };
  return new SignJWT(claims).setProtectedHeader(header).sign(shape.signWith ?? privateKey);
}

/** An unsecured JWS (RFC 7515 §A.5): header.payload. with no signature. */
function unsigned(): string {
  const enc = (v: unknown) => base64url.encode(JSON.stringify(v));
  return `${enc({ typ: 'dpop+jwt', alg: 'none', jwk })}.${enc({ jti: 'x', htm: 'POST', htu: HTU, iat: NOW })}.`;
}

async function reasonOf(proof: string, expect: Partial<ProofExpectation> = {}, ctx = context()): Promise<DPoPProofReason | 'accepted'> {
  try {
    await verifyProof(proof, ctx, { method: 'POST', url: HTU, ...expect });
    return 'accepted';
  } catch (err) {
    if (err instanceof DPoPProofError) return err.reason;
    throw err;
  }
}

describe('the DPoP proof verifier (RFC 9449 §4.3)', () => {
  it('accepts a well-formed proof and returns the RFC 7638 thumbprint of its key', async () => {
    const verified = await verifyProof(await makeProof(), context(), { method: 'POST', url: HTU });
    expect(verified.jkt).toBe(await calculateJwkThumbprint(jwk, 'sha256'));
    expect(verified.alg).toBe('ES256');
  });

  it('accepts htu after RFC 3986 normalisation, ignoring query and fragment (§4.3 point 9)', async () => {
    expect(await reasonOf(await makeProof({ claims: { htu: 'HTTP://LOCALHOST:3000/as/demo/%74oken' } }))).toBe('accepted');
    expect(await reasonOf(await makeProof({ claims: { htu: `${HTU}?a=1#f` } }))).toBe('accepted');
  });

  it('accepts a resource proof whose ath is the token hash and whose key is the bound one', async () => {
    const proof = await makeProof({ claims: { htm: 'GET', ath: accessTokenHash(ACCESS_TOKEN) } });
    const jkt = await calculateJwkThumbprint(jwk, 'sha256');
    expect(await reasonOf(proof, { method: 'GET', accessToken: ACCESS_TOKEN, jkt })).toBe('accepted');
  });

  const table: [string, () => Promise<string>, DPoPProofReason, Partial<ProofExpectation>?][] = [
    ['typ is not dpop+jwt', () => makeProof({ header: { typ: 'JWT' } }), 'typ'],
    ['typ is missing', () => makeProof({ header: { typ: undefined } }), 'typ'],
    ['alg is none', async () => unsigned(), 'alg'],
    ['alg is HS256', () => makeProof({ header: { alg: 'HS256' }, signWith: new Uint8Array(32).fill(7) }), 'alg'],
    ['alg is not on the allow-list', async () => unsignedWithAlg('ES512'), 'alg'],
    ['the jwk is missing', () => makeProof({ header: { jwk: undefined } }), 'jwk'],
    ['the jwk carries the private key', () => makeProof({ header: { jwk: privateJwk } }), 'jwk'],
    ['the jwk is a symmetric key', () => makeProof({ header: { jwk: { kty: 'oct', k: 'c2VjcmV0' } } }), 'jwk'],
    ['the jwk is of another type than alg needs', () => makeProof({ header: { jwk: { kty: 'RSA', n: 'AQAB', e: 'AQAB' } } }), 'jwk'],
    ['the signature is not made with the jwk', () => makeProof({ signWith: otherPrivateKey }), 'signature'],
    ['jti is missing', () => makeProof({ omit: ['jti'] }), 'claims'],
    ['iat is missing', () => makeProof({ omit: ['iat'] }), 'claims'],
    ['htm does not match the method', () => makeProof({ claims: { htm: 'GET' } }), 'htm'],
    ['htm differs in letter case', () => makeProof({ claims: { htm: 'post' } }), 'htm'],
    ['htu names another endpoint', () => makeProof({ claims: { htu: 'http://localhost:3000/as/demo/userinfo' } }), 'htu'],
    ['htu names another origin', () => makeProof({ claims: { htu: 'https://localhost:3000/as/demo/token' } }), 'htu'],
    ['htu is relative', () => makeProof({ claims: { htu: '/as/demo/token' } }), 'htu'],
    ['htu carries userinfo', () => makeProof({ claims: { htu: 'http://mallory@localhost:3000/as/demo/token' } }), 'htu'],
    ['iat is 61 s old', () => makeProof({ claims: { iat: NOW - 61 } }), 'iat'],
    ['iat is 61 s ahead', () => makeProof({ claims: { iat: NOW + 61 } }), 'iat'],
    ['ath is missing at a protected resource', () => makeProof(), 'ath', { accessToken: ACCESS_TOKEN }],
    [
      'ath is the hash of another token',
      () => makeProof({ claims: { ath: accessTokenHash('another') } }),
      'ath',
      { accessToken: ACCESS_TOKEN },
    ],
    ['the key is not the one the token is bound to', () => makeProof(), 'key-binding', { jkt: 'A'.repeat(43) }],
    ['the header is too long', async () => 'a'.repeat(MAX_PROOF_LENGTH + 1), 'header'],
    ['it is no JWT at all', async () => 'not-a-jwt', 'format'],
    ['the payload is not JSON', async () => `${base64url.encode('{"typ":"dpop+jwt"}')}.${base64url.encode('[1]')}.AA`, 'format'],
  ];
  it.each(table)('refuses a proof when %s', async (_title, build, reason, expect_ = {}) => {
    expect(await reasonOf(await build(), expect_)).toBe(reason);
  });

  it('refuses a replayed proof: its jti is remembered in the realm store (§11.1)', async () => {
    const ctx = context();
    const proof = await makeProof();
    expect(await reasonOf(proof, {}, ctx)).toBe('accepted');
    expect(await reasonOf(proof, {}, ctx)).toBe('replay');
    // Another realm's store has not seen it.
    expect(await reasonOf(proof, {}, context())).toBe('accepted');
  });

  it('does not spend the jti of a proof that failed another check', async () => {
    const ctx = context();
    const jti = crypto.randomUUID();
    expect(await reasonOf(await makeProof({ claims: { jti, htm: 'GET' } }), {}, ctx)).toBe('htm');
    expect(await reasonOf(await makeProof({ claims: { jti } }), {}, ctx)).toBe('accepted');
  });

  it('errors carry the invalid_dpop_proof code of RFC 9449 §5, §7.1', async () => {
    const error = await verifyProof('x', context(), { method: 'POST', url: HTU }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DPoPProofError);
    expect((error as DPoPProofError).code).toBe('invalid_dpop_proof');
  });
});

describe('reading the DPoP header (§4.3 point 1)', () => {
  it('refuses two DPoP headers', async () => {
    const headers = new Headers();
    headers.append('DPoP', await makeProof());
    headers.append('DPoP', await makeProof());
    expect(() => readProofHeader(headers)).toThrow(DPoPProofError);
  });

  it('is undefined without one and the value with one', async () => {
    expect(readProofHeader(new Headers())).toBeUndefined();
    const proof = await makeProof();
    expect(readProofHeader(new Headers({ dpop: proof }))).toBe(proof);
  });
});

function unsignedWithAlg(alg: string): string {
  const enc = (v: unknown) => base64url.encode(JSON.stringify(v));
  return `${enc({ typ: 'dpop+jwt', alg, jwk })}.${enc({ jti: 'x', htm: 'POST', htu: HTU, iat: NOW })}.AAAA`;
}
