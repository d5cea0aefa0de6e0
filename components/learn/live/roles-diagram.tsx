'use client';
import { FlowDiagram } from '@/components/flow-diagram/flow-diagram';
import { demoRealm } from '@/lib/realms/descriptor';

// The origin does not matter here: the nodes show the realm's paths only.
const REALM = demoRealm('http://localhost');

/** The authorization-code flow's diagram, every exchange drawn: the four roles and who talks to whom. */
export function RolesDiagram({ edges }: { edges: string[] }) {
  return <FlowDiagram flow="authorization-code" pastEdges={edges} currentEdges={[]} knows={{}} realm={REALM} />;
}
