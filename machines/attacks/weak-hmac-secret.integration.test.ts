import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CrackOutcome } from '@/lib/jwt/crack/crack-client';
import { crackHs256 } from '@/lib/jwt/crack/crack';
import type { Cracker } from '@/lib/attack-lab/hmac-crack';
import { setServerStore } from '@/lib/realms/registry';
import { CHECK_TITLES } from '@/lib/resource-server/check-report';
import { inProcessFetch } from '@/lib/server-router';
import { MemoryStore } from '@/lib/store/memory-store';
import { playAttack } from './test-run';
import { crackActor, weakHmacSecretMachine, type WeakHmacContext } from './weak-hmac-secret.machine';

/** The real guessing loop and the real wordlist, in this process instead of a Web Worker. */
const WORDLIST = new Uint8Array(readFileSync('public/wordlists/common-secrets.txt'));
const nodeCracker: Cracker = (token, onProgress) => {
  const controller = new AbortController();
  const result: Promise<CrackOutcome> = crackHs256(token, WORDLIST, { onProgress, signal: controller.signal }).then(
    (r) => ({
      ok: true,
      found: r.found,
      tried: r.tried,
      total: r.total,
      ms: r.ms,
      rate: r.ms > 0 ? (r.tried * 1000) / r.ms : 0,
      cancelled: r.aborted,
    }),
    (e: Error) => ({ ok: false, error: { code: 'ERR_CRACK_WORKER', message: e.message, where: 'worker' } }),
  );
  return { result, cancel: () => controller.abort() };
};
const machine = weakHmacSecretMachine.provide({ actors: { crack: crackActor(nodeCracker) } });

describe('weak HMAC secret against real lab realms', () => {
  beforeEach(() => {
    setServerStore(new MemoryStore());
    vi.stubGlobal('fetch', inProcessFetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('vulnerable: the secret is cracked from the wordlist and the forged HS256 token gets Alice’s photos', async () => {
    const run = await playAttack(machine, 'vulnerable', ['as-hs256-weak-secret']);
    const context = run.context as WeakHmacContext;
    expect(run.final).toBe('outcome');
    expect(context.crack).toMatchObject({ kind: 'found', secret: expect.any(String) });
    expect(context.crack?.kind === 'found' && context.crack.tried).toBeGreaterThan(0);
    expect(context.outcome).toMatchObject({ succeeded: true });
    expect(context.outcome?.what).toContain('Alice’s photos');
    expect(context.checks.replay.find((c) => c.name === CHECK_TITLES.signature.title)).toMatchObject({ outcome: 'pass' });
    const sent = context.exchanges.at(-1)!.request.headers.authorization.replace(/^Bearer /, '');
    expect(JSON.parse(atob(sent.split('.')[0].replace(/-/g, '+').replace(/_/g, '/')))).toMatchObject({ alg: 'HS256' });
  });

  it('hardened: the token is ES256, nothing is cracked, and the HS256 forgery is refused with invalid_token', async () => {
    const run = await playAttack(machine, 'hardened', ['as-hs256-weak-secret']);
    const context = run.context as WeakHmacContext;
    expect(run.realm.weaknesses).toEqual([]);
    expect(context.crack).toEqual({ kind: 'not-hmac', alg: 'ES256' });
    expect(context.outcome).toMatchObject({ succeeded: false });
    expect(context.outcome?.what).toMatch(/401 invalid_token/);
    expect(context.exchanges.at(-1)?.response?.status).toBe(401);
  });
});
