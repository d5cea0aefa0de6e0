'use client';
import { useEffect, useState } from 'react';
import { loot, readAttackerLog, type ConsoleRecord } from '@/lib/attack-lab/attacker-log';
import type { RealmDescriptor } from '@/lib/realms/descriptor';

const POLL_MS = 1500;

/**
 * The **Attacker's console**: what Mallory's same-origin site (`/attacker/{realm}/…`) has received,
 * live, newest last. It polls her log while the page is open; in a hardened run it stays empty.
 */
export function AttackerConsole({ realm }: { realm: RealmDescriptor }) {
  const [records, setRecords] = useState<ConsoleRecord[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const got = await readAttackerLog(realm);
        if (live) setRecords(got);
      } catch {
        // the next poll tries again
      }
      if (live) timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [realm]);
  return (
    <section aria-label="Attacker’s console" className="rounded-lg border border-slate-700 bg-slate-900 p-3 text-slate-100">
      <h2 className="text-base font-semibold">Attacker’s console</h2>
      <p className="text-xs text-slate-300">
        What Mallory’s site <code className="break-all">/attacker/{realm.id}/…</code> has received (same origin; nothing leaves this
        server).
      </p>
      {records === undefined ? (
        <p className="mt-2 text-sm">Listening…</p>
      ) : records.length === 0 ? (
        <p className="mt-2 text-sm" data-testid="attacker-console-empty">
          Nothing received yet.
        </p>
      ) : (
        <ol className="mt-2 space-y-2 text-sm">
          {records.map((r) => (
            <li key={r.seq} className="min-w-0 rounded border border-slate-600 p-2">
              <div className="font-mono text-xs text-amber-200">
                #{r.seq} {r.kind === 'fragment' ? 'fragment read by her page' : `${r.method} ${r.path}`}
              </div>
              <dl className="mt-1 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-2 font-mono text-xs">
                {loot(r).map((l) => (
                  <div key={l.name} className="contents">
                    <dt className="text-slate-300">{l.name}</dt>
                    <dd className="break-all">{l.value}</dd>
                  </div>
                ))}
                {r.referer && (
                  <div className="contents">
                    <dt className="text-slate-300">Referer</dt>
                    <dd className="break-all">{r.referer}</dd>
                  </div>
                )}
              </dl>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
