// GET /flows – index of the grants the flow player plays, which to try first, and where /learn explains each
import { IntentLink } from '@/components/ui/intent-link';
import { FLOWS } from '@/components/flow-player/flow-registry';
import { GRANT_SECTION, LEARN_SECTIONS } from '@/lib/learn/sections';

export const metadata = { title: 'Flows' };

const FIRST = 'authorization-code';
const sectionOf = (slug: string) => {
  const id = (GRANT_SECTION as Record<string, string>)[slug] ?? 'which-grant';
  return LEARN_SECTIONS.find((s) => s.id === id)!;
};

export default function Page() {
  return (
    <>
      <h1 className="text-3xl font-bold">Flows</h1>
      <p className="mt-3 text-slate-700">
        Each flow runs for real against the embedded authorization and resource servers (realm demo), step by step.
      </p>
      <p className="mt-3 max-w-3xl rounded-md border border-indigo-200 bg-indigo-50 p-3 text-slate-800">
        <b>New here? Try the authorization code flow first.</b> It is the one almost every app should use, and the others reuse its pieces:
        refresh tokens start with it, client credentials drops the user, the device grant moves the sign-in to a phone. Not sure which grant
        fits your app?{' '}
        <IntentLink className="text-indigo-800 underline" href="/learn#which-grant">
          The decision guide
        </IntentLink>
        .
      </p>
      <ul className="mt-6 grid gap-4 md:grid-cols-2">
        {FLOWS.map((f) => {
          const learn = sectionOf(f.slug);
          return (
            <li key={f.slug} className={`rounded-lg border bg-white p-4 ${f.slug === FIRST ? 'border-indigo-400' : 'border-slate-200'}`}>
              <h2 className="text-xl font-semibold">
                <IntentLink className="text-indigo-800 underline" href={`/flows/${f.slug}`}>
                  {f.title}
                </IntentLink>
              </h2>
              {f.slug === FIRST && <p className="mt-1 text-sm font-semibold text-indigo-900">Start here</p>}
              <p className="mt-2 text-slate-700">{f.summary}</p>
              <p className="mt-2 text-sm">
                Background:{' '}
                <IntentLink className="text-indigo-800 underline" href={`/learn#${learn.id}`}>
                  {learn.title}
                </IntentLink>
              </p>
            </li>
          );
        })}
      </ul>
    </>
  );
}
