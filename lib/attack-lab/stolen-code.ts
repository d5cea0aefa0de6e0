import type { ConsoleRecord } from './attacker-log';

/**
 * What Mallory looks for in her site's log after Alice's browser has been sent on its trip: the
 * authorization response (RFC 6749 §4.1.2) that a loosely matched redirect_uri delivered to her.
 * Browser-safe; the records come from `readAttackerLog`.
 */
export interface StolenCode {
  code: string;
  state?: string;
  iss?: string;
  /** The path on her site the browser landed on, e.g. `/cb`. */
  path: string;
  seq: number;
}

/**
 * The newest record that carries a `code` and the `state` Mallory put in her own link: her state
 * tells her which delivery is the one her link caused (a record with another state is someone else's).
 */
export function findStolenCode(records: readonly ConsoleRecord[], state: string): StolenCode | undefined {
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i];
    const p = { ...r.fields, ...r.query };
    if (typeof p.code === 'string' && p.code && p.state === state)
      return { code: p.code, state: p.state, iss: p.iss, path: r.path, seq: r.seq };
  }
  return undefined;
}

/** The AS error page's message (`<p class="error" role="alert">…</p>`, lib/oauth-server/pages/layout.ts), unescaped, or undefined. */
export function errorPageMessage(html: string): string | undefined {
  const m = /<p class="error" role="alert">([\s\S]{0,2000}?)<\/p>/.exec(html);
  if (!m) return undefined;
  return m[1]
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}
