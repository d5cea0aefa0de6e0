import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { readAttackerLog } from '@/lib/attack-lab/attacker-log';
import { setServerStore } from '@/lib/realms/registry';
import { createLab, LAB_ORIGIN } from '@/lib/realms/test-lab';
import { inProcessFetch } from '@/lib/server-router';
import { MemoryStore } from '@/lib/store/memory-store';
import type { ServerMode } from './attack-input';
import { passwordGrantMachine, type PasswordGrantContext } from './password-grant.machine';

async function play(mode: ServerMode) {
  const lab = await createLab(mode === 'vulnerable' ? ['as-password-grant-allowed'] : []);
  const realm = { id: lab.id, issuer: lab.issuer, resource: lab.resource, weaknesses: lab.weaknesses };
  const actor = createActor(passwordGrantMachine, { input: { origin: LAB_ORIGIN, realm, mode } }).start();
  actor.send({ type: 'user.submitPassword', username: 'alice', password: 'wonderland' });
  for (let i = 0; i < 10; i++) {
    const s = await waitFor(actor, (x) => !x.hasTag('busy'), { timeout: 60_000 });
    if (s.status === 'done')
      return {
        final: String(s.value),
        context: s.context as PasswordGrantContext,
        log: await readAttackerLog(realm, (u, init) => inProcessFetch(new URL(String(u), LAB_ORIGIN), init)),
      };
    actor.send({ type: 'user.next' });
  }
  throw new Error('the attack did not end');
}

describe('password grant: a look-alike app harvests Alice’s password', () => {
  beforeEach(() => {
    setServerStore(new MemoryStore());
    vi.stubGlobal('fetch', inProcessFetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('vulnerable: the AS issues tokens for the harvested password and Mallory reads Alice’s photos', async () => {
    const run = await play('vulnerable');
    expect(run.final).toBe('outcome');
    expect(run.context.outcome).toMatchObject({ succeeded: true });
    expect(run.context.outcome?.what).toContain('Alice’s photos');
    expect(run.log.some((r) => r.path === '/harvest' && r.fields.password === 'wonderland')).toBe(true);
  });

  it('hardened: unsupported_grant_type, no token, no API call — and the password was harvested all the same', async () => {
    const run = await play('hardened');
    expect(run.final).toBe('outcome');
    expect(run.context.outcome).toMatchObject({ succeeded: false });
    expect(run.context.outcome?.what).toMatch(/unsupported_grant_type/);
    expect(run.context.outcome?.what).toMatch(/not the phishing/);
    expect(run.context.exchanges.some((e) => e.to === 'rs')).toBe(false);
    expect(run.log.some((r) => r.path === '/harvest' && r.fields.password === 'wonderland')).toBe(true);
  });

  it('ignores an empty submission: the form must carry a username and a password', () => {
    const actor = createActor(passwordGrantMachine, {
      input: { origin: LAB_ORIGIN, realm: { id: 'x', issuer: '', resource: '', weaknesses: [] }, mode: 'hardened' },
    }).start();
    actor.send({ type: 'user.submitPassword', username: '', password: '' });
    expect(actor.getSnapshot().value).toBe('lookAlike');
  });
});
