import { createHmac } from 'node:crypto';
import { SignJWT, base64url, decodeJwt, decodeProtectedHeader, exportJWK, exportSPKI, generateKeyPair, importJWK, type JWK } from 'jose';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseCheckReport } from '../../resource-server/check-report';
import { inProcessFetch } from '../../server-router';
import { MemoryStore } from '../../store/memory-store';
import { ATTACKER_JWKS_KEY, attackerJwksUrl } from '../attacker-jwks';
import { setServerStore } from '../registry';
import { LAB_ORIGIN, createLab, type LabRealm } from '../test-lab';

/**
 * Each resource-server weakness changes what the RS does: the forged token is accepted by a lab realm
 * with the weakness (and the RS's own report names the skipped or weakened check) and refused by a
 * hardened lab realm, which reports the check that failed.
 */
let clockNow = 1_900_000_000;
const clock = { nowSeconds: () => clockNow };
beforeEach(() => {
  clockNow = 1_900_000_000;
  setServerStore(new MemoryStore({ clock }), clock);
});
afterEach(() => vi.restoreAllMocks());

const enc = (v: unknown) => base64url.encode(JSON.stringify(v));

/** Mallory's own, genuine token from the realm (client credentials): her forgeries start from it. */
async function malloryToken(lab: LabRealm): Promise<string> {
  const res = await inProcessFetch(`${lab.issuer}/token`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: `Basic ${Buffer.from('service:service-secret').toString('base64')}`,
    },
    body: 'grant_type=client_credentials&scope=photos:read',
  });
  return (await res.json()).access_token;
}

async function callApi(lab: LabRealm, token: string) {
  const res = await inProcessFetch(`${lab.resource}/photos`, { headers: { Authorization: `Bearer ${token}` } });
  const checks = Object.fromEntries(parseCheckReport(res.headers.get('flowlab-checks')).map((c) => [c.check, c.outcome]));
  return { status: res.status, checks, body: await res.json() };
}

/** The forged payload: Mallory's claims, now speaking for alice with admin rights. */
async function forgedClaims(lab: LabRealm) {
  return { ...decodeJwt(await malloryToken(lab)), sub: 'alice', role: 'admin' };
}

type Forge = (lab: LabRealm) => Promise<string>;

async function expectOpposite(
  weakness: string,
  forge: Forge,
  weakenedCheck: string,
  outcome: 'weakened' | 'skipped',
  hardenedFail: string,
) {
  const vulnerable = await createLab([weakness]);
  const hardened = await createLab([]);
  const v = await callApi(vulnerable, await forge(vulnerable));
  expect(v.status, JSON.stringify(v.body)).toBe(200);
  expect(v.body.owner).toBe('alice');
  expect(v.checks[weakenedCheck]).toBe(outcome);
  const h = await callApi(hardened, await forge(hardened));
  expect(h.status).toBe(401);
  expect(h.body.error).toBe('invalid_token');
  expect(h.checks[hardenedFail]).toBe('fail');
  return { vulnerable, hardened };
}

