import type { JsonObject } from './decode';

export type TimeStatus = 'valid' | 'expired' | 'not-yet-valid' | 'no-expiry' | 'invalid-claim';

export interface InstantView {
  seconds: number;
  local: string;
  utc: string;
  relative: string;
}

/** The NumericDate claims (RFC 7519 §2, §4.1.4–4.1.6; OIDC Core §2 auth_time). */
export const TIME_CLAIMS = ['iat', 'nbf', 'exp', 'auth_time'] as const;

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['day', 86_400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

// Made once, on first use: constructing an Intl formatter costs far more than formatting with it (the inspector formats
// every time claim on each render, and its clock re-renders it every second). Date#toLocaleString with options builds
// a new DateTimeFormat on each call, so the local time uses its own cached formatter too.
let relativeFormat: Intl.RelativeTimeFormat | undefined;
let localFormat: Intl.DateTimeFormat | undefined;

/** "3 minutes ago" / "in 2 hours", from whole seconds. */
export function relativeTime(seconds: number, nowSeconds: number): string {
  const diff = seconds - nowSeconds;
  const abs = Math.abs(diff);
  const rtf = (relativeFormat ??= new Intl.RelativeTimeFormat('en', { numeric: 'auto' }));
  for (const [unit, size] of UNITS) {
    if (abs >= size || unit === 'second') return rtf.format(Math.round(diff / size), unit);
  }
  return rtf.format(diff, 'second');
}

export function describeInstant(seconds: number, nowSeconds: number): InstantView | undefined {
  const d = new Date(seconds * 1000);
  if (!Number.isFinite(seconds) || Number.isNaN(d.getTime())) return undefined;
  return {
    seconds,
    local: (localFormat ??= new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' })).format(d),
    utc: d.toISOString().replace('.000Z', 'Z'),
    relative: relativeTime(seconds, nowSeconds),
  };
}

export interface TimeVerdict {
  status: TimeStatus;
  message: string;
}

/** Whether `now` lies within [nbf, exp) (RFC 7519 §4.1.4, §4.1.5), with a sentence that says why. */
export function timeStatus(payload: JsonObject | undefined, nowSeconds: number): TimeVerdict {
  if (!payload) return { status: 'invalid-claim', message: 'No readable payload, so no time check.' };
  const { exp, nbf } = payload;
  for (const [name, v] of [
    ['exp', exp],
    ['nbf', nbf],
  ] as const) {
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) {
      return {
        status: 'invalid-claim',
        message: `"${name}" must be a NumericDate (seconds since 1970, RFC 7519 §2), not ${JSON.stringify(v)}.`,
      };
    }
  }
  if (typeof nbf === 'number' && nowSeconds < nbf) {
    return { status: 'not-yet-valid', message: `Not yet valid: becomes valid ${relativeTime(nbf, nowSeconds)} (nbf).` };
  }
  if (typeof exp === 'number') {
    if (nowSeconds >= exp) return { status: 'expired', message: `Expired ${relativeTime(exp, nowSeconds)} (exp).` };
    return { status: 'valid', message: `Valid now; expires ${relativeTime(exp, nowSeconds)} (exp).` };
  }
  return { status: 'no-expiry', message: 'No "exp" claim: this token never expires by itself.' };
}
