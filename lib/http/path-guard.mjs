// Plain JS (scripts/serve.mjs runs it without a TypeScript loader); types in path-guard.d.mts.

/** Path prefixes of the servers, whose errors are RFC 6749 §5.2-style JSON. */
const SERVER_PREFIXES = ['/as/', '/rs/', '/api/', '/attacker/', '/.well-known/'];

/**
 * The refusal for `path`: RFC 6749 §5.2-style JSON under the servers' prefixes, plain text elsewhere.
 *
 * @param {string} path
 * @param {{ status: number, description: string }} server the JSON answer, with its `error_description`
 * @param {{ status: number, text: string }} page the plain-text answer
 */
function refusal(path, server, page) {
  if (SERVER_PREFIXES.some((p) => path.startsWith(p))) {
    return {
      status: server.status,
      headers: { 'content-type': 'application/json;charset=UTF-8', 'cache-control': 'no-store' },
      body: JSON.stringify({ error: 'invalid_request', error_description: server.description }),
    };
  }
  return { status: page.status, headers: { 'content-type': 'text/plain;charset=UTF-8', 'cache-control': 'no-store' }, body: page.text };
}

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
    return refusal(
      path,
      { status: 404, description: 'The path is not valid percent-encoding (RFC 3986 §2.1), so it names no realm or endpoint.' },
      { status: 400, text: 'Bad Request: the path is not valid percent-encoding.' },
    );
  }
}

/** Methods a web Request refuses to carry (Fetch, "forbidden method"): `new Request` throws on them. */
const FORBIDDEN_METHOD = /^(CONNECT|TRACE|TRACK)$/i;

/**
 * Next.js builds a web Request for every route handler and answers a bare `500` when it cannot (`TRACE
 * /as/demo/token`); flowlab-mock's node:http face would too. Both servers answer such a method before
 * building one, with a 501: no resource here supports it (RFC 9110 §15.6.2), so there is no true `Allow`
 * to send with a 405 (§15.5.6). JSON under the servers' prefixes, plain text elsewhere; undefined for any
 * other method.
 *
 * @param {string | undefined} method
 * @param {string | undefined} rawUrl
 * @returns {{ status: number, headers: Record<string, string>, body: string } | undefined}
 */
export function forbiddenMethodAnswer(method, rawUrl) {
  if (method === undefined || !FORBIDDEN_METHOD.test(method)) return undefined;
  const text = `The method ${method.slice(0, 10)} is not implemented by this server.`;
  return refusal((rawUrl ?? '/').split('?')[0], { status: 501, description: text }, { status: 501, text: `Not Implemented: ${text}` });
}
