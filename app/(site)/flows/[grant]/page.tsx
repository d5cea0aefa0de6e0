// GET /flows/[grant] – plays one grant (components/flow-player)
import { notFound } from 'next/navigation';
import { FLOWS, findFlow } from '@/components/flow-player/flow-registry';
import { FlowPlayerLoader } from '@/components/flow-player/flow-player-loader';

export function generateStaticParams() {
  return FLOWS.map((f) => ({ grant: f.slug }));
}

export async function generateMetadata({ params }: { params: Promise<{ grant: string }> }) {
  const { grant } = await params;
  return { title: findFlow(grant)?.title ?? 'Flow' };
}

export default async function Page({ params }: { params: Promise<{ grant: string }> }) {
  const { grant } = await params;
  const flow = findFlow(grant);
  if (!flow) notFound();
  return (
    <>
      <h1 className="text-3xl font-bold">{flow.title}</h1>
      <div className="mt-4">
        <FlowPlayerLoader slug={flow.slug} />
      </div>
    </>
  );
}