describe('resource-server weaknesses: vulnerable accepts, hardened refuses', () => {
  it.each(['none', 'None', 'NONE', 'nOnE'])('rs-accepts-alg-none: alg %s with no signature', async (alg) => {
    await expectOpposite(
      'rs-accepts-alg-none',
      async (lab) => `${enc({ alg, typ: 'at+jwt' })}.${enc(await forgedClaims(lab))}.`,
      'alg',
      'weakened',
      'alg',
    );
  });

  it('rs-algorithm-confusion: HS256 signed with the RS256 public key from the published JWKS', async () => {
    const forge: Forge = async (lab) => {
      const jwks = (await (await inProcessFetch(`${lab.issuer}/jwks`)).json()).keys as JWK[];
      const rsa = jwks.find((k) => k.alg === 'RS256')!;
      const pem = await exportSPKI((await importJWK(rsa, 'RS256')) as CryptoKey);
      return new SignJWT(await forgedClaims(lab))
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: rsa.kid })
        .sign(new TextEncoder().encode(pem));
    };
    await expectOpposite('rs-algorithm-confusion', forge, 'key', 'weakened', 'alg');
  });

  it('rs-trusts-embedded-jwk: Mallory’s own key in the jwk header', async () => {
    const forge: Forge = async (lab) => {
      const { privateKey, publicKey } = await generateKeyPair('ES256');
      return new SignJWT(await forgedClaims(lab))
        .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', jwk: await exportJWK(publicKey) })
        .sign(privateKey);
    };
    await expectOpposite('rs-trusts-embedded-jwk', forge, 'key', 'weakened', 'key');
  });

  it('rs-trusts-jku: the realm’s attacker JWKS is read in-process; any other jku is refused without a request', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'mallory', alg: 'ES256' };
    const forge =
      (jku: (lab: LabRealm) => string): Forge =>
      async (lab) => {
        await (await lab.realm()).store.set(ATTACKER_JWKS_KEY, { keys: [jwk] }, 3600);
        return new SignJWT(await forgedClaims(lab))
          .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: 'mallory', jku: jku(lab) })
          .sign(privateKey);
      };
    const { vulnerable } = await expectOpposite(
      'rs-trusts-jku',
      forge((lab) => attackerJwksUrl(LAB_ORIGIN, lab.id)),
      'key',
      'weakened',
      'key',
    );
    for (const url of [
      'http://169.254.169.254/jwks',
      `${LAB_ORIGIN}/attacker/someone-else/jwks`,
      'https://evil.example/.well-known/jwks.json',
    ]) {
      const off = await callApi(vulnerable, await forge(() => url)(vulnerable));
      expect(off.status).toBe(401);
      expect(off.body.error_description).toMatch(/never fetches such a URL/);
      expect(off.checks.key).toBe('fail');
    }
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('rs-kid-path-traversal: kid ../../../../dev/null and an empty HMAC secret', async () => {
    const forge: Forge = async (lab) => {
      const head = enc({ alg: 'HS256', typ: 'at+jwt', kid: '../../../../../../dev/null' });
      const body = enc(await forgedClaims(lab));
      return `${head}.${body}.${createHmac('sha256', Buffer.alloc(0)).update(`${head}.${body}`).digest('base64url')}`;
    };
    const { vulnerable } = await expectOpposite('rs-kid-path-traversal', forge, 'key', 'weakened', 'alg');
    // A kid naming another (missing) file is refused, and no file is ever opened.
    const head = enc({ alg: 'HS256', typ: 'at+jwt', kid: '../../etc/passwd' });
    const other = await callApi(vulnerable, `${head}.${enc(await forgedClaims(vulnerable))}.AAAA`);
    expect(other.status).toBe(401);
    expect(other.body.error_description).toMatch(/does not exist/);
  });

  it('rs-skips-signature: an edited payload under the original signature', async () => {
    const forge: Forge = async (lab) => {
      const [h, , s] = (await malloryToken(lab)).split('.');
      return `${h}.${enc(await forgedClaims(lab))}.${s}`;
    };
    await expectOpposite('rs-skips-signature', forge, 'signature', 'skipped', 'signature');
  });

  it('rs-skips-exp: a token half an hour past its exp', async () => {
    const vulnerable = await createLab(['rs-skips-exp']);
    const hardened = await createLab([]);
    const [tv, th] = [await malloryToken(vulnerable), await malloryToken(hardened)];
    clockNow += 1800; // 30 min: past exp and past the AS's record of the token, within the realm's idle hour
    const v = await callApi(vulnerable, tv);
    expect(v.status).toBe(200);
    expect(v.checks).toMatchObject({ exp: 'skipped', active: 'skipped' });
    const h = await callApi(hardened, th);
    expect(h.status).toBe(401);
    expect(h.checks.exp).toBe('fail');
  });

  it('rs-skips-aud: a token minted for another resource server', async () => {
    const forge: Forge = async (lab) => {
      const realm = await lab.realm();
      const key = realm.keys.default;
      const genuine = decodeJwt(await malloryToken(lab));
      // Minted by this realm's AS with its own key, for another audience (another lab realm's RS).
      return new SignJWT({ ...genuine, aud: `${LAB_ORIGIN}/rs/another-api`, sub: 'alice' })
        .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'at+jwt' })
        .sign(key.privateKey);
    };
    await expectOpposite('rs-skips-aud', forge, 'aud', 'skipped', 'aud');
  });

  it('rs-skips-revocation-check: a revoked JWT keeps working until exp', async () => {
    const vulnerable = await createLab(['rs-skips-revocation-check']);
    const hardened = await createLab([]);
    for (const lab of [vulnerable, hardened]) {
      const token = await malloryToken(lab);
      const revoke = await inProcessFetch(`${lab.issuer}/revoke`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Authorization: `Basic ${Buffer.from('service:service-secret').toString('base64')}`,
        },
        body: `token=${token}`,
      });
      expect(revoke.status).toBe(200);
      const r = await callApi(lab, token);
      if (lab === vulnerable) expect([r.status, r.checks.active]).toEqual([200, 'skipped']);
      else expect([r.status, r.checks.active]).toEqual([401, 'fail']);
    }
  });

  it('reports every check on a genuine token in a hardened realm, in order', async () => {
    const lab = await createLab([]);
    const res = await inProcessFetch(`${lab.resource}/photos`, { headers: { Authorization: `Bearer ${await malloryToken(lab)}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('flowlab-checks')).toBe(
      'format=pass, alg=pass, key=pass, signature=pass, typ=pass, iss=pass, aud=pass, exp=pass, claims=pass, active=pass, scope=pass',
    );
    expect(decodeProtectedHeader(await malloryToken(lab)).alg).toBe('ES256');
  });
});
