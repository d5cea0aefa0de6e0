import { attackerUrl } from './attacker-log';

/**
 * Clickjacking (RFC 9700 §4.16): what decides whether a browser renders a page inside another site's
 * frame, read from the page's response headers, and what Mallory's page reported of its own frame.
 * Browser-safe.
 */
export interface FramingHeaders {
  /** The CSP `frame-ancestors` directive's sources, when the page sends one (e.g. `'none'`). */
  frameAncestors?: string;
  /** `X-Frame-Options` (RFC 7034), when sent: `DENY` or `SAMEORIGIN`. */
  xFrameOptions?: string;
}

/** Reads `frame-ancestors` from every Content-Security-Policy the response carries, and X-Frame-Options. */
export function framingHeaders(headers: Headers): FramingHeaders {
  const csp = headers.get('content-security-policy') ?? '';
  const directive = csp
    .split(/[;,]/)
    .map((d) => d.trim())
    .find((d) => /^frame-ancestors(\s|$)/i.test(d));
  const xfo = headers.get('x-frame-options')?.trim();
  return {
    ...(directive !== undefined ? { frameAncestors: directive.slice('frame-ancestors'.length).trim() || "'none'" } : {}),
    ...(xfo ? { xFrameOptions: xfo.slice(0, 64) } : {}),
  };
}

/**
 * Whether a page of `pageOrigin` may be framed by a page of `framerOrigin`, as a browser decides it:
 * `frame-ancestors` when present (CSP Level 3 makes it win over X-Frame-Options), else X-Frame-Options.
 * Covers the sources this lab's AS sends (`'none'`, `'self'`, origins); anything else counts as refused.
 */
export function framingAllowed(h: FramingHeaders, pageOrigin: string, framerOrigin: string): boolean {
  if (h.frameAncestors !== undefined) {
    const sources = h.frameAncestors.split(/\s+/).filter(Boolean);
    if (sources.includes("'none'")) return false;
    return sources.some((s) => s === '*' || (s === "'self'" && framerOrigin === pageOrigin) || s.replace(/\/$/, '') === framerOrigin);
  }
  const xfo = h.xFrameOptions?.toUpperCase();
  if (xfo === undefined) return true;
  if (xfo === 'SAMEORIGIN') return framerOrigin === pageOrigin;
  return false;
}

/** In one sentence, for the steps and the Outcome. */
export function describeFraming(h: FramingHeaders): string {
  const parts = [
    h.frameAncestors !== undefined ? `Content-Security-Policy: frame-ancestors ${h.frameAncestors}` : undefined,
    h.xFrameOptions !== undefined ? `X-Frame-Options: ${h.xFrameOptions}` : undefined,
  ].filter(Boolean);
  return parts.length ? parts.join(' and ') : 'neither a frame-ancestors directive nor X-Frame-Options';
}

/** What Mallory's page saw of its frame (lib/attacker-site/frame-check.ts), as the lab reads it back. */
export interface FrameCheckReport {
  framed: boolean;
  consentShown: boolean;
  loads: number;
}

export function parseFrameCheck(body: unknown): FrameCheckReport | undefined {
  const c = (body as { check?: unknown } | undefined)?.check as Partial<FrameCheckReport> | null | undefined;
  if (typeof c !== 'object' || c === null) return undefined;
  if (typeof c.framed !== 'boolean' || typeof c.consentShown !== 'boolean' || !Number.isInteger(c.loads)) return undefined;
  return { framed: c.framed, consentShown: c.consentShown, loads: c.loads! };
}

/** `GET /attacker/{realm}/frame-check`: undefined when her page never reported (it was not opened) or the answer is malformed. */
export async function readFrameCheck(realm: { id: string }, fetchImpl: typeof fetch = fetch): Promise<FrameCheckReport | undefined> {
  const response = await fetchImpl(attackerUrl(realm, 'frame-check'), { headers: { accept: 'application/json' }, cache: 'no-store' });
  if (response.status !== 200) return undefined;
  return parseFrameCheck(await response.json().catch(() => undefined));
}
