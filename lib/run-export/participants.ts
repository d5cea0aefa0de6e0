import type { Actor } from '@/lib/http-trace/types';

/**
 * The parties of an exported run, named as the diagram names them (components/flow-diagram/actors.ts):
 * a Mermaid-safe id (never a keyword of the grammar, which matches keywords case-insensitively: `as`,
 * `end`, `opt` …) and the label the learner saw on the diagram. The device flow's `device` is the TV.
 */
export const PARTICIPANTS: Readonly<Record<Actor, { id: string; label: string }>> = {
  user: { id: 'User', label: 'User' },
  browser: { id: 'Browser', label: 'Browser' },
  client: { id: 'Client', label: 'Client' },
  as: { id: 'AuthServer', label: 'Authorization Server' },
  rs: { id: 'ResourceServer', label: 'Resource Server' },
  attacker: { id: 'Mallory', label: 'Mallory' },
  device: { id: 'TV', label: 'TV' },
};

/** An actor the type does not know (a hand-edited snapshot): a safe id and its own name. */
export function participantOf(actor: string): { id: string; label: string } {
  const known = (PARTICIPANTS as Record<string, { id: string; label: string }>)[actor];
  if (known) return known;
  const id = `P_${actor.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 40)}`;
  return { id, label: actor.slice(0, 40) };
}

export type ParticipantNames = Readonly<Record<string, { id: string; label: string }>>;

/**
 * The names for a run whose diagram shows `actors` (FLOW_ACTORS): where the diagram draws the client
 * as the TV (the device flow), the client's exchanges are the TV's.
 */
export function participantsFor(actors: readonly string[]): ParticipantNames {
  return actors.includes('tv') && !actors.includes('client') ? { ...PARTICIPANTS, client: PARTICIPANTS.device } : PARTICIPANTS;
}

export const nameOf = (names: ParticipantNames, actor: string) => names[actor] ?? participantOf(actor);
