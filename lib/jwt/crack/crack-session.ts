import { crackHs256, type CrackCandidates } from './crack';
import { CrackError } from './errors';
import { WORDLIST_PREFIX, type CrackReport, type CrackRequest, type CrackWordlist } from './protocol';

export interface CrackSessionDeps {
  post: (report: CrackReport) => void;
  fetch: typeof fetch;
  /** The app's origin; wordlist URLs resolve against it and must stay on it. */
  origin: string;
  /** Least time between two progress reports (default 100 ms). */
  progressEveryMs?: number;
  now?: () => number;
}

/**
 * The worker side of the protocol in `protocol.ts`, apart from the worker global so it runs in
 * tests: returns the handler for incoming messages. A new `crack.start` cancels the running one.
 */
export function createCrackSession(deps: CrackSessionDeps): (request: CrackRequest) => void {
  const now = deps.now ?? (() => performance.now());
  const every = deps.progressEveryMs ?? 100;
  let running: AbortController | undefined;

  async function run(request: Extract<CrackRequest, { type: 'crack.start' }>, signal: AbortSignal) {
    try {
      const candidates = await loadWordlist(request.wordlist, deps);
      let lastReport = -Infinity;
      const result = await crackHs256(request.token, candidates, {
        signal,
        batch: request.batch,
        now,
        onProgress: ({ tried, total, ms, rate }) => {
          if (now() - lastReport < every) return;
          lastReport = now();
          deps.post({ type: 'crack.progress', tried, total, ms, rate });
        },
      });
      const rate = result.ms > 0 ? (result.tried * 1000) / result.ms : 0;
      deps.post({
        type: 'crack.done',
        found: result.found,
        tried: result.tried,
        total: result.total,
        ms: result.ms,
        rate,
        cancelled: result.aborted,
      });
    } catch (e) {
      if (e instanceof CrackError) deps.post({ type: 'crack.error', code: e.code, message: e.message });
      else
        deps.post({
          type: 'crack.error',
          code: 'ERR_CRACK_WORDLIST',
          message: `The wordlist could not be read: ${e instanceof Error ? e.message : String(e)}`,
        });
    }
  }

  return (request) => {
    if (request?.type === 'crack.cancel') {
      running?.abort();
      return;
    }
    if (request?.type !== 'crack.start' || typeof request.token !== 'string') {
      deps.post({ type: 'crack.error', code: 'ERR_CRACK_MALFORMED_TOKEN', message: 'Send { type: "crack.start", token, wordlist }.' });
      return;
    }
    running?.abort();
    const controller = new AbortController();
    running = controller;
    void run(request, controller.signal);
  };
}

/** Fetches a wordlist from the app's own origin under /wordlists/ only, and never follows a redirect. */
async function loadWordlist(wordlist: CrackWordlist, deps: Pick<CrackSessionDeps, 'fetch' | 'origin'>): Promise<CrackCandidates> {
  if ('words' in wordlist && Array.isArray(wordlist.words)) return wordlist.words;
  const raw = 'url' in wordlist ? wordlist.url : undefined;
  let url: URL;
  try {
    url = new URL(String(raw), deps.origin);
  } catch {
    throw new CrackError('ERR_CRACK_WORDLIST', `${JSON.stringify(raw)} is not a URL.`);
  }
  if (url.origin !== new URL(deps.origin).origin || !url.pathname.startsWith(WORDLIST_PREFIX)) {
    throw new CrackError('ERR_CRACK_WORDLIST', `Wordlists are read from this app's ${WORDLIST_PREFIX} only, not ${url.href}.`);
  }
  const res = await deps.fetch(url.href, { credentials: 'same-origin', redirect: 'error' });
  if (!res.ok) throw new CrackError('ERR_CRACK_WORDLIST', `${url.pathname} answered ${res.status}.`);
  return new Uint8Array(await res.arrayBuffer());
}
