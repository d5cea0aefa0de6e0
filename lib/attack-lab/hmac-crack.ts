import { startCrack, DEFAULT_WORDLIST, type CrackHandle, type CrackOutcome, type CrackProgressReport } from '../jwt/crack/crack-client';
import { readToken } from './forge';

/**
 * The weak-secret attack's cracking, as the machine sees it: a {@link Cracker} runs the guessing
 * (in the browser, the Web Worker of lib/jwt/crack; in tests, a fake) and its outcome is told
 * plainly, including the case where there is no HMAC secret to guess at all.
 */

/** Starts guessing one HS256 token's secret; progress as it goes, cancellable. */
export type Cracker = (token: string, onProgress: (p: CrackProgressReport) => void) => CrackHandle;

/** The browser's cracker: the app's wordlist, guessed off the main thread (crack.worker.ts). */
export const browserCracker: Cracker = (token, onProgress) => startCrack(token, DEFAULT_WORDLIST, { onProgress });

export interface CrackFigures {
  tried: number;
  total: number;
  ms: number;
  /** Guesses per second. */
  rate: number;
}

export type CrackFinding =
  | ({ kind: 'found'; secret: string } & CrackFigures)
  | ({ kind: 'not-found' } & CrackFigures)
  | ({ kind: 'cancelled' } & CrackFigures)
  /** RFC 7518 §3.4: an ES256 (or RS256…) token is signed with a private key; there is no shared secret to guess. */
  | { kind: 'not-hmac'; alg: string };

/** The token's `alg` when it is not HS256 (what the cracker can guess), else undefined; a token that is no JWS says why. */
export function notHs256(token: string): { alg: string } | { error: string } | undefined {
  const read = readToken(token);
  if (!read.ok) return { error: read.message };
  const alg = read.value.header.alg;
  if (alg === 'HS256') return undefined;
  return { alg: typeof alg === 'string' ? alg : JSON.stringify(alg ?? null) };
}

/** A cracker's outcome as a finding, or an error message (the worker or the wordlist failed). */
export function findingOf(outcome: CrackOutcome): { ok: true; finding: CrackFinding } | { ok: false; code: string; message: string } {
  if (!outcome.ok) return { ok: false, code: outcome.error.code, message: outcome.error.message };
  const figures = { tried: outcome.tried, total: outcome.total, ms: outcome.ms, rate: outcome.rate };
  if (outcome.found !== undefined) return { ok: true, finding: { kind: 'found', secret: outcome.found, ...figures } };
  return { ok: true, finding: { kind: outcome.cancelled ? 'cancelled' : 'not-found', ...figures } };
}

/** "12,345 guesses in 0.8 s (15,400 a second)". */
export function describeFigures(f: CrackFigures): string {
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  return `${n(f.tried)} of ${n(f.total)} guesses in ${(f.ms / 1000).toFixed(2)} s (${n(f.rate)} a second)`;
}
