// Plain JS (scripts/serve.mjs runs it without a TypeScript loader); types in path-guard.d.mts.

/** Path prefixes of the servers, whose errors are RFC 6749 §5.2-style JSON. */
const SERVER_PREFIXES = ['/as/', '/rs/', '/api/', '/attacker/', '/.well-known/'];

/**
 * Next.js decodes dynamic route segments itself and answers a bare `500 text/plain` when one is not
 * valid percent-encoding (`/as/%ff/token`, `/as/%c0%ae%c0%ae/jwks`). The wrapper server refuses such a
 * path before Next sees it: a JSON 404 under the servers' prefixes, a plain 400 elsewhere.
 * Returns undefined for a path that decodes.
 *
 * @param {string | undefined} rawUrl the request-target, e.g. `/as/%ff/token?x=1`
 * @returns {{ status: number, headers: Record<string, string>, body: string } | undefined}
 */
export function invalidPathAnswer(rawUrl) {
  const path = (rawUrl ?? '/').split('?')[0];
  try {
    for (const segment of path.split('/')) decodeURIComponent(segment);
    return undefined;
  } catch {
    if (SERVER_PREFIXES.some((p) => path.startsWith(p))) {
      return {
        status: 404,
        headers: { 'content-type': 'application/json;charset=UTF-8', 'cache-control': 'no-store' },
        body: JSON.stringify({
          error: 'invalid_request',
          error_description: 'The path is not valid percent-encoding (RFC 3986 §2.1), so it names no realm or endpoint.',
        }),
      };
    }
    return {
      status: 400,
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: 'Bad Request: the path is not valid percent-encoding.',
    };
  }
}
