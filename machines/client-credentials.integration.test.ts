import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { inProcessFetch } from '@/lib/server-router';
import { clientCredentialsMachine } from './client-credentials.machine';
import { demoRealm } from '@/lib/realms/descriptor';

/** The real actors against the real handlers, in-process (the same router the servers use). */
describe('client-credentials machine against the embedded servers', () => {
  beforeEach(() => vi.stubGlobal('fetch', inProcessFetch));
  afterEach(() => vi.unstubAllGlobals());

  it.each(['client_secret_basic', 'client_secret_post'] as const)('gets a token with %s and the RS answers 200', async (method) => {
    const actor = createActor(clientCredentialsMachine, { input: { origin: 'http://localhost:3000', realm: demoRealm('http://localhost:3000'), client: { clientId: 'service', secret: 'service-secret', method }, scope: 'photos:read' } }).start();
    const settled = () => waitFor(actor, (s) => !s.hasTag('busy'));
    await settled();
    actor.send({ type: 'user.next' });
    await settled();
    expect(actor.getSnapshot().context.tokens?.refresh_token).toBeUndefined();
    actor.send({ type: 'user.next' });
    await settled();
    const snap = actor.getSnapshot();
    expect(snap.value).toEqual({ callApi: 'ready' });
    expect(snap.context.checks.callApi.every((c) => c.passed)).toBe(true);
    expect(snap.context.exchanges.at(-1)?.response?.status).toBe(200);
  });

  it('fails with invalid_client when the secret is wrong', async () => {
    const actor = createActor(clientCredentialsMachine, { input: { origin: 'http://localhost:3000', realm: demoRealm('http://localhost:3000'), client: { clientId: 'service', secret: 'nope', method: 'client_secret_basic' }, scope: 'photos:read' } }).start();
    await waitFor(actor, (s) => !s.hasTag('busy'));
    actor.send({ type: 'user.next' });
    await waitFor(actor, (s) => s.value === 'failed');
    expect(actor.getSnapshot().context.error?.code).toBe('invalid_client');
  });
});
