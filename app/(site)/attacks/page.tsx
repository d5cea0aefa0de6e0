// GET /attacks – the attack lab's index, by group (components/attack-lab/attack-registry.ts)
import { IntentLink } from '@/components/ui/intent-link';
import { ATTACKS, GROUPS } from '@/components/attack-lab/attack-registry';
import { SpecLinks } from '@/components/attack-lab/spec-links';

export const metadata = { title: 'Attack lab' };

export default function Page() {
  const built = ATTACKS.filter((a) => a.playable).length;
  return (
    <>
      <h1 className="text-3xl font-bold">Attack lab</h1>
      <p className="mt-3 max-w-3xl text-slate-700">
        Each attack runs for real against two lab realms made for your tab: a <strong>Vulnerable</strong> one with one weakness switched on,
        and a <strong>Hardened</strong> one. Same steps, opposite outcomes, with the server’s own report of what it checked, the fix and the
        spec section. Mallory, the attacker, is on the diagram; her requests are in the inspector. {built} of {ATTACKS.length} attacks are
        playable today.
      </p>
      {GROUPS.map((g) => (
        <section key={g.id} aria-labelledby={`group-${g.id}`} className="mt-8">
          <h2 id={`group-${g.id}`} className="text-2xl font-semibold">
            {g.title}
          </h2>
          <p className="mt-1 text-slate-700">{g.summary}</p>
          <ul className="mt-3 grid gap-3 md:grid-cols-2">
            {ATTACKS.filter((a) => a.group === g.id).map((a) => (
              <li key={a.slug} className="rounded-lg border border-slate-200 bg-white p-4">
                <h3 className="text-lg font-semibold">
                  {a.playable ? (
                    <IntentLink className="text-indigo-800 underline" href={`/attacks/${a.slug}`}>
                      {a.title}
                    </IntentLink>
                  ) : (
                    <>
                      {a.title}{' '}
                      <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">not built yet</span>
                    </>
                  )}
                </h3>
                <p className="mt-1 text-sm text-slate-700">
                  {a.teaches} <SpecLinks specs={a.specs} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
