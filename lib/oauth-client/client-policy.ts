import { hasWeakness, type RealmDescriptor } from '@/lib/realms/descriptor';
import type { Check } from './checklist';

/**
 * The client's own policy points: each has its hardened strategy, and a client-side weakness of
 * the realm (catalogue `server: "client"`) replaces one by name, the way the servers' weaknesses
 * replace theirs. Machines ask {@link clientPolicy} once; no `if (weak)` in their steps.
 */

/** The answer of a state strategy: the checklist line, and whether the redirect may be believed. */
export interface StateVerdict {
  check: Check;
  accept: boolean;
}

/** Compares the `state` of the redirect back with the one this browser sent (RFC 6749 §10.12). */
export type StateCheck = (received: string | null, sent: string) => StateVerdict;

const STATE = { name: 'state matches what this browser sent', spec: 'RFC 6749 §10.12' };

/** Hardened: the state must come back unchanged, or the response is refused (CSRF, RFC 9700 §4.7). */
export const compareState: StateCheck = (received, sent) =>
  received === sent
    ? { accept: true, check: { ...STATE, passed: true, detail: `state = ${received}` } }
    : { accept: false, check: { ...STATE, passed: false, detail: `expected ${sent}, got ${received ?? '(none)'}` } };

/** `client-skips-state-check`: the client never compares, so an attacker's redirect is believed. */
export const skipStateCheck: StateCheck = (received, sent) => ({
  accept: true,
  check: {
    ...STATE,
    passed: false,
    outcome: 'skipped',
    detail: `skipped by this lab realm (client-skips-state-check): the client did not compare state (sent ${sent}, got ${received ?? '(none)'})`,
  },
});

export interface ClientPolicy {
  stateCheck: StateCheck;
}

export const HARDENED_CLIENT: ClientPolicy = { stateCheck: compareState };

/** Each client-side weakness, by catalogue name, with the policy point it replaces. */
export const CLIENT_WEAKNESSES: Readonly<Record<string, Partial<ClientPolicy>>> = {
  'client-skips-state-check': { stateCheck: skipStateCheck },
};

/** The client's strategies for a realm: the hardened ones, with the realm's client-side weaknesses applied. */
export function clientPolicy(realm: RealmDescriptor): ClientPolicy {
  return Object.entries(CLIENT_WEAKNESSES).reduce<ClientPolicy>(
    (policy, [name, weak]) => (hasWeakness(realm, name) ? { ...policy, ...weak } : policy),
    HARDENED_CLIENT,
  );
}
