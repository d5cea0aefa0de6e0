import { recordFetch } from '@/lib/http-trace/record';
import type { ClientCredentials } from '@/lib/oauth-client/client-auth';
import { ok } from '@/lib/oauth-client/result';
import { refreshTokenRequest } from '@/lib/oauth-client/token-requests';
import { processTokenResponse, type TokenSet } from '@/lib/oauth-client/token-response';
import { networkFailure, type StepOutput } from '../step-output';

/**
 * The refresh-token requests of the replay attack: Alice's client and Mallory send the same
 * grant_type=refresh_token request (RFC 6749 §6) as the public client `spa`, which has no secret.
 * Any answer of the AS is the step's value (a refusal is what the hardened side teaches); only a
 * request that could not be sent fails the step.
 */

/** Alice's client: the public photo gallery (RFC 6749 §2.1), the client whose refresh token leaks. */
export const ALICE_CLIENT: ClientCredentials = { clientId: 'spa', method: 'none' };
/** offline_access asks for the refresh token (OIDC Core §11; this AS issues one only then). */
export const ALICE_SCOPE = 'openid offline_access photos:read';

export type Presented =
  | { accepted: true; tokens: TokenSet; sent: string }
  | { accepted: false; status: number; error: string; description?: string; sent: string };

export interface PresentInput {
  step: string;
  tokenEndpoint: string;
  refreshToken: string;
  from: 'client' | 'attacker';
}

const short = (t: string) => (t.length > 16 ? `${t.slice(0, 8)}…${t.slice(-6)}` : t);

function description(body: string): string | undefined {
  try {
    const v = (JSON.parse(body) as { error_description?: unknown }).error_description;
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Presents a refresh token at the token endpoint and reports what the AS did with it. */
export async function presentRefreshToken(input: PresentInput): Promise<StepOutput<Presented>> {
  const { step, refreshToken: sent } = input;
  try {
    const { exchange, response, body } = await recordFetch(refreshTokenRequest(input.tokenEndpoint, ALICE_CLIENT, sent), {
      step,
      from: input.from,
      to: 'as',
    });
    const answered = processTokenResponse(response.status, body, step);
    const facts = [
      { label: 'refresh_token sent', value: short(sent) },
      { label: 'HTTP status', value: String(response.status) },
    ];
    if (answered.ok) {
      const next = answered.value.refresh_token;
      const rotation =
        next === undefined
          ? 'none came back'
          : next === sent
            ? 'the same one came back: not rotated, still valid'
            : `a new one (${short(next)}): the one sent is now spent`;
      facts.push({ label: 'refresh_token in the answer', value: rotation });
      return { step, exchanges: [exchange], facts, result: ok({ accepted: true, tokens: answered.value, sent }) };
    }
    const said = description(body);
    facts.push({ label: 'error', value: answered.error.code });
    if (said) facts.push({ label: 'error_description', value: said });
    return {
      step,
      exchanges: [exchange],
      facts,
      result: ok({ accepted: false, status: response.status, error: answered.error.code, description: said, sent }),
    };
  } catch (e) {
    return networkFailure(step, e);
  }
}

/** Alice's client's ordinary refresh: a refusal here is not the attack's result but a broken run. */
export async function aliceRefresh(input: PresentInput): Promise<StepOutput<Presented>> {
  const done = await presentRefreshToken(input);
  if (!done.result.ok || done.result.value.accepted) return done;
  const r = done.result.value;
  return {
    ...done,
    result: {
      ok: false,
      error: {
        code: r.error,
        message: `The AS refused Alice’s client’s own refresh: HTTP ${r.status} ${r.error}${r.description ? ` — ${r.description}` : ''}.`,
        where: input.step,
      },
    },
  };
}

const refusal = (p: Presented) =>
  p.accepted ? '' : `HTTP ${p.status} ${p.error}${p.description ? ` — “${p.description.replace(/\.$/, '')}”` : ''}`;

/**
 * The Outcome when Mallory's replay got no token: the AS's own answers, Mallory's and then Alice's
 * (whether the family died with it, RFC 9700 §4.14.2).
 */
export function blockedOutcome(mallory: Presented, alice: Presented | undefined): { succeeded: false; what: string } {
  const hers = `the authorization server refused Mallory’s copy of the refresh token (${refusal(mallory)})`;
  if (!alice) return { succeeded: false, what: `${hers}, so she got no token.` };
  if (alice.accepted)
    return { succeeded: false, what: `${hers}, so she got no token; Alice’s client’s current refresh token still works.` };
  return {
    succeeded: false,
    what: `${hers} and revoked the whole family: Alice’s client’s current refresh token was refused too (${refusal(alice)}), so Mallory got no token and Alice is signed out until she signs in again.`,
  };
}
