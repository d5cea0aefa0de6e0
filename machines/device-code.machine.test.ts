import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise, type Actor } from 'xstate';
import { fail, ok } from '@/lib/oauth-client/result';
import type { DeviceAuthorization, TokenSet } from '@/lib/oauth-client/token-response';
import { deviceCodeMachine, POLL_EXCHANGE_STEP } from './device-code.machine';
import type { StepOutput } from './step-output';
import { METADATA, ORIGIN, TOKENS, fakeExchange, okActor } from './test-fakes';
import { demoRealm } from '@/lib/realms/descriptor';

const DEVICE: DeviceAuthorization = {
  device_code: 'dev-code-secret',
  user_code: 'BCDF-GHJK',
  verification_uri: `${ORIGIN}/as/demo/device`,
  verification_uri_complete: `${ORIGIN}/as/demo/device?user_code=BCDF-GHJK`,
  expires_in: 600,
  interval: 5,
};

type Answer = 'pending' | 'slow_down' | 'access_denied' | 'expired_token' | 'invalid_grant' | 'network' | 'tokens';

/** Status and body as the real AS sends them (RFC 8628 §3.5 errors are HTTP 400), recorded under the step the machine names, like the real actor. */
function answer(a: Answer, step: string, n: number): StepOutput<TokenSet> {
  const ex = (status: number) => ({ ...fakeExchange(step), id: `poll-${n}`, response: { status, headers: {}, ms: 1 } });
  if (a === 'tokens') return { step, exchanges: [ex(200)], result: ok(TOKENS) };
  if (a === 'network') return { step, exchanges: [], result: fail('network_error', 'The request could not be sent: offline', step) };
  const code = a === 'pending' ? 'authorization_pending' : a;
  return { step, exchanges: [ex(400)], result: fail(code, code, 'token') };
}

/** A poll actor that plays a script of answers and counts the requests it was asked to send. */
function scriptedPoll(script: Answer[]) {
  const sent: string[] = [];
  const actor = fromPromise<StepOutput<TokenSet>, { deviceCode: string; step: string }>(async ({ input }) => {
    sent.push(input.deviceCode);
    return answer(script[Math.min(sent.length - 1, script.length - 1)], input.step, sent.length);
  });
  return { actor, sent };
}

function machineWith(poll: unknown, over: Record<string, unknown> = {}) {
  return deviceCodeMachine.provide({
    actors: {
      discover: okActor('discover', METADATA),
      deviceAuthorization: okActor('deviceAuthorization', DEVICE),
      poll,
      validateIdToken: okActor('validateIdToken', { keys: [] }),
      callApi: okActor('callApi', '[]'),
      ...over,
    } as never,
  });
}

const input = {
  origin: ORIGIN,
  realm: demoRealm(ORIGIN),
  client: { clientId: 'tv', method: 'none' as const },
  scope: 'openid profile offline_access photos:read',
};
type DeviceActor = Actor<typeof deviceCodeMachine>;

/** Lets resolved promises (the fake actors) deliver their results without moving the clock. */
const flush = () => vi.advanceTimersByTimeAsync(0);

/** Discovery → device authorization → the TV shows the code and polls: the first poll goes out at once, with no further Next. */
async function toPolling(actor: DeviceActor) {
  await flush();
  actor.send({ type: 'user.next' });
  await flush();
  expect(actor.getSnapshot().value).toEqual({ deviceAuthorization: 'ready' });
  actor.send({ type: 'user.next' });
  expect(actor.getSnapshot().value).toEqual({ polling: { running: 'requesting' } });
  await flush();
}

