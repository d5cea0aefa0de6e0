// Plain JS (next.config.ts and scripts/serve.mjs load it without a TypeScript loader); types in site-headers.d.mts.

/** Every answer of the app: no MIME sniffing, no Referer sent on from its pages. */
export const SECURITY_HEADERS = [
  ['x-content-type-options', 'nosniff'],
  ['referrer-policy', 'no-referrer'],
];

/**
 * Every page of the app refuses to be framed (RFC 9700 §4.16 clickjacking), except the AS pages
 * (/as/…): they send their own CSP, framing included, from the realm's `as.page-framing` policy
 * point (a clickjacking lab realm must be frameable), so this default must not override it.
 */
export const NO_FRAMING_HEADERS = [['content-security-policy', "frame-ancestors 'none'"]];

/** The paths {@link NO_FRAMING_HEADERS} applies to, as a Next.js `headers()` source. */
export const NO_FRAMING_SOURCE = '/((?!as/).*)';

/** {@link NO_FRAMING_SOURCE} as a JS regular expression (its syntax is one, anchored as Next.js anchors a source). */
const NO_FRAMING_PATH = new RegExp(`^${NO_FRAMING_SOURCE}$`);
const EVERY_SITE_HEADER = [...SECURITY_HEADERS, ...NO_FRAMING_HEADERS];

/**
 * The site-wide headers of an answer at `path` (a pathname), in the order Next.js applies them from
 * next.config.ts; an answer's own header of the same name wins. The front server of `npm start`
 * (lib/app-server/front.ts) adds them to the answers it gives without Next.js.
 *
 * @param {string} path
 * @returns {ReadonlyArray<readonly [string, string]>}
 */
export function siteHeaders(path) {
  return NO_FRAMING_PATH.test(path) ? EVERY_SITE_HEADER : SECURITY_HEADERS;
}
