import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setServerStore } from '@/lib/realms/registry';
import { CHECK_TITLES } from '@/lib/resource-server/check-report';
import { inProcessFetch } from '@/lib/server-router';
import { MemoryStore } from '@/lib/store/memory-store';
import { revocationMachine, type RevocationContext } from './revocation.machine';
import { playAttack } from './test-run';

describe('revocation against real lab realms', () => {
  beforeEach(() => {
    setServerStore(new MemoryStore());
    vi.stubGlobal('fetch', inProcessFetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('vulnerable (JWT, RS skips the revocation check): the revoked token still gets the photos', async () => {
    const run = await playAttack(revocationMachine, 'vulnerable', ['rs-skips-revocation-check']);
    const context = run.context as RevocationContext;
    expect(run.final).toBe('outcome');
    expect(context.own?.tokens.access_token.split('.')).toHaveLength(3);
    expect(context.before).toMatchObject({ succeeded: true });
    expect(context.exchanges.find((e) => e.step === 'revoke')?.response?.status).toBe(200);
    expect(context.outcome).toMatchObject({ succeeded: true });
    expect(context.outcome?.what).toContain('after it was revoked');
    expect(context.checks.replay.find((c) => c.name === CHECK_TITLES.active.title)).toMatchObject({ outcome: 'skipped' });
  });

  it('hardened (opaque tokens looked up at the AS): the same replay is refused at once with invalid_token', async () => {
    const run = await playAttack(revocationMachine, 'hardened', ['rs-skips-revocation-check'], {
      settings: { accessTokenFormat: 'opaque' },
    });
    const context = run.context as RevocationContext;
    expect(run.realm.weaknesses).toEqual([]);
    expect(context.own?.tokens.access_token).not.toContain('.');
    expect(context.before).toMatchObject({ succeeded: true });
    expect(context.outcome).toMatchObject({ succeeded: false });
    expect(context.outcome?.what).toMatch(/401 invalid_token/);
  });

  it('the hardened RS also refuses a revoked JWT (its jti is checked at the AS): the page says so', async () => {
    const run = await playAttack(revocationMachine, 'hardened', ['rs-skips-revocation-check']);
    expect((run.context as RevocationContext).outcome).toMatchObject({ succeeded: false });
  });
});
