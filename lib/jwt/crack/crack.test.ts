import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { crackHs256, type CrackProgress } from './crack';
import { CrackError } from './errors';

const b64url = (s: string | Buffer) => Buffer.from(s).toString('base64url');
function hs256(
  secret: string | Buffer,
  payload: object = { sub: 'alice', admin: false },
  header: object = { alg: 'HS256', typ: 'JWT' },
): string {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}
const words = (n: number) => Array.from({ length: n }, (_, i) => `guess-${i}`);
const lines = (xs: string[], eol = '\n') => new TextEncoder().encode(xs.join(eol));

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return e instanceof CrackError ? e.code : `not a CrackError: ${String(e)}`;
  }
  return undefined;
}

describe('crackHs256', () => {
  it('finds the secret in a list of strings and says how many guesses it took', async () => {
    const list = [...words(50), 'keyboard cat', ...words(5)];
    const r = await crackHs256(hs256('keyboard cat'), list);
    expect(r).toMatchObject({ found: 'keyboard cat', tried: 51, total: 56, aborted: false });
  });

  it('finds the secret in wordlist bytes with CRLF line breaks, empty lines and non-ASCII secrets', async () => {
    const list = lines(['', 'secret', '', 'pässwörd-🔑', 'later'], '\r\n');
    const r = await crackHs256(hs256('pässwörd-🔑'), list);
    expect(r).toMatchObject({ found: 'pässwörd-🔑', tried: 2, total: 3 });
  });

  it('finds a secret longer than the 64-byte HMAC block (RFC 2104 §3: hashed first)', async () => {
    const long = 'x'.repeat(100);
    expect((await crackHs256(hs256(long), ['short', long])).found).toBe(long);
  });

  it('tries every guess and finds nothing when the secret is not in the list', async () => {
    const r = await crackHs256(hs256('not-in-the-list'), lines(words(1234)));
    expect(r.found).toBeUndefined();
    expect(r).toMatchObject({ tried: 1234, total: 1234, aborted: false });
  });

  it('does not take a MAC over a different signing input for a hit', async () => {
    const [h, p] = hs256('secret').split('.');
    const other = hs256('secret', { sub: 'mallory' }).split('.')[2];
    expect((await crackHs256(`${h}.${p}.${other}`, ['secret'])).found).toBeUndefined();
  });

  it('reports progress after each batch, ending with every guess tried', async () => {
    const seen: CrackProgress[] = [];
    let clock = 0;
    await crackHs256(hs256('nope'), words(35), { batch: 10, onProgress: (p) => seen.push(p), now: () => (clock += 5) });
    expect(seen.map((p) => p.tried)).toEqual([10, 20, 30, 35]);
    expect(seen.every((p) => p.total === 35 && p.rate > 0 && p.ms > 0)).toBe(true);
  });

  it('stops at the next batch once the signal is aborted, and says so', async () => {
    const ac = new AbortController();
    const r = await crackHs256(hs256('the-last-one'), [...words(100), 'the-last-one'], {
      batch: 10,
      signal: ac.signal,
      onProgress: (p) => p.tried >= 30 && ac.abort(),
    });
    expect(r).toMatchObject({ aborted: true, tried: 30, total: 101 });
    expect(r.found).toBeUndefined();
  });

  it('sees an abort sent from another task while it runs (it yields between batches)', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 20);
    const r = await crackHs256(hs256('never'), lines(words(500_000)), { batch: 1000, signal: ac.signal });
    expect(r.aborted).toBe(true);
    expect(r.tried).toBeLessThan(500_000);
  });

  it('tries nothing when the signal is already aborted', async () => {
    const r = await crackHs256(hs256('secret'), ['secret'], { signal: AbortSignal.abort() });
    expect(r).toMatchObject({ aborted: true, tried: 0 });
  });

  it.each(['HS384', 'HS512'])('refuses %s as out of scope', async (alg) => {
    const token = hs256('secret', {}, { alg });
    expect(await codeOf(crackHs256(token, ['secret']))).toBe('ERR_CRACK_UNSUPPORTED_ALG');
    await expect(crackHs256(token, ['secret'])).rejects.toThrow(/HS256 only.*out of scope/);
  });

  it.each(['RS256', 'ES256', 'none', 'hs256'])('refuses a token whose alg is %s: there is no shared secret to guess', async (alg) => {
    expect(await codeOf(crackHs256(hs256('secret', {}, { alg }), ['secret']))).toBe('ERR_CRACK_UNSUPPORTED_ALG');
  });

  it.each([
    ['not a token', 'abc'],
    ['two parts', 'eyJhbGciOiJIUzI1NiJ9.e30'],
    ['a JWE', 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..aaaa.bbbb.cccc'],
    ['a header that is not JSON', `${b64url('{alg')}.e30.${b64url(Buffer.alloc(32))}`],
    ['a signature that is not base64url', `${b64url('{"alg":"HS256"}')}.e30.a+b/`],
    ['a 31-byte signature', `${b64url('{"alg":"HS256"}')}.e30.${b64url(Buffer.alloc(31))}`],
    ['an empty signature', `${b64url('{"alg":"HS256"}')}.e30.`],
  ])('refuses %s as malformed', async (_what, token) => {
    expect(await codeOf(crackHs256(token, ['secret']))).toBe('ERR_CRACK_MALFORMED_TOKEN');
  });

  it('refuses a signing input over 64 KB', async () => {
    expect(await codeOf(crackHs256(hs256('secret', { pad: 'x'.repeat(70_000) }), ['secret']))).toBe('ERR_CRACK_TOKEN_TOO_LARGE');
  });
});
