import { recordFetch } from '@/lib/http-trace/record';
import { fail, ok } from '@/lib/oauth-client/result';
import { clientCredentialsForResourceRequest, clientCredentialsRequest } from '@/lib/oauth-client/token-requests';
import { processTokenResponse } from '@/lib/oauth-client/token-response';
import { unverifiedClaims } from '@/lib/oauth-client/unverified-claims';
import type { Outcome } from '@/lib/attack-lab/verdict';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import { discover } from '@/machines/shared';
import { networkFailure, type StepOutput } from '../step-output';
import { MALLORY_CLIENT, replayAtRs, type OwnToken } from './mallory';

/**
 * The missing-claim-checks attack's requests. The token Mallory replays is a genuine one the AS
 * issued to a printing service (the lab's `service` client): either one that has expired, or one
 * minted for another API, Mallory's print API. Real HTTP, recorded; tests `.provide()` fakes.
 */

/** The printing service whose token Mallory holds, and whose photos she is after. */
export const PRINTER = { ...MALLORY_CLIENT, name: 'the printing service' };

/**
 * Mallory's print API: another resource server the lab realm's AS issues tokens for (its
 * `settings.resources`, RFC 8707). The lab runs nothing there: the URI only names the audience.
 */
export const PRINT_API = 'https://print.example/api';

/** The settings of the realms the expired variant plays against: 2-second tokens, no leeway (AS and RS share one clock). */
export const EXPIRY_SETTINGS = { accessTokenLifetime: 2, clockTolerance: 0 } as const;

/** The longest wait for a token to expire the lab accepts (a realm without the short lifetime would make it minutes). */
export const MAX_WAIT_SECONDS = 30;

function tokenFacts(token: string, expiresIn: number | undefined) {
  const claims = unverifiedClaims(token);
  const facts = [{ label: 'expires_in', value: expiresIn === undefined ? '(not sent)' : `${expiresIn} s` }];
  if (claims?.aud !== undefined)
    facts.push({ label: 'Claim aud', value: Array.isArray(claims.aud) ? claims.aud.join(' ') : String(claims.aud) });
  if (typeof claims?.exp === 'number')
    facts.push({ label: 'Claim exp', value: `${claims.exp} (${new Date(claims.exp * 1000).toISOString()})` });
  return facts;
}

/** Discovery, then the printing service's client-credentials token: for the realm's own photos API, or (`resource`) for the print API. */
export async function printerToken(step: string, realm: RealmDescriptor, resource?: string): Promise<StepOutput<OwnToken>> {
  const found = await discover(realm.issuer, step, 'client');
  if (!found.result.ok) return { ...found, result: found.result };
  const metadata = found.result.value;
  try {
    const request = resource
      ? clientCredentialsForResourceRequest(metadata.token_endpoint, PRINTER, 'photos:read', resource)
      : clientCredentialsRequest(metadata.token_endpoint, PRINTER, 'photos:read');
    const { exchange, response, body } = await recordFetch(request, { step, from: 'client', to: 'as' });
    const tokens = processTokenResponse(response.status, body);
    const exchanges = [...found.exchanges, exchange];
    if (!tokens.ok) return { step, exchanges, result: tokens };
    return {
      step,
      exchanges,
      facts: tokenFacts(tokens.value.access_token, tokens.value.expires_in),
      result: ok({ metadata, tokens: tokens.value }),
    };
  } catch (e) {
    return networkFailure(step, e);
  }
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  });

/**
 * Waits until the token has expired by the servers' clock: `expires_in` + 1 s after the answer
 * arrived. The wait is measured here, not compared with the browser's clock, so a classroom laptop
 * whose clock is off still waits long enough (RFC 7519 §4.1.4 counts from the issuer's `exp`).
 */
export async function waitForExpiry(
  step: string,
  expiresIn: number | undefined,
  signal: AbortSignal,
): Promise<StepOutput<{ waited: number }>> {
  if (expiresIn === undefined || !Number.isFinite(expiresIn) || expiresIn < 0 || expiresIn > MAX_WAIT_SECONDS) {
    const said = expiresIn === undefined ? 'no expires_in' : `expires_in ${expiresIn} s`;
    return {
      step,
      exchanges: [],
      result: fail('wait_too_long', `The token response said ${said}; the lab waits at most ${MAX_WAIT_SECONDS} s. Press Reset.`, step),
    };
  }
  const waited = Math.ceil(expiresIn) + 1;
  await sleep(waited * 1000, signal);
  return { step, exchanges: [], facts: [{ label: 'Waited', value: `${waited} s (expires_in + 1 s)` }], result: ok({ waited }) };
}

/** What Mallory sends, in the Outcome's sentence, per variant. */
export const SENT = {
  expired: 'the expired token',
  audience: `the token minted for ${PRINT_API} (aud)`,
} as const;

/** Mallory calls `GET /photos` of this realm's RS with the printing service's token. */
export function replayToken(step: string, realm: RealmDescriptor, token: string, sent: string): Promise<StepOutput<Outcome>> {
  return replayAtRs(step, realm, { token, victim: PRINTER.clientId, victimName: PRINTER.name, sent });
}
