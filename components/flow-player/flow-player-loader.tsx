'use client';
import { lazy, Suspense, useEffect, useState } from 'react';
import { chooseRealm, type LabRealmChoice } from './lab-realm';

// The player (XState, jose, its panels) is not needed to paint or hydrate the page: its own chunk, fetched at once after hydration.
const loadPlayer = () => import('./flow-player');
const FlowPlayer = lazy(async () => ({ default: (await loadPlayer()).FlowPlayer }));
const starting = <p className="text-slate-700">Starting the flow…</p>;

/**
 * Client boundary for the server page. `?realm=<id>` plays the flow against a lab realm (made with
 * `POST /api/realms`) instead of `demo`, and says so above the player, weaknesses included.
 */
export function FlowPlayerLoader({ slug }: { slug: string }) {
  const [choice, setChoice] = useState<LabRealmChoice | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void loadPlayer();
    void chooseRealm(window.location.search).then((c) => live && setChoice(c));
    return () => {
      live = false;
    };
  }, []);
  if (!choice || choice.kind === 'loading') return starting;
  if (choice.kind === 'error') {
    return (
      <div role="alert" className="rounded-md border border-rose-300 bg-rose-50 p-4 text-rose-900">
        <p className="font-semibold">This lab realm cannot be used.</p>
        <p className="mt-1">{choice.message}</p>
        <p className="mt-2">
          <a className="underline" href={`/flows/${slug}`}>
            Play this flow against the demo realm instead
          </a>
        </p>
      </div>
    );
  }
  if (choice.kind === 'demo')
    return (
      <Suspense fallback={starting}>
        <FlowPlayer slug={slug} />
      </Suspense>
    );
  const { realm } = choice;
  return (
    <>
      <section aria-label="Lab realm" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-950">
        <p className="font-semibold">
          Lab realm <code className="break-all">{realm.id}</code> — {realm.weaknesses.length ? 'deliberately weakened' : 'hardened'}
        </p>
        {realm.weaknesses.length > 0 && (
          <p className="mt-1">
            Weaknesses:{' '}
            {realm.weaknesses.map((w, i) => (
              <span key={w}>
                {i > 0 && ', '}
                <code>{w}</code>
              </span>
            ))}
            . The servers’ own reports show which checks they skip.
          </p>
        )}
      </section>
      <Suspense fallback={starting}>
        <FlowPlayer slug={slug} realm={realm} />
      </Suspense>
    </>
  );
}
