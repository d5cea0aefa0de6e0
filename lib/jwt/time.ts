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

type Unit = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

/** Each unit and its length in seconds, largest first: a difference is said in the largest unit it reaches. */
export const RELATIVE_UNITS: readonly (readonly [Unit, number])[] = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['day', 86_400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/*
 * English words written here, not by Intl: the first Intl formatter a page makes starts the browser's ICU, which cost
 * 190-240 ms of main thread at Lighthouse's 4× CPU slowdown (a JWT inspector's first render on the flow and attack
 * pages). The words are those of Intl.RelativeTimeFormat('en', { numeric: 'auto' }) and the dates those of
 * Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' }); time.test.ts compares both with Intl.
 */
const NAMED: Partial<Record<Unit, Record<number, string>>> = {
  second: { 0: 'now' },
  day: { 1: 'tomorrow', [-1]: 'yesterday' },
  month: { 1: 'next month', [-1]: 'last month' },
  year: { 1: 'next year', [-1]: 'last year' },
};

/** The integer `n` (≥ 0) in digits grouped by three, as Intl's 'en' number format writes it ("31,709,791"). */
export function groupedDigits(n: number): string {
  let digits = String(n);
  // 1e21 and above print in exponent form: the shortest digits that round-trip, then zeros (what Intl writes too).
  const exponent = /^(\d)(?:\.(\d+))?e\+(\d+)$/.exec(digits);
  if (exponent) {
    const mantissa = exponent[1] + (exponent[2] ?? '');
    digits = mantissa + '0'.repeat(Number(exponent[3]) - mantissa.length + 1);
  }
  return digits.replace(/\B(?=(\d{3})+$)/g, ',');
}

function phrase(value: number, unit: Unit): string {
  // -0 reads the key "0" too.
  const named = NAMED[unit]?.[value];
  if (named) return named;
  const size = Math.abs(value);
  const words = `${groupedDigits(size)} ${unit}${size === 1 ? '' : 's'}`;
  return value < 0 ? `${words} ago` : `in ${words}`;
}

/** "3 minutes ago" / "in 2 hours", from whole seconds. */
export function relativeTime(seconds: number, nowSeconds: number): string {
  const diff = seconds - nowSeconds;
  const [unit, size] = RELATIVE_UNITS.find(([u, length]) => Math.abs(diff) >= length || u === 'second')!;
  return phrase(Math.round(diff / size), unit);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** "3 Dec 2026, 07:05:09" in the browser's time zone (en-GB medium date and time, 24-hour clock). */
export function localDateTime(d: Date): string {
  const year = d.getFullYear();
  const era = year > 0 ? String(year) : `${1 - year} BC`;
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${era}, ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

export function describeInstant(seconds: number, nowSeconds: number): InstantView | undefined {
  const d = new Date(seconds * 1000);
  if (!Number.isFinite(seconds) || Number.isNaN(d.getTime())) return undefined;
  return {
    seconds,
    local: localDateTime(d),
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
    return {
      status: 'valid',
      message: `Inside its time window; expires ${relativeTime(exp, nowSeconds)} (exp). Time only: the signature is checked separately.`,
    };
  }
  return { status: 'no-expiry', message: 'No "exp" claim: this token never expires by itself.' };
}
