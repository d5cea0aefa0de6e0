import { decodeToken } from '../decode';
import { CrackError, MAX_SIGNING_INPUT } from './errors';
import { FixedMessageHmacSha256, macToWords } from './hmac-sha256';
import { WordlistCursor, countWords } from './wordlist';

/** Guesses: an array of secrets, or a wordlist file's bytes (UTF-8, one secret a line, `\n` or `\r\n`). Empty entries are skipped. */
export type CrackCandidates = readonly string[] | Uint8Array;

export interface CrackProgress {
  /** Guesses made so far. */
  tried: number;
  /** Non-empty guesses in all. */
  total: number;
  ms: number;
  /** Guesses per second so far. */
  rate: number;
}

export interface CrackOptions {
  /** Called after every batch, and once at the end. */
  onProgress?: (progress: CrackProgress) => void;
  /** Aborting stops the search at the next batch boundary; the result then says `aborted: true`. */
  signal?: AbortSignal;
  /** Guesses between progress reports and yields to the event loop (default 10,000). */
  batch?: number;
  /** Clock in milliseconds (default `performance.now`). */
  now?: () => number;
}

export interface CrackResult {
  /** The secret whose HMAC-SHA256 over the signing input is the token's signature, if one was tried. */
  found?: string;
  tried: number;
  total: number;
  ms: number;
  /** True when the signal stopped the search before the list ran out. */
  aborted: boolean;
}

/** What an HS256 token gives an offline guesser: its signing input, ready to MAC, and the MAC to hit. */
export interface Hs256Target {
  hmac: FixedMessageHmacSha256;
  expected: Int32Array;
}

/**
 * Guesses the HMAC secret of an HS256 JWT offline (RFC 8725 §3.5: human-memorable secrets fall to
 * a dictionary from one token; RFC 7518 §3.2: the key must be 256 random bits). Each candidate's
 * HMAC-SHA256 over the token's exact signing input (RFC 7515 §5.2) is compared, as 32 raw bytes,
 * with the signature. Runs in batches and yields between them, so an abort (or a worker's cancel
 * message) is seen; best run in a Web Worker (see `crack-client.ts`).
 *
 * Does NOT do HS384 or HS512 (refused with `ERR_CRACK_UNSUPPORTED_ALG`: out of scope), nor any
 * non-HMAC alg. The comparison is not constant-time: this is the attacker's side, not a verifier.
 *
 * @throws {CrackError} `ERR_CRACK_MALFORMED_TOKEN`, `ERR_CRACK_UNSUPPORTED_ALG`, `ERR_CRACK_TOKEN_TOO_LARGE`
 * @see https://www.rfc-editor.org/rfc/rfc8725#section-3.5 RFC 8725 §3.5
 * @see https://www.rfc-editor.org/rfc/rfc7518#section-3.2 RFC 7518 §3.2
 */
export async function crackHs256(token: string, candidates: CrackCandidates, options: CrackOptions = {}): Promise<CrackResult> {
  const { hmac, expected } = prepareHs256Target(token);
  const { onProgress, signal } = options;
  const batch = Math.max(1, Math.floor(options.batch ?? 10_000));
  const now = options.now ?? (() => performance.now());
  const next = guesser(candidates);
  const t0 = now();
  let tried = 0;
  const report = () => {
    const ms = now() - t0;
    onProgress?.({ tried, total: next.total, ms, rate: ms > 0 ? (tried * 1000) / ms : 0 });
  };
  const e0 = expected[0],
    e1 = expected[1],
    e2 = expected[2],
    e3 = expected[3];
  const e4 = expected[4],
    e5 = expected[5],
    e6 = expected[6],
    e7 = expected[7];
  for (;;) {
    if (signal?.aborted) return { tried, total: next.total, ms: now() - t0, aborted: true };
    for (let i = 0; i < batch; i++) {
      if (!next.advance()) {
        report();
        return { tried, total: next.total, ms: now() - t0, aborted: false };
      }
      tried++;
      const m = hmac.macWords(next.bytes, next.start, next.end);
      if (m[0] === e0 && m[1] === e1 && m[2] === e2 && m[3] === e3 && m[4] === e4 && m[5] === e5 && m[6] === e6 && m[7] === e7) {
        report();
        return { found: next.text(), tried, total: next.total, ms: now() - t0, aborted: false };
      }
    }
    report();
    await yieldToEventLoop();
  }
}

