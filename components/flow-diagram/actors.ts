import type { RealmDescriptor } from '@/lib/realms/descriptor';

/** Diagram data: the parties of the flows and where they sit. Kept apart from the components (xyflow habit). */
export interface ActorNodeData extends Record<string, unknown> {
  label: string;
  role: string;
  knows: string[];
  active: boolean;
}

export interface ActorPlacement {
  id: string;
  label: string;
  role: string;
  x: number;
  y: number;
}

export const ACTORS: Record<string, ActorPlacement> = {
  user: { id: 'user', label: 'User', role: 'resource owner', x: 0, y: 0 },
  browser: { id: 'browser', label: 'Browser', role: 'user agent', x: 0, y: 200 },
  client: { id: 'client', label: 'Client', role: 'this app (the machine)', x: 300, y: 200 },
  // The AS and RS roles name the realm played against: see realmRoles.
  as: { id: 'as', label: 'Authorization Server', role: 'issuer', x: 620, y: 40 },
  rs: { id: 'rs', label: 'Resource Server', role: 'API', x: 620, y: 340 },
  tv: { id: 'tv', label: 'TV', role: 'device client', x: 300, y: 200 },
  phone: { id: 'phone', label: 'Phone', role: 'second device', x: 0, y: 200 },
  // The attack lab's adversary: her own requests (and her site's, /attacker/{realm}) are exchanges too.
  attacker: { id: 'attacker', label: 'Mallory', role: 'attacker', x: 0, y: 340 },
};

/** Which actors each flow shows. */
export const FLOW_ACTORS: Record<string, string[]> = {
  'authorization-code': ['user', 'browser', 'client', 'as', 'rs'],
  'refresh-token': ['user', 'browser', 'client', 'as', 'rs'],
  'client-credentials': ['client', 'as', 'rs'],
  'device-code': ['user', 'phone', 'tv', 'as', 'rs'],
  implicit: ['user', 'browser', 'client', 'as', 'rs'],
  password: ['user', 'client', 'as', 'rs'],
};

/** The AS and RS nodes say which realm they are: the paths of its issuer and of its resource server. */
export function realmRoles(realm: RealmDescriptor): Record<string, string> {
  return { as: new URL(realm.issuer).pathname, rs: new URL(realm.resource).pathname };
}
