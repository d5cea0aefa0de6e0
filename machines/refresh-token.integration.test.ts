import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, waitFor, type AnyActorRef } from 'xstate';
import { discover, introspect, seedCode } from '@/lib/oauth-server/integration/harness';
import { setServerStore } from '@/lib/realms/registry';
import { inProcessFetch } from '@/lib/server-router';
import { MemoryStore } from '@/lib/store/memory-store';
import type { ClientCredentials } from '@/lib/oauth-client/client-auth';
import { CHECK_TITLES } from '@/lib/resource-server/check-report';
import { refreshTokenMachine } from './refresh-token.machine';
import { demoRealm } from '@/lib/realms/descriptor';

const ORIGIN = 'http://localhost:3000';

const settle = (actor: AnyActorRef) => waitFor(actor, (s) => !s.hasTag('busy'));

async function next(actor: AnyActorRef, event: { type: string } = { type: 'user.next' }) {
  actor.send(event);
  await settle(actor);
}

/**
 * The real actors against the real handlers, in-process. The sign-in pages are the browser's part
 * (covered by e2e): here the code is written to the store as the consent page would, bound to the
 * machine's own PKCE challenge and nonce, and the callback is handed to the machine.
 */
async function signedIn(client: ClientCredentials, scope = 'openid offline_access photos:read') {
  const actor = createActor(refreshTokenMachine, { input: { origin: ORIGIN, realm: demoRealm(ORIGIN), client, scope } }).start();
  await settle(actor);
  await next(actor);
  await next(actor);
  await next(actor);
  actor.send({ type: 'browser.navigated' });
  const { pkce, issuer } = actor.getSnapshot().context;
  const { code } = await seedCode({ clientId: client.clientId, scope: scope.split(' '), nonce: pkce!.nonce }, pkce!.pkce.verifier);
  actor.send({
    type: 'callback.received',
    url: `${ORIGIN}/flows/callback?code=${code}&state=${pkce!.state}&iss=${encodeURIComponent(issuer)}`,
  });
  await next(actor);
  expect(actor.getSnapshot().value).toBe('callbackAccepted');
  await next(actor);
  expect(actor.getSnapshot().value).toEqual({ tokenRequest: 'ready' });
  return actor;
}

describe('refresh-token machine against the embedded servers', () => {
  beforeEach(() => {
    setServerStore(new MemoryStore());
    vi.stubGlobal('fetch', inProcessFetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    { clientId: 'spa', method: 'none' },
    { clientId: 'web', secret: 'web-secret', method: 'client_secret_basic' },
  ] as ClientCredentials[])('rotates on every refresh, and a replay revokes the family ($clientId, $method)', async (client) => {
    const actor = await signedIn(client);
    await next(actor); // refresh #1
    await next(actor); // API
    expect(actor.getSnapshot().context.exchanges.at(-1)?.response?.status).toBe(200);
    await next(actor); // refresh #2
    const { issued, checks } = actor.getSnapshot().context;
    const refreshTokens = issued.map((i) => i.tokens.refresh_token);
    expect(refreshTokens).toHaveLength(3);
    expect(new Set(refreshTokens).size).toBe(3);
    expect(new Set(issued.map((i) => i.tokens.access_token)).size).toBe(3);
    // Rotation, the refreshed ID token (OIDC Core §12.2) and its signature all checked out.
    expect(checks.refresh1.filter((c) => !c.passed)).toEqual([]);
    expect(checks.refresh2.filter((c) => !c.passed)).toEqual([]);
    expect(checks.refresh2.length).toBeGreaterThan(10);

    await next(actor); // → replaySpent (idle)
    await next(actor, { type: 'user.replaySpent' });
    const replay = actor.getSnapshot().context.exchanges.at(-1)!;
    expect(replay.request.body).toContain(`refresh_token=${refreshTokens[0]}`);
    expect(replay.response?.status).toBe(400);
    expect(JSON.parse(replay.response!.body!)).toMatchObject({ error: 'invalid_grant' });
    expect(actor.getSnapshot().context.facts.replaySpent).toContainEqual({ label: 'error', value: 'invalid_grant' });

    await next(actor); // → tryCurrent (idle)
    await next(actor, { type: 'user.tryCurrent' });
    const current = actor.getSnapshot().context.exchanges.at(-1)!;
    expect(current.request.body).toContain(`refresh_token=${refreshTokens[2]}`);
    expect(current.response?.status).toBe(400);
    expect(JSON.parse(current.response!.body!)).toMatchObject({ error: 'invalid_grant' });

    await next(actor); // the API with the family's last access token
    const api = actor.getSnapshot().context.exchanges.at(-1)!;
    expect(api.response?.status).toBe(401);
    expect(api.response?.headers['www-authenticate']).toContain('invalid_token');
    // The RS's own report: the token alone passes every check; only the lookup of its grant fails.
    const report = actor.getSnapshot().context.checks.callApiRevoked;
    expect(report.length).toBeGreaterThan(5);
    expect(report.filter((c) => !c.passed).map((c) => c.name)).toEqual([CHECK_TITLES.active.title]);
    // Introspection agrees: every access token of the family is inactive.
    const as = await discover();
    for (const { tokens } of issued) expect((await introspect(as, tokens.access_token)).active).toBe(false);

    await next(actor);
    expect(actor.getSnapshot().value).toBe('done');
    expect(actor.getSnapshot().context.error).toBeUndefined();
  });

  it('fails with no_refresh_token when offline_access was not granted', async () => {
    const actor = await signedIn({ clientId: 'spa', method: 'none' }, 'openid photos:read');
    expect(actor.getSnapshot().context.tokens?.refresh_token).toBeUndefined();
    await next(actor);
    expect(actor.getSnapshot().value).toBe('failed');
    expect(actor.getSnapshot().context.error?.code).toBe('no_refresh_token');
  });
});
