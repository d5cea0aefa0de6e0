import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, waitFor, type Actor } from 'xstate';
import { decideDevice } from '@/lib/oauth-server/device/decide';
import { normaliseUserCode } from '@/lib/oauth-server/device/user-code';
import { storeKeys } from '@/lib/oauth-server/records';
import { resolveRealm, setServerStore } from '@/lib/realms/registry';
import { inProcessFetch } from '@/lib/server-router';
import { MemoryStore } from '@/lib/store/memory-store';
import { deviceCodeMachine } from './device-code.machine';
import { demoRealm } from '@/lib/realms/descriptor';

/**
 * The real actors against the real handlers, in-process. The user's decision on the verification
 * page is made the way that page makes it (lib/oauth-server/device/decide.ts), found by the user code.
 * Only setTimeout and Date are faked, so the machine's waits and the AS's clock move together.
 */
const ORIGIN = 'http://localhost:3000';
const input = {
  origin: ORIGIN,
  realm: demoRealm(ORIGIN),
  client: { clientId: 'tv', method: 'none' as const },
  scope: 'openid profile offline_access photos:read',
};
type DeviceActor = Actor<typeof deviceCodeMachine>;

const settled = (actor: DeviceActor) => waitFor(actor, (s) => !s.hasTag('busy') || s.matches({ polling: { running: 'waiting' } }));
const polls = (actor: DeviceActor, n: number) =>
  waitFor(actor, (s) => s.context.polls.length >= n && !JSON.stringify(s.value).includes('requesting'));

async function startPolling(actor: DeviceActor) {
  await settled(actor);
  actor.send({ type: 'user.next' });
  await settled(actor);
  // The TV polls as soon as it shows the code: no Next after the device authorization response.
  actor.send({ type: 'user.next' });
  await polls(actor, 1);
}

/** What the verification page does once the user typed the code, signed in and chose (RFC 8628 §3.3). */
async function decide(userCode: string, decision: 'allow' | 'deny') {
  const realm = (await resolveRealm('demo', ORIGIN))!;
  const deviceCode = await realm.store.get<string>(storeKeys.userCode(normaliseUserCode(userCode)!));
  expect(deviceCode).toBeDefined();
  expect(await decideDevice(realm, deviceCode!, decision, { sub: 'alice', authTime: realm.clock.nowSeconds() })).toBe(true);
}

describe('device-code machine against the embedded servers', () => {
  beforeEach(() => {
    setServerStore(new MemoryStore());
    vi.stubGlobal('fetch', inProcessFetch);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('polls (pending, slow_down), gets tokens after approval, validates the ID token without a nonce and calls the API', async () => {
    const actor = createActor(deviceCodeMachine, { input }).start();
    await startPolling(actor);
    const device = actor.getSnapshot().context.device!;
    expect(device.user_code).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
    expect(device.verification_uri_complete).toBe(`${device.verification_uri}?user_code=${device.user_code}`);
    expect(actor.getSnapshot().context.polls[0]).toMatchObject({ status: 400, error: 'authorization_pending', interval: 5 });

    actor.send({ type: 'user.pollNow' });
    await polls(actor, 2);
    expect(actor.getSnapshot().context.polls[1]).toMatchObject({ status: 400, error: 'slow_down', early: true, interval: 10 });
    expect(actor.getSnapshot().context.interval).toBe(10);

    await decide(device.user_code, 'allow');
    await vi.advanceTimersByTimeAsync(10_000);
    await waitFor(actor, (s) => s.value === 'tokenResponse');
    const tokens = actor.getSnapshot().context.tokens!;
    expect(tokens.id_token).toBeDefined();
    expect(tokens.refresh_token).toBeDefined();
    // The AS agreed with the TV's interval: the poll after slow_down, 10 s later, was not too fast.
    expect(actor.getSnapshot().context.polls.map((p) => p.error ?? p.status)).toEqual(['authorization_pending', 'slow_down', 200]);

    actor.send({ type: 'user.next' });
    await settled(actor);
    const checks = actor.getSnapshot().context.checks.validateIdToken;
    expect(checks.map((c) => c.name)).not.toContain('nonce is the one this client sent');
    expect(checks.filter((c) => !c.passed)).toEqual([]);
    actor.send({ type: 'user.next' });
    await settled(actor);
    expect(actor.getSnapshot().value).toEqual({ callApi: 'ready' });
    expect(actor.getSnapshot().context.exchanges.at(-1)?.response?.status).toBe(200);
  });

  it('ends in accessDenied when the user denies on the second device', async () => {
    const actor = createActor(deviceCodeMachine, { input }).start();
    await startPolling(actor);
    await decide(actor.getSnapshot().context.device!.user_code, 'deny');
    await vi.advanceTimersByTimeAsync(5_000);
    await waitFor(actor, (s) => s.status === 'done');
    expect(actor.getSnapshot().value).toBe('accessDenied');
    expect(actor.getSnapshot().context.error?.code).toBe('access_denied');
  });

  it('ends in expired when nobody decides within expires_in', async () => {
    const actor = createActor(deviceCodeMachine, { input }).start();
    await startPolling(actor);
    const { expires_in } = actor.getSnapshot().context.device!;
    // Every poll until the code expires answers authorization_pending; the one after answers expired_token.
    for (let i = 0; i < expires_in / 5 + 2 && actor.getSnapshot().status !== 'done'; i++) {
      await vi.advanceTimersByTimeAsync(actor.getSnapshot().context.interval * 1000);
      await waitFor(actor, (s) => s.status === 'done' || JSON.stringify(s.value).includes('waiting'));
    }
    const snap = actor.getSnapshot();
    expect(snap.value).toBe('expired');
    expect(snap.context.error?.code).toBe('expired_token');
    expect(snap.context.polls.filter((p) => p.error === 'slow_down')).toEqual([]);
  });
});
