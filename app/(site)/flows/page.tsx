// GET /flows – index of the grants the flow player plays
import Link from 'next/link';
import { FLOWS } from '@/components/flow-player/flow-registry';

export const metadata = { title: 'Flows' };

export default function Page() {
  return (
    <>
      <h1 className="text-3xl font-bold">Flows</h1>
      <p className="mt-3 text-slate-700">Each flow runs for real against the embedded authorization and resource servers (realm demo), step by step.</p>
      <ul className="mt-6 grid gap-4 md:grid-cols-2">
        {FLOWS.map((f) => (
          <li key={f.slug} className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="text-xl font-semibold">
              <Link className="text-indigo-800 underline" href={`/flows/${f.slug}`}>
                {f.title}
              </Link>
            </h2>
            <p className="mt-2 text-slate-700">{f.summary}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
