// The worker protocol end to end in-process: crack-client.ts ⇄ a fake Worker ⇄ crack-session.ts.
import { createHmac } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { startCrack, type CrackWorker } from './crack-client';
import { createCrackSession } from './crack-session';
import type { CrackReport, CrackRequest } from './protocol';

const ORIGIN = 'http://localhost:3000';
const b64url = (s: string) => Buffer.from(s).toString('base64url');
function hs256(secret: string): string {
  const input = `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url('{"sub":"alice"}')}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}
const words = (n: number) => Array.from({ length: n }, (_, i) => `guess-${i}`);

function wordlistFetch(files: Record<string, string>) {
  return vi.fn(async (url: string | URL | Request) => {
    const path = new URL(String(url)).pathname;
    return path in files ? new Response(files[path]) : new Response('not found', { status: 404 });
  });
}

/** A Worker whose other end is a crack session in this process, messages passed asynchronously. */
function fakeWorker(fetchImpl: typeof fetch = wordlistFetch({})) {
  const terminated = { value: false };
  const worker: CrackWorker = {
    onmessage: null,
    onerror: null,
    postMessage: (request: CrackRequest) => setTimeout(() => !terminated.value && handle(structuredClone(request))),
    terminate: () => void (terminated.value = true),
  };
  const handle = createCrackSession({
    origin: ORIGIN,
    fetch: fetchImpl,
    progressEveryMs: 0,
    post: (report: CrackReport) =>
      setTimeout(() => !terminated.value && worker.onmessage?.({ data: structuredClone(report) } as MessageEvent<CrackReport>)),
  });
  return { worker, terminated };
}

function session(fetchImpl: typeof fetch) {
  const reports: CrackReport[] = [];
  const handle = createCrackSession({ origin: ORIGIN, fetch: fetchImpl, post: (r) => reports.push(r) });
  const last = async () => {
    await vi.waitFor(() => expect(reports.some((r) => r.type !== 'crack.progress')).toBe(true));
    return reports.find((r) => r.type !== 'crack.progress');
  };
  return { handle, last };
}

describe('crack session (the worker side)', () => {
  it('fetches a wordlist from the app origin under /wordlists/ and finds the secret in it', async () => {
    const fetchImpl = wordlistFetch({ '/wordlists/list.txt': 'a\nb\nkeyboard cat\nd\n' });
    const s = session(fetchImpl);
    s.handle({ type: 'crack.start', token: hs256('keyboard cat'), wordlist: { url: '/wordlists/list.txt' } });
    expect(await s.last()).toMatchObject({ type: 'crack.done', found: 'keyboard cat', tried: 3, total: 4, cancelled: false });
    expect(fetchImpl).toHaveBeenCalledWith(`${ORIGIN}/wordlists/list.txt`, { credentials: 'same-origin', redirect: 'error' });
  });

  it.each([
    ['another origin', 'https://evil.example/wordlists/list.txt'],
    ['a path outside /wordlists/', '/api/realms'],
    ['a dot-dot escape', '/wordlists/../api/realms'],
    ['an encoded dot-dot escape', '/wordlists/%2e%2e/api/realms'],
    ['a protocol-relative URL', '//evil.example/wordlists/x.txt'],
  ])('refuses a wordlist at %s without fetching it', async (_what, url) => {
    const fetchImpl = wordlistFetch({});
    const s = session(fetchImpl);
    s.handle({ type: 'crack.start', token: hs256('x'), wordlist: { url } });
    expect(await s.last()).toMatchObject({ type: 'crack.error', code: 'ERR_CRACK_WORDLIST' });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('says so when the wordlist is missing', async () => {
    const s = session(wordlistFetch({}));
    s.handle({ type: 'crack.start', token: hs256('x'), wordlist: { url: '/wordlists/gone.txt' } });
    expect(await s.last()).toMatchObject({ type: 'crack.error', code: 'ERR_CRACK_WORDLIST', message: expect.stringContaining('404') });
  });

  it('passes the token refusal on with its code', async () => {
    const s = session(wordlistFetch({}));
    s.handle({ type: 'crack.start', token: 'not.a.token', wordlist: { words: ['x'] } });
    expect(await s.last()).toMatchObject({ type: 'crack.error', code: 'ERR_CRACK_MALFORMED_TOKEN' });
  });
});

describe('startCrack (the page side)', () => {
  it('resolves with the secret found and reports progress on the way', async () => {
    const { worker, terminated } = fakeWorker();
    const progress: number[] = [];
    const handle = startCrack(
      hs256('guess-2500'),
      { words: words(3000) },
      { batch: 1000, createWorker: () => worker, onProgress: (p) => progress.push(p.tried) },
    );
    expect(await handle.result).toMatchObject({ ok: true, found: 'guess-2500', tried: 2501, total: 3000, cancelled: false });
    expect(progress).toEqual([1000, 2000, 2501]);
    expect(terminated.value).toBe(true);
  });

  it('resolves as cancelled, with the guesses made so far, when cancelled', async () => {
    const { worker } = fakeWorker();
    let handle: ReturnType<typeof startCrack> | undefined = undefined;
    handle = startCrack(
      hs256('never'),
      { words: words(100_000) },
      { batch: 1000, createWorker: () => worker, onProgress: (p) => p.tried >= 3000 && handle?.cancel() },
    );
    const outcome = await handle.result;
    expect(outcome).toMatchObject({ ok: true, cancelled: true });
    expect(outcome.ok && outcome.tried).toBeLessThan(100_000);
    expect(outcome.ok && outcome.found).toBeUndefined();
  });

  it('terminates a worker that does not answer a cancel, and resolves as cancelled with the last progress', async () => {
    const terminate = vi.fn();
    const silent: CrackWorker = { onmessage: null, onerror: null, postMessage: () => {}, terminate };
    const handle = startCrack(hs256('x'), { words: ['x'] }, { createWorker: () => silent, cancelGraceMs: 10 });
    silent.onmessage?.({ data: { type: 'crack.progress', tried: 7, total: 9, ms: 1, rate: 7000 } } as MessageEvent<CrackReport>);
    handle.cancel();
    expect(await handle.result).toEqual({ ok: true, tried: 7, total: 9, ms: 1, rate: 7000, cancelled: true });
    expect(terminate).toHaveBeenCalled();
  });

  it('resolves with the refusal as a value, pointing at the token', async () => {
    const { worker } = fakeWorker();
    const token = `${b64url('{"alg":"HS512"}')}.e30.${'A'.repeat(86)}`;
    expect(await startCrack(token, { words: ['x'] }, { createWorker: () => worker }).result).toMatchObject({
      ok: false,
      error: { code: 'ERR_CRACK_UNSUPPORTED_ALG', where: 'token' },
    });
  });

  it('resolves with ERR_CRACK_WORKER when the worker cannot start or fails', async () => {
    const broken = startCrack(
      hs256('x'),
      { words: ['x'] },
      {
        createWorker: () => {
          throw new Error('no workers here');
        },
      },
    );
    expect(await broken.result).toMatchObject({ ok: false, error: { code: 'ERR_CRACK_WORKER', where: 'worker' } });
    const { worker } = fakeWorker();
    worker.postMessage = () => setTimeout(() => worker.onerror?.({ message: 'SyntaxError', preventDefault() {} } as ErrorEvent));
    expect(await startCrack(hs256('x'), { words: ['x'] }, { createWorker: () => worker }).result).toMatchObject({
      ok: false,
      error: { code: 'ERR_CRACK_WORKER' },
    });
  });
});
