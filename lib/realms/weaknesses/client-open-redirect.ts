import { defineWeakness } from './define';

/** Longest `next` the open redirector takes; anything longer is ignored (no redirect). */
const MAX_NEXT = 2048;

/**
 * The lab client's open redirector: the callback page sends the browser on to whatever page `next`
 * names, without an allow-list (RFC 9700 §4.11.1). Lab confinement: only URLs on this very origin
 * (Mallory's site lives here, under /attacker/…), so no lab browser is ever sent off the machine.
 */
export function followAnyNext(next: string, origin: string): string | undefined {
  if (next.length > MAX_NEXT) return undefined;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return undefined;
  }
  if (url.origin !== origin || url.username || url.password) return undefined;
  // No fragment in the Location: the browser then carries the callback's own fragment over (RFC 9110 §10.2.2).
  url.hash = '';
  return url.href;
}

/** Applied by the callback page (app/(site)/flows/callback) for the lab realm it is told of; the servers ignore it. */
export const clientOpenRedirect = defineWeakness({
  name: 'client-open-redirect',
  point: 'client.callback-redirect',
  attack:
    'Open redirect on the client — the callback page forwards the browser, with the authorization response, to any page `next` names, so a lax redirect check plus this redirector delivers Alice’s code or implicit token to Mallory.',
  specs: ['RFC 9700 §4.11.1', 'RFC 9700 §4.1.2', 'RFC 9700 §4.1.3'],
  server: 'client',
  apply: () => ({ 'client.callback-redirect': followAnyNext }),
});
