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
  as: { id: 'as', label: 'Authorization Server', role: '/as/demo', x: 620, y: 40 },
  rs: { id: 'rs', label: 'Resource Server', role: '/rs/demo', x: 620, y: 340 },
  tv: { id: 'tv', label: 'TV', role: 'device client', x: 300, y: 200 },
  phone: { id: 'phone', label: 'Phone', role: 'second device', x: 0, y: 200 },
};

/** Which actors each flow shows. */
export const FLOW_ACTORS: Record<string, string[]> = {
  'authorization-code': ['user', 'browser', 'client', 'as', 'rs'],
  'refresh-token': ['user', 'browser', 'client', 'as', 'rs'],
  'client-credentials': ['client', 'as', 'rs'],
  'device-code': ['user', 'phone', 'tv', 'as', 'rs'],
};
