import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import type { AnyStateMachine } from 'xstate';
import { ok, fail } from '@/lib/oauth-client/result';
import { authorizationCodeMachine } from './authorization-code.machine';
import { clientCredentialsMachine } from './client-credentials.machine';
import { deviceCodeMachine } from './device-code.machine';
import { refreshTokenMachine } from './refresh-token.machine';
import { METADATA, ORIGIN, TOKENS } from './test-fakes';
import { demoRealm } from '@/lib/realms/descriptor';

/**
 * Every state of every machine is reachable. Traversal does not run invoked actors, so their
 * completions are offered as events (`xstate.done.actor.<id>`), both successful and failed.
 */
const done = (id: string, value: unknown) => ({ type: `xstate.done.actor.${id}`, output: { step: id, exchanges: [], result: ok(value) } });
const failed = (id: string) => ({ type: `xstate.done.actor.${id}`, output: { step: id, exchanges: [], result: fail('x', 'x', id) } });
const PKCE = { pkce: { verifier: 'v', asciiHex: '', sha256Hex: '', challenge: 'c' }, state: 's', nonce: 'n' };
const iss = encodeURIComponent(`${ORIGIN}/as/demo`);

function leafStates(machine: AnyStateMachine): string[] {
  const out: string[] = [];
  const walk = (node: { states: Record<string, unknown>; path: string[] }) => {
    const children = Object.values(node.states) as Array<{ states: Record<string, unknown>; path: string[] }>;
    if (children.length === 0) out.push(node.path.join('.'));
    children.forEach(walk);
  };
  walk(machine.root as unknown as { states: Record<string, unknown>; path: string[] });
  return out;
}

function reached(machine: AnyStateMachine, input: unknown, events: unknown[]): Set<string> {
  const paths = getShortestPaths(machine, {
    input,
    events: events as never[],
    // Context grows with every exchange, so states are told apart by value only; otherwise the graph is infinite.
    // The callback's kind (code, error, tampered) is kept, so each callback branch is explored once.
    serializeState: (s) => {
      const url = String((s.context as { callbackUrl?: string }).callbackUrl ?? '');
      return JSON.stringify([s.value, url.includes('error='), url.includes('tampered')]);
    },
    limit: 10_000,
  });
  const flat = (v: unknown, prefix = ''): string[] =>
    typeof v === 'string' ? [prefix + v] : Object.entries(v as Record<string, unknown>).flatMap(([k, c]) => flat(c, `${prefix}${k}.`));
  return new Set(paths.flatMap((p) => flat(p.state.value)));
}

/** Every event of the shared sign-in prologue (machines/auth-code-prologue.ts), with each of its actors' outcomes. */
const PROLOGUE_EVENTS = [
  { type: 'user.next' },
  { type: 'browser.navigated' },
  { type: 'user.tamperState' },
  { type: 'callback.received', url: `${ORIGIN}/flows/callback?state=s&iss=${iss}&code=abc` },
  { type: 'callback.received', url: `${ORIGIN}/flows/callback?state=s&iss=${iss}&error=access_denied` },
  done('discover', METADATA),
  failed('discover'),
  done('makePkce', PKCE),
  done('tokenRequest', TOKENS),
  failed('tokenRequest'),
];

describe('reachability', () => {
  it('reaches every state of the authorization-code machine', () => {
    const events = [
      ...PROLOGUE_EVENTS,
      done('validateIdToken', { keys: [] }),
      failed('validateIdToken'),
      done('callApi', '[]'),
      failed('callApi'),
      done('userinfo', '{}'),
      failed('userinfo'),
    ];
    const input = { origin: ORIGIN, realm: demoRealm(ORIGIN), client: { clientId: 'spa', method: 'none' }, scope: 'openid' };
    const seen = reached(authorizationCodeMachine, input, events);
    // checkCallback is transient (eventless `always`): it is passed through, never rested in.
    const expected = leafStates(authorizationCodeMachine).filter((s) => s !== 'checkCallback');
    expect(expected.filter((s) => !seen.has(s))).toEqual([]);
    expect(expected.length).toBeGreaterThan(15);
  });

  it('reaches every state of the client-credentials machine', () => {
    const events = [
      { type: 'user.next' },
      done('discover', METADATA),
      failed('discover'),
      done('tokenRequest', TOKENS),
      failed('tokenRequest'),
      done('callApi', '[]'),
      failed('callApi'),
    ];
    const input = {
      origin: ORIGIN,
      realm: demoRealm(ORIGIN),
      client: { clientId: 'service', secret: 's', method: 'client_secret_basic' },
      scope: 'photos:read',
    };
    const seen = reached(clientCredentialsMachine, input, events);
    const expected = leafStates(clientCredentialsMachine);
    expect(expected.filter((s) => !seen.has(s))).toEqual([]);
  });

  it('reaches every state of the device-code machine', () => {
    const pollAnswer = (code: string) => ({
      type: 'xstate.done.actor.poll',
      output: { step: 'polling', exchanges: [], result: fail(code, code, 'token') },
    });
    const device = { device_code: 'd', user_code: 'BCDF-GHJK', verification_uri: `${ORIGIN}/as/demo/device`, expires_in: 600, interval: 5 };
    const events = [
      { type: 'user.next' },
      { type: 'user.pollNow' },
      done('discover', METADATA),
      failed('discover'),
      done('deviceAuthorization', device),
      failed('deviceAuthorization'),
      ...['authorization_pending', 'slow_down', 'access_denied', 'expired_token', 'invalid_grant'].map(pollAnswer),
      done('poll', TOKENS),
      done('validateIdToken', { keys: [] }),
      failed('validateIdToken'),
      done('callApi', '[]'),
      failed('callApi'),
    ];
    const input = { origin: ORIGIN, realm: demoRealm(ORIGIN), client: { clientId: 'tv', method: 'none' }, scope: 'openid photos:read' };
    const seen = reached(deviceCodeMachine, input, events);
    const expected = leafStates(deviceCodeMachine);
    expect(expected.filter((s) => !seen.has(s))).toEqual([]);
    expect(expected).toContain('polling.running.waiting');
  });

  it('reaches every state of the refresh-token machine', () => {
    const events = [
      ...PROLOGUE_EVENTS,
      { type: 'user.replaySpent' },
      { type: 'user.tryCurrent' },
      done('refresh', { tokens: { ...TOKENS, refresh_token: 'rt-2' }, jwks: { keys: [] } }),
      failed('refresh'),
      done('callApi', '[]'),
      failed('callApi'),
      done('presentRefused', { error: 'invalid_grant' }),
      failed('presentRefused'),
      done('callApiRefused', 'Bearer error="invalid_token"'),
      failed('callApiRefused'),
    ];
    const input = {
      origin: ORIGIN,
      realm: demoRealm(ORIGIN),
      client: { clientId: 'spa', method: 'none' },
      scope: 'openid offline_access photos:read',
    };
    const seen = reached(refreshTokenMachine, input, events);
    const expected = leafStates(refreshTokenMachine).filter((s) => s !== 'checkCallback');
    expect(expected.filter((s) => !seen.has(s))).toEqual([]);
    expect(expected).toEqual(
      expect.arrayContaining(['replaySpent.idle', 'tryCurrent.idle', 'callApiRevoked.ready', 'done', 'accessDenied', 'callbackRefused']),
    );
  });
});
