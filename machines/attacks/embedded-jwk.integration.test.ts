import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeProtectedHeader } from 'jose';
import { setServerStore } from '@/lib/realms/registry';
import { inProcessFetch } from '@/lib/server-router';
import { MemoryStore } from '@/lib/store/memory-store';
import { CHECK_TITLES } from '@/lib/resource-server/check-report';
import { embeddedJwkMachine } from './embedded-jwk.machine';
import { playAttack } from './test-run';

describe('embedded jwk against real lab realms', () => {
  beforeEach(() => {
    setServerStore(new MemoryStore());
    vi.stubGlobal('fetch', inProcessFetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('the vulnerable RS verifies with the key in the token and serves Alice’s photos; the hardened one knows no such key', async () => {
    const vulnerable = await playAttack(embeddedJwkMachine, 'vulnerable', ['rs-trusts-embedded-jwk']);
    expect(vulnerable.context.outcome).toMatchObject({ succeeded: true });
    expect(vulnerable.context.outcome?.what).toContain('Alice’s photos');
    expect(vulnerable.context.checks.replay.find((c) => c.name === CHECK_TITLES.key.title)).toMatchObject({ outcome: 'weakened' });
    const forged = vulnerable.context.exchanges.at(-1)!.request.headers.authorization.slice('Bearer '.length);
    const header = decodeProtectedHeader(forged);
    expect(header).toMatchObject({ alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256' } });
    expect(header.jwk).not.toHaveProperty('d');

    const hardened = await playAttack(embeddedJwkMachine, 'hardened', ['rs-trusts-embedded-jwk']);
    expect(hardened.context.outcome).toMatchObject({ succeeded: false });
    expect(hardened.context.outcome?.what).toMatch(/401 invalid_token.*key/);
    expect(hardened.context.checks.replay.find((c) => c.name === CHECK_TITLES.key.title)).toMatchObject({ outcome: 'fail' });
  });
});
