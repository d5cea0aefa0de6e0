'use client';
import type { PollRecord } from '@/machines/device-code.machine';
import { clockTime } from './device-tv-screen';

const MEANING: Record<string, string> = {
  authorization_pending: 'not decided yet: keep polling',
  slow_down: 'too fast: +5 s for this and every later poll',
  access_denied: 'the user denied: stop',
  expired_token: 'the code expired: stop, start over',
};

export interface DevicePollLogProps {
  polls: PollRecord[];
  interval: number;
  /** The TV is still polling and the learner is on this step: offer "Poll now". */
  polling: boolean;
  onPollNow: () => void;
}

/** Every poll of the token endpoint (RFC 8628 §3.4/§3.5) as the TV saw it, and the interval it keeps. */
export function DevicePollLog({ polls, interval, polling, onPollNow }: DevicePollLogProps) {
  const last = polls.at(-1);
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
          <button type="button" onClick={onPollNow} className="rounded border border-rose-300 bg-rose-50 px-3 py-1 font-medium text-rose-900 hover:bg-rose-100">
            Poll now (too fast)
          </button>
        )}
      </div>
      {polls.length === 0 ? (
        <p className="text-slate-700">The first poll is on its way.</p>
      ) : (
        <table className="w-full text-left">
          <caption className="sr-only">Polls of the token endpoint, oldest first</caption>
          <thead>
            <tr className="text-slate-700">
              <th scope="col" className="pr-2">#</th>
              <th scope="col" className="pr-2">Time</th>
              <th scope="col" className="pr-2">HTTP</th>
              <th scope="col" className="pr-2">Answer</th>
              <th scope="col" className="pr-2">Interval after</th>
              <th scope="col">Sent</th>
            </tr>
          </thead>
          <tbody>
            {polls.map((p) => (
              <tr key={p.n} className="border-t border-slate-200 align-top">
                <td className="pr-2">{p.n}</td>
                <td className="pr-2 font-mono">{clockTime(p.at)}</td>
                <td className="pr-2 font-mono">{p.status ?? '—'}</td>
                <td className="pr-2">
                  {p.error ? <span className="font-mono">{p.error}</span> : <span className="font-semibold text-green-800">tokens</span>}
                  {p.error && MEANING[p.error] && <span className="text-slate-700"> — {MEANING[p.error]}</span>}
                </td>
                <td className="pr-2 font-mono">{p.interval} s</td>
                <td>{p.early ? 'early (Poll now)' : p.n === 1 ? 'at once (first poll)' : 'after the interval'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
