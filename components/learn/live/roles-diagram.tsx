'use client';
import { FLOW_ACTORS } from '@/components/flow-diagram/actors';
import { LazyFlowDiagram } from '@/components/flow-diagram/lazy-flow-diagram';
import { demoRealm } from '@/lib/realms/descriptor';

// The origin does not matter here: the nodes show the realm's paths only.
const REALM = demoRealm('http://localhost');

/** The authorization-code flow's diagram, every exchange drawn: the four roles and who talks to whom. Drawn as it nears the screen. */
export function RolesDiagram({ edges }: { edges: string[] }) {
  return (
    <LazyFlowDiagram whenVisible actors={FLOW_ACTORS['authorization-code']} pastEdges={edges} currentEdges={[]} knows={{}} realm={REALM} />
  );
}