/**
 * Checks that the token is an HS256 JWS and prepares the guessing.
 * @throws {CrackError} `ERR_CRACK_MALFORMED_TOKEN`, `ERR_CRACK_UNSUPPORTED_ALG`, `ERR_CRACK_TOKEN_TOO_LARGE`
 */
export function prepareHs256Target(token: string): Hs256Target {
  const decoded = decodeToken(token);
  if (!decoded.ok) throw new CrackError('ERR_CRACK_MALFORMED_TOKEN', decoded.error.message);
  const d = decoded.value;
  if (d.kind !== 'jws')
    throw new CrackError(
      'ERR_CRACK_MALFORMED_TOKEN',
      'This is a JWE (5 parts): it is encrypted, not signed with an HMAC, so there is no secret to guess from it.',
    );
  if (!d.header.json) throw new CrackError('ERR_CRACK_MALFORMED_TOKEN', d.header.error?.message ?? 'The header is not a JSON object.');
  const alg = d.header.json.alg;
  if (alg === 'HS384' || alg === 'HS512') {
    throw new CrackError(
      'ERR_CRACK_UNSUPPORTED_ALG',
      `The cracker does HS256 only; ${alg} (HMAC with SHA-${alg.slice(2)}, RFC 7518 §3.2) is out of scope.`,
    );
  }
  if (alg !== 'HS256') {
    throw new CrackError(
      'ERR_CRACK_UNSUPPORTED_ALG',
      `The header says "alg": ${JSON.stringify(alg)}; only an HS256 token (a shared-secret HMAC, RFC 7518 §3.2) has a secret to guess.`,
    );
  }
  if (!d.signature.bytes)
    throw new CrackError('ERR_CRACK_MALFORMED_TOKEN', d.signature.error?.message ?? 'The signature is not base64url.');
  if (d.signature.bytes.length !== 32) {
    throw new CrackError(
      'ERR_CRACK_MALFORMED_TOKEN',
      `An HS256 signature is 32 bytes (RFC 7518 §3.2); this one is ${d.signature.bytes.length}.`,
    );
  }
  const inputLength = d.parts[0].length + 1 + d.parts[1].length;
  if (inputLength > MAX_SIGNING_INPUT) {
    throw new CrackError(
      'ERR_CRACK_TOKEN_TOO_LARGE',
      `The signed part is ${inputLength} characters; the cracker takes up to ${MAX_SIGNING_INPUT}.`,
    );
  }
  const input = new TextEncoder().encode(`${d.parts[0]}.${d.parts[1]}`);
  return { hmac: new FixedMessageHmacSha256(input), expected: macToWords(d.signature.bytes) };
}

/** A cursor over the guesses that exposes each as a byte range, so no string or array is made per guess. */
interface Guesser {
  readonly total: number;
  bytes: Uint8Array;
  start: number;
  end: number;
  /** Moves to the next non-empty guess; false at the end. */
  advance(): boolean;
  text(): string;
}

function guesser(candidates: CrackCandidates): Guesser {
  if (candidates instanceof Uint8Array) {
    const cursor = new WordlistCursor(candidates);
    return Object.assign(cursor, { total: countWords(candidates) });
  }
  const encoder = new TextEncoder();
  let index = -1;
  const g: Guesser = {
    total: candidates.reduce((n, s) => (s === '' ? n : n + 1), 0),
    bytes: new Uint8Array(256),
    start: 0,
    end: 0,
    advance() {
      for (;;) {
        index++;
        if (index >= candidates.length) return false;
        const s = candidates[index];
        if (s === '') continue;
        if (s.length * 3 > g.bytes.length) g.bytes = new Uint8Array(s.length * 3);
        g.end = encoder.encodeInto(s, g.bytes).written;
        return true;
      }
    },
    text: () => candidates[index],
  };
  return g;
}

/** A macrotask turn, without the 4 ms clamp nested `setTimeout`s get in browsers. */
function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(undefined);
  });
}
