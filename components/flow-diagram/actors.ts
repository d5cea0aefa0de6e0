import type { RealmDescriptor } from '@/lib/realms/descriptor';

/** Diagram data: the parties of the flows and where they sit. Kept apart from the components (xyflow habit). */
export interface ActorNodeData extends Record<string, unknown> {
  label: string;
  role: string;
  knows: string[];
  active: boolean;
  /** The actor id: the node's colour is its party's. */
  actor: string;
}

/** Node width in diagram units (actor-node.tsx draws it); columns leave room for a label between them. */
export const NODE_WIDTH = 176;

export interface ActorPlacement {
  id: string;
  label: string;
  role: string;
  x: number;
  y: number;
}

// Three columns 360 apart (184 free between nodes: an edge label fits there) and rows 200 apart. The whole
// picture is 896 wide, so at 1400 px it is drawn at ~0.95 and its 13 px labels stay ≥ 12 px on screen.
export const ACTORS: Record<string, ActorPlacement> = {
  user: { id: 'user', label: 'User', role: 'resource owner', x: 0, y: 0 },
  browser: { id: 'browser', label: 'Browser', role: 'user agent', x: 0, y: 200 },
  client: { id: 'client', label: 'Client', role: 'this app (the machine)', x: 360, y: 200 },
  // The AS and RS roles name the realm played against: see realmRoles.
  as: { id: 'as', label: 'Authorization Server', role: 'issuer', x: 720, y: 0 },
  rs: { id: 'rs', label: 'Resource Server', role: 'API', x: 720, y: 400 },
  tv: { id: 'tv', label: 'TV', role: 'device client', x: 360, y: 200 },
  phone: { id: 'phone', label: 'Phone', role: 'second device', x: 0, y: 200 },
  // The attack lab's adversary: her own requests (and her site's, /attacker/{realm}) are exchanges too.
  // Bottom middle: her edges to the AS and RS, the client and the user's browser all run through free space.
  attacker: { id: 'attacker', label: 'Mallory', role: 'attacker', x: 360, y: 400 },
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
