import { resolveRealm } from '../realms/registry';

/**
 * GET /flows/callback?realm={lab realm}&next={page}: the lab client's "continue to" redirector.
 * Flowlab's one callback page serves every realm, so `realm` says which lab realm's client it plays;
 * that realm's `client.callback-redirect` point decides (hardened and `demo`: no redirector, the page
 * renders as always). When it redirects, the authorization response's query parameters go along to
 * the page `next` names (a dispatcher handing the response on), and the Location has no fragment,
 * so the browser carries the callback's fragment over to it (RFC 9110 §10.2.2, RFC 9700 §4.1.2).
 * Returns the Location, or undefined for "no redirect".
 */
export async function labCallbackRedirect(params: URLSearchParams, origin: string): Promise<string | undefined> {
  const realmId = params.get('realm');
  const next = params.get('next');
  if (!realmId || !next || realmId === 'demo' || realmId.length > 100) return undefined;
  const realm = await resolveRealm(realmId, origin);
  if (!realm) return undefined;
  const target = realm.points['client.callback-redirect'](next, origin);
  if (!target) return undefined;
  const url = new URL(target);
  let n = 0;
  for (const [k, v] of params) {
    if (k === 'realm' || k === 'next') continue;
    if (n++ >= 30) break;
    url.searchParams.append(k.slice(0, 64), v.slice(0, 4096));
  }
  return url.href;
}

/** The page's search params (Next.js gives arrays for repeated names) as URLSearchParams; the first value of each name wins. */
export function toSearchParams(input: Record<string, string | string[] | undefined>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(input)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === 'string') out.append(k, first);
  }
  return out;
}
