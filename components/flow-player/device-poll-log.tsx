'use client';
import { useState } from 'react';
import type { Exchange } from '@/lib/http-trace/types';
import type { PollRecord } from '@/machines/device-code.machine';
import { clockTime } from './device-tv-screen';
import { ExchangeView } from './exchange-view';

const MEANING: Record<string, string> = {
  authorization_pending: 'not decided yet: keep polling',
  slow_down: 'too fast: +5 s for this and every later poll',
  access_denied: 'the user denied: stop',
  expired_token: 'the code expired: stop, start over',
};

export interface DevicePollLogProps {
  polls: PollRecord[];
  /** The run's exchanges: each poll's own is found by its `exchangeId`. */
  exchanges: Exchange[];
  interval: number;
  /** The TV is still polling and the learner is on this step: offer "Poll now". */
  polling: boolean;
  onPollNow: () => void;
}

const sentHow = (p: PollRecord) => (p.early ? 'early (Poll now)' : p.n === 1 ? 'at once (first poll)' : 'after the interval');

/** One poll: its line of the log, and its request and response when opened (drawn only then). */
function PollEntry({ poll, exchange }: { poll: PollRecord; exchange?: Exchange }) {
  const [open, setOpen] = useState(false);
  const line = (
    <>
      <span className="font-mono">#{poll.n}</span>
      <span className="font-mono">{clockTime(poll.at)}</span>
      <span className="font-mono">HTTP {poll.status ?? '—'}</span>
      <span>
        {poll.error ? <span className="font-mono">{poll.error}</span> : <span className="font-semibold text-green-800">tokens</span>}
        {poll.error && MEANING[poll.error] && <span className="text-slate-700"> — {MEANING[poll.error]}</span>}
      </span>
      <span className="text-slate-700">
        interval after: <span className="font-mono">{poll.interval} s</span> · {sentHow(poll)}
      </span>
    </>
  );
  const lineClass = 'grid min-w-0 flex-1 gap-x-3 sm:grid-cols-[2.5rem_4.5rem_5rem_1fr] sm:[&>*:last-child]:col-start-4';
  if (!exchange) return <div className={`${lineClass} py-1.5 pl-6`}>{line}</div>;
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)} className="group">
      <summary className="flex cursor-pointer list-none gap-2 rounded py-1.5 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        <span aria-hidden="true" className="w-4 text-slate-600 transition-transform group-open:rotate-90">
          ▶
        </span>
        <span className={lineClass}>{line}</span>
      </summary>
      {open && (
        <div className="mb-2 mt-1">
          <ExchangeView exchange={exchange} />
        </div>
      )}
    </details>
  );
}

/** Every poll of the token endpoint (RFC 8628 §3.4/§3.5) as the TV saw it, each with its HTTP, and the interval it keeps. */
export function DevicePollLog({ polls, exchanges, interval, polling, onPollNow }: DevicePollLogProps) {
  const last = polls.at(-1);
  const byId = new Map(exchanges.map((e) => [e.id, e]));
  return (
    <section aria-labelledby="poll-log-title" className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <h3 id="poll-log-title" className="text-lg font-semibold text-slate-900">
        Poll log
      </h3>
      <div className="flex flex-wrap items-center gap-3">
        <p aria-live="polite">
          Polling interval: <span className="font-mono font-semibold">{interval} s</span>
        </p>
        {polling && last && <p className="text-slate-700">Next poll due at about {clockTime(last.at + interval * 1000)}.</p>}
        {polling && (
          <button
            type="button"
            onClick={onPollNow}
            className="rounded border border-rose-300 bg-rose-50 px-3 py-1 font-medium text-rose-900 hover:bg-rose-100"
          >
            Poll now (too fast)
          </button>
        )}
      </div>
      {polls.length === 0 ? (
        <p className="text-slate-700">The first poll is on its way.</p>
      ) : (
        <>
          <p className="text-slate-700">Oldest first; open a poll to read its request and response.</p>
          <ol aria-label="Polls of the token endpoint, oldest first" className="divide-y divide-slate-200">
            {polls.map((p) => (
              <li key={p.n}>
                <PollEntry poll={p} exchange={p.exchangeId ? byId.get(p.exchangeId) : undefined} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