describe('device-code machine', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('polls every interval while authorization is pending, then walks tokens → ID token → API → done', async () => {
    const poll = scriptedPoll(['pending', 'pending', 'tokens']);
    const actor = createActor(machineWith(poll.actor), { input }).start();
    await toPolling(actor);
    expect(poll.sent).toEqual(['dev-code-secret']);
    expect(actor.getSnapshot().value).toEqual({ polling: { running: 'waiting' } });
    // Nothing is sent before the interval has passed, and Next does nothing while polling.
    actor.send({ type: 'user.next' });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(poll.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(poll.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(poll.sent).toHaveLength(3);
    const snap = actor.getSnapshot();
    expect(snap.value).toBe('tokenResponse');
    expect(snap.context.tokens).toEqual(TOKENS);
    expect(snap.context.error).toBeUndefined();
    expect(snap.context.polls.map((p) => [p.status, p.error, p.interval])).toEqual([
      [400, 'authorization_pending', 5],
      [400, 'authorization_pending', 5],
      [200, undefined, 5],
    ]);
    // The pending polls are filed for the poll log, the one with the tokens under the step it led to.
    expect(snap.context.exchanges.filter((e) => e.step === POLL_EXCHANGE_STEP)).toHaveLength(2);
    expect(snap.context.exchanges.filter((e) => e.step === 'tokenResponse')).toHaveLength(1);
    expect(snap.context.exchanges.filter((e) => e.step === 'polling')).toHaveLength(0);
    const ids = new Set(snap.context.exchanges.map((e) => e.id));
    expect(snap.context.polls.every((p) => p.exchangeId !== undefined && ids.has(p.exchangeId))).toBe(true);
    expect(new Set(snap.context.polls.map((p) => p.exchangeId)).size).toBe(3);
    // Polling stopped: no timer left to send another request.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(poll.sent).toHaveLength(3);
    for (const _ of [1, 2, 3]) {
      actor.send({ type: 'user.next' });
      await flush();
    }
    expect(actor.getSnapshot().value).toBe('done');
    expect(actor.getSnapshot().context.trail).toEqual([
      'discover',
      'deviceAuthorization',
      'polling',
      'tokenResponse',
      'validateIdToken',
      'callApi',
      'done',
    ]);
  });

  it('adds 5 seconds to the interval on slow_down, for that and every later poll (RFC 8628 §3.5)', async () => {
    const poll = scriptedPoll(['pending', 'slow_down', 'pending', 'tokens']);
    const actor = createActor(machineWith(poll.actor), { input }).start();
    await toPolling(actor);
    expect(actor.getSnapshot().context.interval).toBe(5);
    actor.send({ type: 'user.pollNow' });
    await flush();
    expect(poll.sent).toHaveLength(2);
    const after = actor.getSnapshot().context;
    expect(after.interval).toBe(10);
    expect(after.polls[1]).toMatchObject({ error: 'slow_down', early: true, interval: 10 });
    expect(after.error).toBeUndefined();
    // The next poll waits the new interval, not the old one.
    await vi.advanceTimersByTimeAsync(9_999);
    expect(poll.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(poll.sent).toHaveLength(3);
    expect(actor.getSnapshot().context.polls[2]).toMatchObject({ error: 'authorization_pending', early: false, interval: 10 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(actor.getSnapshot().value).toBe('tokenResponse');
  });

  it('uses 5 seconds when the server gives no interval (RFC 8628 §3.2)', async () => {
    const poll = scriptedPoll(['pending', 'tokens']);
    const { interval: _, ...noInterval } = DEVICE;
    const actor = createActor(machineWith(poll.actor, { deviceAuthorization: okActor('deviceAuthorization', noInterval) }), {
      input,
    }).start();
    await toPolling(actor);
    expect(actor.getSnapshot().context.interval).toBe(5);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(poll.sent).toHaveLength(2);
  });

  it.each([
    ['access_denied', 'accessDenied'],
    ['expired_token', 'expired'],
    ['invalid_grant', 'failed'],
    ['network', 'failed'],
  ] as const)('ends polling on %s in %s', async (error, end) => {
    const poll = scriptedPoll(['pending', error]);
    const actor = createActor(machineWith(poll.actor), { input }).start();
    await toPolling(actor);
    await vi.advanceTimersByTimeAsync(5_000);
    const snap = actor.getSnapshot();
    expect(snap.value).toBe(end);
    expect(snap.status).toBe('done');
    expect(snap.context.error?.code).toBe(error === 'network' ? 'network_error' : error);
    expect(snap.context.polls.at(-1)?.status).toBe(error === 'network' ? undefined : 400);
    // The poll that ended it is shown on the end step; a request that was never sent has no exchange.
    const last = snap.context.polls.at(-1)!;
    if (error === 'network') expect(last.exchangeId).toBeUndefined();
    else expect(snap.context.exchanges.find((e) => e.id === last.exchangeId)?.step).toBe(end);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(poll.sent).toHaveLength(2);
  });

  it('goes straight to the API when there is no ID token (no openid scope)', async () => {
    const { id_token: _, ...noId } = TOKENS;
    const poll = fromPromise<StepOutput<TokenSet>, unknown>(async () => ({ step: 'polling', exchanges: [], result: ok(noId) }));
    const actor = createActor(machineWith(poll), { input: { ...input, scope: 'photos:read' } }).start();
    await toPolling(actor);
    expect(actor.getSnapshot().value).toBe('tokenResponse');
    actor.send({ type: 'user.next' });
    await flush();
    expect(actor.getSnapshot().value).toEqual({ callApi: 'ready' });
  });

  it('fails when the device authorization request fails, without polling', async () => {
    const poll = scriptedPoll(['pending']);
    const failing = fromPromise(async () => ({
      step: 'deviceAuthorization',
      exchanges: [],
      result: fail('invalid_scope', 'bad scope', 'device_authorization'),
    }));
    const actor = createActor(machineWith(poll.actor, { deviceAuthorization: failing }), { input }).start();
    await flush();
    actor.send({ type: 'user.next' });
    await flush();
    expect(actor.getSnapshot().value).toBe('failed');
    expect(actor.getSnapshot().context.error?.code).toBe('invalid_scope');
    expect(poll.sent).toHaveLength(0);
  });

  it('sends the device_code from the device authorization response, and validates the ID token without a nonce', async () => {
    let validateInput: Record<string, unknown> = {};
    const validate = fromPromise(async ({ input: i }: { input: Record<string, unknown> }) => {
      validateInput = i;
      return { step: 'validateIdToken', exchanges: [], result: ok({ keys: [] }) };
    });
    const poll = scriptedPoll(['tokens']);
    const actor = createActor(machineWith(poll.actor, { validateIdToken: validate }), { input }).start();
    await toPolling(actor);
    actor.send({ type: 'user.next' });
    await flush();
    expect(poll.sent).toEqual([DEVICE.device_code]);
    expect(validateInput).toMatchObject({ clientId: 'tv', issuer: `${ORIGIN}/as/demo` });
    expect(validateInput.nonce).toBeUndefined();
  });
});
