'use client';
import { FlowPlayer } from './flow-player';

/** Client boundary for the server page. */
export function FlowPlayerLoader({ slug }: { slug: string }) {
  return <FlowPlayer slug={slug} />;
}
