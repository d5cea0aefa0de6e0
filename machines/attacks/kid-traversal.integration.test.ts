import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeProtectedHeader } from 'jose';
import { setServerStore } from '@/lib/realms/registry';
import { inProcessFetch } from '@/lib/server-router';
import { MemoryStore } from '@/lib/store/memory-store';
import { CHECK_TITLES } from '@/lib/resource-server/check-report';
import { kidTraversalMachine, TRAVERSAL_KID } from './kid-traversal.machine';
import { playAttack } from './test-run';

describe('kid path traversal against real lab realms', () => {
  beforeEach(() => {
    setServerStore(new MemoryStore());
    vi.stubGlobal('fetch', inProcessFetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('the vulnerable RS uses the empty key of /dev/null and serves Alice’s photos; the hardened one refuses HS256', async () => {
    const vulnerable = await playAttack(kidTraversalMachine, 'vulnerable', ['rs-kid-path-traversal']);
    expect(vulnerable.context.outcome).toMatchObject({ succeeded: true });
    expect(vulnerable.context.outcome?.what).toContain('Alice’s photos');
    expect(vulnerable.context.checks.replay.find((c) => c.name === CHECK_TITLES.key.title)).toMatchObject({ outcome: 'weakened' });
    const forged = vulnerable.context.exchanges.at(-1)!.request.headers.authorization.slice('Bearer '.length);
    expect(decodeProtectedHeader(forged)).toMatchObject({ alg: 'HS256', kid: TRAVERSAL_KID });

    const hardened = await playAttack(kidTraversalMachine, 'hardened', ['rs-kid-path-traversal']);
    expect(hardened.context.outcome).toMatchObject({ succeeded: false });
    expect(hardened.context.outcome?.what).toMatch(/401 invalid_token.*algorithm/);
  });
});
