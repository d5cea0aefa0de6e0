import type { CrackErrorCode } from './errors';
import type { CrackReport, CrackRequest, CrackWordlist } from './protocol';

/** What the page needs of a Worker; tests pass a fake. */
export interface CrackWorker {
  postMessage(request: CrackRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<CrackReport>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface CrackProgressReport {
  tried: number;
  total: number;
  ms: number;
  /** Guesses per second so far. */
  rate: number;
}

export type CrackOutcome =
  | { ok: true; found?: string; tried: number; total: number; ms: number; rate: number; cancelled: boolean }
  | { ok: false; error: { code: CrackErrorCode | 'ERR_CRACK_WORKER'; message: string; where: 'token' | 'wordlist' | 'worker' } };

export interface CrackHandle {
  /** Settles once, never rejects: the secret (or none), or why it could not run. */
  readonly result: Promise<CrackOutcome>;
  /** Stops the search; `result` then says `cancelled: true` with the guesses made so far. */
  cancel(): void;
}

export interface StartCrackOptions {
  onProgress?: (progress: CrackProgressReport) => void;
  batch?: number;
  createWorker?: () => CrackWorker;
  /** How long a cancelled worker may take to answer before it is terminated (default 1,000 ms). */
  cancelGraceMs?: number;
}

/** The wordlist shipped with the app (scripts/make-wordlist.mjs). */
export const DEFAULT_WORDLIST: CrackWordlist = { url: '/wordlists/common-secrets.txt' };

const createCrackWorker = (): CrackWorker => new Worker(new URL('./crack.worker.ts', import.meta.url), { type: 'module' }) as CrackWorker;

/**
 * Guesses an HS256 token's secret in a Web Worker, off the page's main thread (RFC 8725 §3.5).
 * Browser only. Each call has its own worker, terminated when the result is in.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8725#section-3.5 RFC 8725 §3.5
 */
export function startCrack(token: string, wordlist: CrackWordlist = DEFAULT_WORDLIST, options: StartCrackOptions = {}): CrackHandle {
  let worker: CrackWorker;
  let settle!: (outcome: CrackOutcome) => void;
  let settled = false;
  let last: CrackProgressReport = { tried: 0, total: 0, ms: 0, rate: 0 };
  let grace: ReturnType<typeof setTimeout> | undefined;
  const result = new Promise<CrackOutcome>((resolve) => (settle = resolve));
  const finish = (outcome: CrackOutcome) => {
    if (settled) return;
    settled = true;
    clearTimeout(grace);
    worker?.terminate();
    settle(outcome);
  };
  try {
    worker = (options.createWorker ?? createCrackWorker)();
  } catch (e) {
    finish({
      ok: false,
      error: {
        code: 'ERR_CRACK_WORKER',
        message: `The cracker's worker did not start: ${e instanceof Error ? e.message : String(e)}`,
        where: 'worker',
      },
    });
    return { result, cancel: () => {} };
  }
  worker.onmessage = ({ data }) => {
    if (data.type === 'crack.progress') {
      last = { tried: data.tried, total: data.total, ms: data.ms, rate: data.rate };
      options.onProgress?.(last);
    } else if (data.type === 'crack.done') {
      const { type: _type, ...rest } = data;
      finish({ ok: true, ...rest });
    } else if (data.type === 'crack.error') {
      finish({
        ok: false,
        error: { code: data.code, message: data.message, where: data.code === 'ERR_CRACK_WORDLIST' ? 'wordlist' : 'token' },
      });
    }
  };
  worker.onerror = (event) => {
    event.preventDefault?.();
    finish({
      ok: false,
      error: {
        code: 'ERR_CRACK_WORKER',
        message: `The cracker's worker failed: ${event.message || 'it could not be loaded'}`,
        where: 'worker',
      },
    });
  };
  worker.postMessage({ type: 'crack.start', token, wordlist, batch: options.batch });
  return {
    result,
    cancel() {
      if (settled) return;
      worker.postMessage({ type: 'crack.cancel' });
      grace ??= setTimeout(() => finish({ ok: true, ...last, cancelled: true }), options.cancelGraceMs ?? 1000);
    },
  };
}
