/**
 * The Exchange: one HTTP request/response as the flow player recorded it. The diagram,
 * the exchange view and the live inspector all read this one type (DESIGN.md).
 */
export type Actor = 'user' | 'browser' | 'client' | 'as' | 'rs' | 'attacker' | 'device';

/** Where in an exchange a token was found, e.g. `response.body.access_token` or `request.headers.authorization`. */
export interface FoundToken {
  where: string;
  label: string; // e.g. "access token", "ID token", "refresh token", "authorization code"
  kind: 'jwt' | 'jwe' | 'opaque';
  value: string;
}

export interface Exchange {
  id: string;
  step: string;
  from: Actor;
  to: Actor;
  channel: 'front' | 'back';
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  response?: { status: number; headers: Record<string, string>; body?: string; ms: number };
  tokens: FoundToken[];
}
