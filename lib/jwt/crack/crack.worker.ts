// The HS256 cracker's Web Worker: the protocol in protocol.ts, run by crack-session.ts.
// Loaded by crack-client.ts with new Worker(new URL('./crack.worker.ts', import.meta.url), { type: 'module' }).
import { createCrackSession } from './crack-session';
import type { CrackReport, CrackRequest } from './protocol';

const scope = self as unknown as {
  postMessage(report: CrackReport): void;
  onmessage: ((event: MessageEvent<CrackRequest>) => void) | null;
  location: { origin: string };
  fetch: typeof fetch;
};

const handle = createCrackSession({
  post: (report) => scope.postMessage(report),
  fetch: scope.fetch.bind(scope),
  origin: scope.location.origin,
});
scope.onmessage = (event) => handle(event.data);
