import { beforeAll, describe, expect, it } from 'vitest';
import { calculateJwkThumbprint, importSPKI, type JWK } from 'jose';
import { composePoints, findWeakness } from '@/lib/realms/catalogue';
import type { RealmKeys, SigningKey } from '@/lib/realms/keys';
import type { Realm } from '@/lib/realms/types';
import { setServerStore } from '@/lib/realms/registry';
import { demoRealm } from '@/lib/resource-server/test-tokens';
import { verifyAccessToken } from '@/lib/resource-server/verify-access-token';
import { MemoryStore } from '@/lib/store/memory-store';
import jwtio from '@/lib/jwt/fixtures/jwtio-default-tokens.json';
import vectors from './derived-attack-lab.json';

/**
 * The derived attack vectors (lib/attack-lab/vectors/derived-attack-lab.json, copied from the
 * research notes) run through the RS's one verifier, against a test realm whose only published key
 * is jwt.io's RS256 key — the key the vectors were forged against. The vectors are jwt.io-style
 * tokens (`typ: JWT`, no iss/aud/exp/jti), not RFC 9068 access tokens, so even a weakened verifier
 * refuses them in the end; what a vector tests is the cryptographic stage (format → alg → key →
 * signature). "Accepted" below means that stage passed and the first check that failed is `typ`.
 */

type Stage = 'malformed' | 'algorithm' | 'unknown-key' | 'signature' | 'typ';

interface Case {
  id: string;
  /** Which token of the vector (the main one, or a named variant). */
  token?: 'variant_with_trailing_newline';
  /** The lab weakness that models the vulnerable verifier of the vector, if one does. */
  weakness?: string;
  /** Where the hardened verifier refuses it. */
  hardened: Stage;
  /** Where the weakened one stops: `typ` = the signature stage accepted the forgery. */
  weakened?: Stage;
  why?: string;
}

const CASES: Case[] = [
  // The lab's rs-skips-signature still picks a key by kid first; this vector has none (see the point-level test below).
  {
    id: 'unverified-signature',
    weakness: 'rs-skips-signature',
    hardened: 'unknown-key',
    weakened: 'unknown-key',
    why: 'no kid: the weakened RS still needs a key of the issuer before it skips the signature',
  },
  { id: 'alg-none', weakness: 'rs-accepts-alg-none', hardened: 'algorithm', weakened: 'typ' },
  { id: 'alg-None', weakness: 'rs-accepts-alg-none', hardened: 'algorithm', weakened: 'typ' },
  { id: 'alg-NONE', weakness: 'rs-accepts-alg-none', hardened: 'algorithm', weakened: 'typ' },
  { id: 'alg-nOnE', weakness: 'rs-accepts-alg-none', hardened: 'algorithm', weakened: 'typ' },
  { id: 'null-signature', hardened: 'unknown-key', why: 'no lab weakness short-circuits an empty signature' },
  { id: 'alg-confusion-rs256-to-hs256', weakness: 'rs-algorithm-confusion', hardened: 'algorithm', weakened: 'typ' },
  // One byte more in the secret (a trailing newline) is another MAC: the lab's RS loads the PEM without one.
  {
    id: 'alg-confusion-rs256-to-hs256',
    token: 'variant_with_trailing_newline',
    weakness: 'rs-algorithm-confusion',
    hardened: 'algorithm',
    weakened: 'signature',
  },
  { id: 'jwk-header-injection', weakness: 'rs-trusts-embedded-jwk', hardened: 'unknown-key', weakened: 'typ' },
  { id: 'kid-path-traversal-dev-null', weakness: 'rs-kid-path-traversal', hardened: 'algorithm', weakened: 'typ' },
  { id: 'psychic-signature-es256', hardened: 'unknown-key', why: 'CVE-2022-21449 is a Java ECDSA bug; no lab weakness models it' },
  { id: 'weak-hmac-secret', hardened: 'algorithm', why: 'the weak secret is the AS’s (as-hs256-weak-secret), not a verifier weakness' },
  { id: 'expired-but-validly-signed', hardened: 'algorithm', why: 'signed with RFC 7515 A.1’s key, which is not this realm’s' },
];

interface Vector {
  id: string;
  token: string;
  variant_with_trailing_newline?: string;
}

async function jwtioRealm(): Promise<Realm> {
  const v = jwtio.vectors.RS256;
  const { n, e, kty } = v.jwk as JWK;
  const publicJwk: JWK = { kty, n, e };
  const kid = await calculateJwkThumbprint(publicJwk, 'sha256');
  const pem = v.public_key_pem.replace(/\n$/, '');
  const key: SigningKey = {
    alg: 'RS256',
    kid,
    publicKey: await importSPKI(pem, 'RS256'),
    privateKey: undefined as never,
    publicJwk: { ...publicJwk, kid, alg: 'RS256' },
  };
  const keys: RealmKeys = {
    default: key,
    all: [key],
    byKid: (k) => (k === kid ? key : undefined),
    publicPem: async (k) => (k === kid ? pem : undefined),
  };
  const demo = await demoRealm();
  return { ...demo, id: 'jwtio-vectors', keys, algorithms: ['ES256', 'RS256'], store: new MemoryStore() };
}

function pointsOf(weakness?: string) {
  if (!weakness) return composePoints([]);
  const w = findWeakness(weakness);
  if (!w) throw new Error(`unknown weakness ${weakness}`);
  return composePoints([w]);
}

async function stageOf(token: string, realm: Realm, weakness?: string): Promise<string> {
  try {
    await verifyAccessToken(token, realm, { points: pointsOf(weakness) });
    return 'accepted';
  } catch (err) {
    return (err as { reason?: string }).reason ?? `threw ${String(err)}`;
  }
}

describe('derived attack-lab vectors through the RS verifier (jwt.io’s RS256 key as the realm key)', () => {
  let realm: Realm;
  beforeAll(async () => {
    setServerStore(new MemoryStore());
    realm = await jwtioRealm();
  });

  it('covers every vector of the file', () => {
    const ids = new Set((vectors.vectors as Vector[]).map((v) => v.id));
    expect(new Set(CASES.map((c) => c.id))).toEqual(ids);
  });

  for (const c of CASES) {
    const label = `${c.id}${c.token ? ` (${c.token})` : ''}`;
    it(`${label}: the hardened verifier refuses it at ${c.hardened}${c.weakness ? `; with ${c.weakness} it stops at ${c.weakened}` : ''}`, async () => {
      const tokens = (vectors.vectors as Vector[]).filter((v) => v.id === c.id).map((v) => (c.token ? v[c.token] : v.token));
      expect(tokens.length).toBeGreaterThan(0);
      for (const token of tokens) {
        expect(token).toBeTypeOf('string');
        expect(await stageOf(token!, realm)).toBe(c.hardened);
        if (c.weakness) expect(await stageOf(token!, realm, c.weakness)).toBe(c.weakened);
      }
    });
  }

  it('unverified-signature at the signature point: hardened verifying fails, rs-skips-signature skips it', async () => {
    const verifyFails = async () => false;
    expect(await pointsOf()['rs.signature'](verifyFails)).toBe('fail');
    expect(await pointsOf('rs-skips-signature')['rs.signature'](verifyFails)).toBe('skipped');
  });
});
