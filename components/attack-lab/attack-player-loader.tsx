'use client';
import dynamic from 'next/dynamic';

/** The player runs only in the browser (sessionStorage, the lab realm), so it is not rendered on the server. */
export const AttackPlayerLoader = dynamic(() => import('./attack-player').then((m) => m.AttackPlayer), {
  ssr: false,
  loading: () => <p className="text-slate-700">Preparing the lab realm…</p>,
});
