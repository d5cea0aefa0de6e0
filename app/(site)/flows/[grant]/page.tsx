// GET /flows/[grant] – plays one grant (components/flow-player)
import { notFound } from 'next/navigation';
import { FLOW_LIST } from '@/components/flow-player/flow-list';
import { FlowPlayerLoader } from '@/components/flow-player/flow-player-loader';

export function generateStaticParams() {
  return FLOW_LIST.map((f) => ({ grant: f.slug }));
}

export async function generateMetadata({ params }: { params: Promise<{ grant: string }> }) {
  const { grant } = await params;
  return { title: FLOW_LIST.find((f) => f.slug === grant)?.title ?? 'Flow' };
}

export default async function Page({ params }: { params: Promise<{ grant: string }> }) {
  const { grant } = await params;
  const flow = FLOW_LIST.find((f) => f.slug === grant);
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
