/**
 * The origin the servers speak for: issuer, audience, redirect URIs and every URL they print.
 *
 * `FLOWLAB_ORIGIN` pins it (behind a proxy or a load balancer, so that every instance names the
 * same issuer). Otherwise it is the scheme of the request URL with the request's own `Host`
 * header: under `next start` the request URL carries Next's configured hostname (`localhost`),
 * not the address the browser used (`127.0.0.1`, a classroom LAN address), and an issuer that
 * differs from the one the client discovered fails every flow (RFC 8414 §3.3, RFC 9207 §2.4).
 *
 * The Host value is validated (RFC 9110 §7.2: `uri-host [ ":" port ]`): a DNS name, an IPv4
 * address or a bracketed IPv6 address, and an optional port. Anything else — userinfo, a path,
 * spaces, several values — falls back to the request URL's own origin.
 */
export function originOf(request: Request): string {
  const pinned = process.env.FLOWLAB_ORIGIN;
  if (pinned) return pinned.replace(/\/+$/, '');
  const url = new URL(request.url);
  const host = request.headers.get('host');
  return host && isValidHost(host) ? `${url.protocol}//${host.toLowerCase()}` : url.origin;
}

const DNS_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;
const IPV6 = /^\[[0-9a-f:.]{2,45}\]$/i;

/** `host[:port]` as RFC 9110 §7.2 allows it in a Host header; nothing else. */
export function isValidHost(value: string): boolean {
  const m = /^(\[[^\]]*\]|[^:]+)(?::(\d{1,5}))?$/.exec(value);
  if (!m) return false;
  const [, name, port] = m;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return false;
  return IPV6.test(name) || DNS_NAME.test(name);
}
