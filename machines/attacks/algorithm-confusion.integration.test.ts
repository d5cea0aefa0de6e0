import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeProtectedHeader } from 'jose';
import { setServerStore } from '@/lib/realms/registry';
import { inProcessFetch } from '@/lib/server-router';
import { MemoryStore } from '@/lib/store/memory-store';
import { CHECK_TITLES } from '@/lib/resource-server/check-report';
import { algorithmConfusionMachine } from './algorithm-confusion.machine';
import { playAttack } from './test-run';

describe('algorithm confusion against real lab realms', () => {
  beforeEach(() => {
    setServerStore(new MemoryStore());
    vi.stubGlobal('fetch', inProcessFetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('the vulnerable RS verifies the HS256 token with its RSA public key and serves Alice’s photos; the hardened one refuses HS256', async () => {
    const vulnerable = await playAttack(algorithmConfusionMachine, 'vulnerable', ['rs-algorithm-confusion']);
    expect(vulnerable.final).toBe('outcome');
    expect(vulnerable.context.outcome).toMatchObject({ succeeded: true });
    expect(vulnerable.context.outcome?.what).toContain('Alice’s photos');
    const jwks = vulnerable.context.exchanges.find((e) => e.step === 'forge');
    expect(jwks).toMatchObject({ from: 'attacker', to: 'as', request: { method: 'GET' }, response: { status: 200 } });
    expect(jwks?.request.url).toMatch(/\/jwks$/);
    expect(vulnerable.context.checks.replay.find((c) => c.name === CHECK_TITLES.key.title)).toMatchObject({ outcome: 'weakened' });
    const forged = vulnerable.context.exchanges.at(-1)!.request.headers.authorization.slice('Bearer '.length);
    expect(decodeProtectedHeader(forged)).toMatchObject({ alg: 'HS256', typ: 'at+jwt' });

    const hardened = await playAttack(algorithmConfusionMachine, 'hardened', ['rs-algorithm-confusion']);
    expect(hardened.realm.weaknesses).toEqual([]);
    expect(hardened.context.outcome).toMatchObject({ succeeded: false });
    expect(hardened.context.outcome?.what).toMatch(/401 invalid_token.*algorithm/);
    expect(hardened.context.checks.replay.find((c) => c.name === CHECK_TITLES.alg.title)).toMatchObject({ outcome: 'fail' });
  });
});
