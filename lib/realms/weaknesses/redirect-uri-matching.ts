/**
 * Redirect-URI comparisons that lab AS realms use instead of exact string matching (RFC 9700 §4.1.3).
 * Each is what real servers have shipped; each lets a crafted link deliver the code elsewhere.
 * Pure functions, shared by the weakness modules and their table test.
 */

function parse(uri: string): URL | undefined {
  try {
    return new URL(uri);
  } catch {
    return undefined;
  }
}

/** The presented URI starts with the registered one: `/flows/callbackevil`, `/flows/callback/../../attacker`. */
export const prefixMatch = (registered: string, presented: string): boolean => presented.startsWith(registered);

/** The registered URI appears anywhere: `http://evil.example/?r=http://app/flows/callback`. */
export const substringMatch = (registered: string, presented: string): boolean => presented.includes(registered);

/**
 * Any subdomain of the registered host, same scheme, port and path: `http://mallory.localhost:3000/flows/callback`.
 * Compared on the raw authority, before any normalisation, as a naive wildcard pattern does.
 */
export function wildcardSubdomainMatch(registered: string, presented: string): boolean {
  const r = parse(registered);
  const p = parse(presented);
  if (!r || !p || p.username || p.password) return false;
  const sameRest = r.protocol === p.protocol && r.port === p.port && r.pathname === p.pathname && r.search === p.search;
  return sameRest && (p.hostname === r.hostname || p.hostname.endsWith(`.${r.hostname}`));
}

/**
 * The presented path lies "under" the registered one, checked on the raw string without resolving dot
 * segments — which the browser resolves when it follows the redirect: `/flows/callback/../../attacker/x`.
 */
export function pathPrefixMatch(registered: string, presented: string): boolean {
  if (presented === registered) return true;
  const r = parse(registered);
  if (!r) return false;
  const origin = `${r.protocol}//${r.host}`;
  if (!presented.startsWith(`${origin}/`)) return false;
  const rawPath = presented.slice(origin.length).split(/[?#]/)[0];
  return rawPath.startsWith(`${r.pathname.replace(/\/$/, '')}/`);
}

/** Extra query parameters are ignored: `/flows/callback?next=/attacker/…` (a client open redirect does the rest). */
export function ignoreQueryMatch(registered: string, presented: string): boolean {
  if (presented.includes('#')) return false;
  const q = presented.indexOf('?');
  return (q < 0 ? presented : presented.slice(0, q)) === registered;
}
