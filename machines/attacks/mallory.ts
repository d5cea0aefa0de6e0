import { recordFetch } from '@/lib/http-trace/record';
import { judgeReplay, type Outcome } from '@/lib/attack-lab/verdict';
import { checksFromReport } from '@/lib/oauth-client/resource-server-report';
import { fail, ok } from '@/lib/oauth-client/result';
import { bearerRequest, clientCredentialsRequest } from '@/lib/oauth-client/token-requests';
import { processTokenResponse, type TokenSet } from '@/lib/oauth-client/token-response';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import { apiUrl, type RealmDescriptor } from '@/lib/realms/descriptor';
import { discover } from '@/machines/shared';
import { networkFailure, type StepOutput } from '../step-output';

/**
 * Mallory's own requests, recorded as exchanges from the `attacker` actor: the learner sees every
 * byte she sends. Real HTTP to the lab realm's servers; tests `.provide()` fakes instead.
 */

/** The lab's stand-in for Mallory's own registered app: a confidential client of every realm. */
export const MALLORY_CLIENT = { clientId: 'service', secret: 'service-secret', method: 'client_secret_basic' as const };
/** The user whose data Mallory is after, and her name in sentences. */
export const VICTIM = 'alice';
export const VICTIM_NAME = 'Alice';

export interface OwnToken {
  metadata: ServerMetadata;
  tokens: TokenSet;
}

/** Discovery, then a client-credentials token for Mallory's own client (RFC 6749 §4.4): a real token, signed by the AS. */
export async function mallorysOwnToken(step: string, realm: RealmDescriptor): Promise<StepOutput<OwnToken>> {
  const found = await discover(realm.issuer, step, 'attacker');
  if (!found.result.ok) return { ...found, result: found.result };
  const metadata = found.result.value;
  try {
    const request = clientCredentialsRequest(metadata.token_endpoint, MALLORY_CLIENT, 'photos:read');
    const { exchange, response, body } = await recordFetch(request, { step, from: 'attacker', to: 'as' });
    const tokens = processTokenResponse(response.status, body);
    const exchanges = [...found.exchanges, exchange];
    if (!tokens.ok) return { step, exchanges, result: tokens };
    return { step, exchanges, result: ok({ metadata, tokens: tokens.value }) };
  } catch (e) {
    return networkFailure(step, e);
  }
}

export interface Replay {
  token: string;
  /** Whose photos she asks for (the forged `sub`, or the token's own owner when stolen). */
  victim: string;
  /** What she sends, for the Outcome sentence ("the forged token (alg none, no signature)"). */
  sent: string;
  victimName?: string;
}

/**
 * Mallory calls `GET /photos` with her token. Any answer is the attack's result (a refusal is the
 * hardened outcome, not a broken run); only a request that could not be sent fails the step.
 */
export async function replayAtRs(step: string, realm: RealmDescriptor, replay: Replay): Promise<StepOutput<Outcome>> {
  try {
    const { exchange, response, body } = await recordFetch(bearerRequest(apiUrl(realm, 'photos'), replay.token), {
      step,
      from: 'attacker',
      to: 'rs',
    });
    const www = response.headers.get('www-authenticate');
    const facts = [{ label: 'HTTP status', value: String(response.status) }];
    if (www) facts.push({ label: 'WWW-Authenticate', value: www });
    const outcome = judgeReplay(
      { status: response.status, body, wwwAuthenticate: www },
      { victim: replay.victim, victimName: replay.victimName, sent: replay.sent },
    );
    return { step, exchanges: [exchange], checks: checksFromReport(response.headers), facts, result: ok(outcome) };
  } catch (e) {
    return networkFailure(step, e);
  }
}

/** A forging step that could not forge (a malformed token from the AS): the run stops with the reason. */
export const forgeFailed = (step: string, message: string): StepOutput<never> => ({
  step,
  exchanges: [],
  result: fail('forge_failed', message, step),
});
