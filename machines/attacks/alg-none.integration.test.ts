import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setServerStore } from '@/lib/realms/registry';
import { inProcessFetch } from '@/lib/server-router';
import { MemoryStore } from '@/lib/store/memory-store';
import { CHECK_TITLES } from '@/lib/resource-server/check-report';
import { algNoneMachine, NONE_SPELLINGS } from './alg-none.machine';
import { playAttack } from './test-run';

describe('alg none against real lab realms', () => {
  beforeEach(() => {
    setServerStore(new MemoryStore());
    vi.stubGlobal('fetch', inProcessFetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  it.each(NONE_SPELLINGS)(
    'alg "%s": the vulnerable RS serves Alice’s photos; the hardened one refuses with invalid_token',
    async (variant) => {
      const vulnerable = await playAttack(algNoneMachine, 'vulnerable', ['rs-accepts-alg-none'], { variant });
      expect(vulnerable.final).toBe('outcome');
      expect(vulnerable.context.outcome).toMatchObject({ succeeded: true });
      expect(vulnerable.context.outcome?.what).toContain('Alice’s photos');
      expect(vulnerable.context.checks.replay.find((c) => c.name === CHECK_TITLES.alg.title)).toMatchObject({ outcome: 'weakened' });
      const forged = vulnerable.context.exchanges.at(-1)!.request.headers.authorization;
      expect(forged).toMatch(/^Bearer [\w-]+\.[\w-]+\.$/);

      const hardened = await playAttack(algNoneMachine, 'hardened', ['rs-accepts-alg-none'], { variant });
      expect(hardened.realm.weaknesses).toEqual([]);
      expect(hardened.context.outcome).toMatchObject({ succeeded: false });
      expect(hardened.context.outcome?.what).toMatch(/401 invalid_token/);
      expect(hardened.context.exchanges.at(-1)?.response?.status).toBe(401);
    },
  );
});
