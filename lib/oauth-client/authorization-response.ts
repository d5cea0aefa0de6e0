import type { Check } from './checklist';
import { compareState, type StateCheck } from './client-policy';
import { fail, ok, type ClientError, type Result } from './result';

export interface CallbackExpectations {
  state: string;
  issuer: string;
  /** RFC 9207 §2.4: when the AS says it sends `iss`, a response without it must be refused. */
  issRequired: boolean;
  /** How `state` is compared: {@link compareState} unless the realm weakens the client (client-policy.ts). */
  stateCheck?: StateCheck;
}

export interface CallbackOutcome {
  checks: Check[];
  result: Result<{ code: string }>;
}

/**
 * The checks every authorization response gets before its content is believed, whatever carries it
 * (the query of a code response, the fragment of an implicit one): `state` first (RFC 6749 §10.12),
 * so a forged error is not believed either, then `iss` (RFC 9207 §2.4).
 */
export function checkStateAndIssuer(
  params: URLSearchParams,
  expect: CallbackExpectations,
): { checks: Check[]; refused?: { ok: false; error: ClientError } } {
  const checks: Check[] = [];
  const state = (expect.stateCheck ?? compareState)(params.get('state'), expect.state);
  checks.push(state.check);
  if (!state.accept)
    return {
      checks,
      refused: fail(
        'state_mismatch',
        'The state in the response is not the one this client sent: the response is refused (possible CSRF).',
        'callback',
      ),
    };
  const iss = params.get('iss');
  const issOk = iss === expect.issuer || (iss === null && !expect.issRequired);
  checks.push({
    name: 'iss is the authorization server we used',
    passed: issOk,
    detail: issOk ? `iss = ${iss ?? '(not sent)'}` : `expected ${expect.issuer}, got ${iss ?? '(none)'}`,
    spec: 'RFC 9207 §2.4',
  });
  if (!issOk)
    return {
      checks,
      refused: fail('issuer_mismatch', 'The response names another issuer (or none): it is refused (mix-up defence).', 'callback'),
    };
  return { checks };
}

/**
 * Validates the redirect back to the client (RFC 6749 §4.1.2). Order matters: `state` first, so an
 * error response forged by an attacker is not believed either (RFC 6749 §10.12); then `iss` (RFC 9207 §2.4);
 * then error or code.
 */
export function validateCallback(callbackUrl: string, expect: CallbackExpectations): CallbackOutcome {
  const params = new URL(callbackUrl).searchParams;
  const { checks, refused } = checkStateAndIssuer(params, expect);
  if (refused) return { checks, result: refused };
  const error = params.get('error');
  if (error) {
    const description = params.get('error_description');
    return {
      checks,
      result: fail(error, description ? `${error}: ${description}` : `The authorization server answered "${error}".`, 'callback'),
    };
  }
  const code = params.get('code');
  if (!code) return { checks, result: fail('missing_code', 'The response has neither a code nor an error.', 'callback') };
  checks.push({
    name: 'an authorization code came back',
    passed: true,
    detail: `${code.length} characters, single use, short-lived`,
    spec: 'RFC 6749 §4.1.2',
  });
  return { checks, result: ok({ code }) };
}

/** Whether the redirect back is an error response (RFC 6749 §4.1.2.1): a non-empty `error`, as validateCallback reads it. */
export function carriesError(callbackUrl: string): boolean {
  try {
    return !!new URL(callbackUrl).searchParams.get('error');
  } catch {
    return false;
  }
}

/** A copy of the callback URL with `state` altered: the "tamper" control of the player. */
export function tamperState(callbackUrl: string): string {
  const url = new URL(callbackUrl);
  url.searchParams.set('state', `${url.searchParams.get('state') ?? ''}-tampered`);
  return url.toString();
}
