import * as client from 'openid-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { storeKeys } from '../records';
import { inProcessFetch } from '../../server-router';
import { ISSUER, decideSeededDevice, targetRealm, resetServer } from './harness';

/**
 * openid-client, a second independent client, runs its own RFC 8628 §3.4 polling loop against the AS.
 * Its waits are setTimeout-based: fake timers (and a fake Date, which the AS's clock reads) let the
 * test move time forward instead of sleeping.
 */
beforeEach(async () => {
  await resetServer();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => vi.useRealTimers());

/** Records the error code or status of every token-endpoint answer, so the test can wait for the n-th poll. */
function tracingFetch() {
  const polls: string[] = [];
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  const fetch: client.CustomFetch = async (url, init) => {
    const response = await inProcessFetch(url, init as RequestInit);
    if (String(url).endsWith('/token')) {
      const body = (await response.clone().json()) as { error?: string };
      polls.push(body.error ?? String(response.status));
      for (const w of waiters.filter((x) => x.n <= polls.length)) w.resolve();
    }
    return response;
  };
  const reached = (n: number) => new Promise<void>((resolve) => (polls.length >= n ? resolve() : waiters.push({ n, resolve })));
  return { fetch, polls, reached };
}

async function decide(userCode: string, decision: 'allow' | 'deny') {
  const realm = await targetRealm();
  // The verification page finds the request by user code; the test does the same through the store.
  const deviceCode = await realm.store.get<string>(storeKeys.userCode(userCode));
  await decideSeededDevice(deviceCode!, decision);
}

async function configure(fetch: client.CustomFetch) {
  return client.discovery(ISSUER, 'tv', undefined, client.None(), { [client.customFetch]: fetch, execute: [client.allowInsecureRequests] });
}

describe('device flow driven by openid-client (RFC 8628)', () => {
  it('polls through authorization_pending and receives tokens once the user approved', async () => {
    const trace = tracingFetch();
    const config = await configure(trace.fetch);
    const da = await client.initiateDeviceAuthorization(config, { scope: 'openid offline_access photos:read' });
    expect(da.user_code).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
    expect(da.interval).toBe(5);

    const tokens = client.pollDeviceAuthorizationGrant(config, da);
    await vi.advanceTimersByTimeAsync(5_000);
    await trace.reached(1);
    expect(trace.polls).toEqual(['authorization_pending']);

    await decide(da.user_code.replace('-', ''), 'allow');
    await vi.advanceTimersByTimeAsync(5_000);
    const result = await tokens;
    expect(trace.polls).toEqual(['authorization_pending', '200']);
    expect(result.token_type.toLowerCase()).toBe('bearer');
    expect(result.refresh_token).toBeDefined();
    expect(result.claims()).toMatchObject({ sub: 'alice', aud: 'tv', iss: ISSUER.href });
  });

  it('ends with access_denied when the user denies', async () => {
    const trace = tracingFetch();
    const config = await configure(trace.fetch);
    const da = await client.initiateDeviceAuthorization(config, { scope: 'openid' });
    await decide(da.user_code.replace('-', ''), 'deny');
    const outcome = client.pollDeviceAuthorizationGrant(config, da).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5_000);
    const error = await outcome;
    expect(error).toBeInstanceOf(client.ResponseBodyError);
    expect((error as client.ResponseBodyError).error).toBe('access_denied');
  });
});
