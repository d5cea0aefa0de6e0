import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import { createRealmEndpoint } from '@/lib/realms/api';
import { setServerStore } from '@/lib/realms/registry';
import { inProcessFetch } from '@/lib/server-router';
import { MemoryStore } from '@/lib/store/memory-store';
import { CHECK_TITLES } from '@/lib/resource-server/check-report';
import { clientCredentialsMachine } from './client-credentials.machine';
import { demoRealm } from '@/lib/realms/descriptor';

/** The real actors against the real handlers, in-process (the same router the servers use). */
describe('client-credentials machine against the embedded servers', () => {
  beforeEach(() => vi.stubGlobal('fetch', inProcessFetch));
  afterEach(() => vi.unstubAllGlobals());

  it.each(['client_secret_basic', 'client_secret_post'] as const)('gets a token with %s and the RS answers 200', async (method) => {
    const actor = createActor(clientCredentialsMachine, {
      input: {
        origin: 'http://localhost:3000',
        realm: demoRealm('http://localhost:3000'),
        client: { clientId: 'service', secret: 'service-secret', method },
        scope: 'photos:read',
      },
    }).start();
    const settled = () => waitFor(actor, (s) => !s.hasTag('busy'));
    await settled();
    actor.send({ type: 'user.next' });
    await settled();
    expect(actor.getSnapshot().context.tokens?.refresh_token).toBeUndefined();
    actor.send({ type: 'user.next' });
    await settled();
    const snap = actor.getSnapshot();
    expect(snap.value).toEqual({ callApi: 'ready' });
    // The checklist is the RS's own report of this answer: every check it made passed, the scope last.
    expect(snap.context.checks.callApi.length).toBeGreaterThan(5);
    expect(snap.context.checks.callApi.filter((c) => !c.passed)).toEqual([]);
    expect(snap.context.checks.callApi.at(-1)?.name).toBe(CHECK_TITLES.scope.title);
    expect(snap.context.exchanges.at(-1)?.response?.status).toBe(200);
  });

  it('against a lab realm whose RS skips the audience check, shows that check as skipped: the RS\u2019s verdict, not a hardened re-check', async () => {
    setServerStore(new MemoryStore());
    const origin = 'http://localhost:3000';
    const created = await createRealmEndpoint(
      new Request(`${origin}/api/realms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ weaknesses: ['rs-skips-aud'] }),
      }),
      origin,
    );
    const realm = (await created.json()) as RealmDescriptor;
    expect(realm.weaknesses).toEqual(['rs-skips-aud']);
    const actor = createActor(clientCredentialsMachine, {
      input: {
        origin,
        realm,
        client: { clientId: 'service', secret: 'service-secret', method: 'client_secret_basic' },
        scope: 'photos:read',
      },
    }).start();
    const settled = () => waitFor(actor, (s) => !s.hasTag('busy'));
    await settled();
    actor.send({ type: 'user.next' });
    await settled();
    actor.send({ type: 'user.next' });
    await settled();
    const snap = actor.getSnapshot();
    expect(snap.context.exchanges.at(-1)?.request.url).toBe(`${realm.resource}/photos`);
    expect(snap.context.exchanges.at(-1)?.response?.status).toBe(200);
    const aud = snap.context.checks.callApi.find((c) => c.name === CHECK_TITLES.aud.title);
    expect(aud).toMatchObject({ passed: false, outcome: 'skipped' });
  });

  it('fails with invalid_client when the secret is wrong', async () => {
    const actor = createActor(clientCredentialsMachine, {
      input: {
        origin: 'http://localhost:3000',
        realm: demoRealm('http://localhost:3000'),
        client: { clientId: 'service', secret: 'nope', method: 'client_secret_basic' },
        scope: 'photos:read',
      },
    }).start();
    await waitFor(actor, (s) => !s.hasTag('busy'));
    actor.send({ type: 'user.next' });
    await waitFor(actor, (s) => s.value === 'failed');
    expect(actor.getSnapshot().context.error?.code).toBe('invalid_client');
  });
});
