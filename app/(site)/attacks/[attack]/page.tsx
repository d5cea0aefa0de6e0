// GET /attacks/[attack] – one attack of the lab, Vulnerable vs Hardened (components/attack-lab)
import { IntentLink } from '@/components/ui/intent-link';
import { notFound } from 'next/navigation';
import { ATTACKS, findAttack } from '@/components/attack-lab/attack-registry';
import { AttackPlayerLoader } from '@/components/attack-lab/attack-player-loader';
import { SpecLinks } from '@/components/attack-lab/spec-links';

export function generateStaticParams() {
  return ATTACKS.filter((a) => a.playable).map((a) => ({ attack: a.slug }));
}

export const dynamicParams = false;

export async function generateMetadata({ params }: { params: Promise<{ attack: string }> }) {
  const { attack } = await params;
  return { title: findAttack(attack)?.title ?? 'Attack' };
}

export default async function Page({ params }: { params: Promise<{ attack: string }> }) {
  const { attack } = await params;
  const entry = findAttack(attack);
  if (!entry?.playable) notFound();
  return (
    <>
      {/* Presenter mode keeps the title only (globals.css). */}
      <p data-presenter-hidden="" className="text-sm font-semibold uppercase tracking-wide text-rose-800">
        <IntentLink className="underline" href="/attacks">
          Attack lab
        </IntentLink>
      </p>
      <h1 className="text-3xl font-bold">{entry.title}</h1>
      <p data-presenter-hidden="" className="mt-2 max-w-3xl text-slate-700">
        {entry.teaches} <SpecLinks specs={entry.specs} />
      </p>
      <div className="mt-4">
        <AttackPlayerLoader slug={entry.slug} />
      </div>
    </>
  );
}
