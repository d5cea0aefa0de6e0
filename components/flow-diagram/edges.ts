/**
 * Every exchange the flows can make, by stable id `from->to:what`. Steps' `meta.edges` refer to
 * these ids; the label is what the animated edge says.
 */
export const EDGE_CATALOG: Record<string, { source: string; target: string; label: string }> = {
  'client->as:discovery': { source: 'client', target: 'as', label: 'GET /.well-known/openid-configuration' },
  'client->browser:redirect': { source: 'client', target: 'browser', label: 'navigates to /authorize' },
  'browser->as:authorize': { source: 'browser', target: 'as', label: 'GET /authorize' },
  'user->as:login': { source: 'user', target: 'as', label: 'sign in & consent' },
  'as->browser:callback': { source: 'as', target: 'browser', label: '303 /flows/callback?code' },
  'as->browser:callbackError': { source: 'as', target: 'browser', label: '303 /flows/callback?error' },
  'browser->client:callback': { source: 'browser', target: 'client', label: 'GET /flows/callback' },
  'client->as:token': { source: 'client', target: 'as', label: 'POST /token' },
  'client->as:jwks': { source: 'client', target: 'as', label: 'GET /jwks' },
  'client->rs:photos': { source: 'client', target: 'rs', label: 'GET /photos' },
  'client->as:userinfo': { source: 'client', target: 'as', label: 'GET /userinfo' },
  'client->as:revoke': { source: 'client', target: 'as', label: 'POST /revoke' },
  'client->as:refresh': { source: 'client', target: 'as', label: 'POST /token (refresh_token)' },
  'tv->as:discovery': { source: 'tv', target: 'as', label: 'GET /.well-known/openid-configuration' },
  'tv->as:device_authorization': { source: 'tv', target: 'as', label: 'POST /device_authorization' },
  'tv->user:show-code': { source: 'tv', target: 'user', label: 'shows code + QR' },
  'user->phone:scan': { source: 'user', target: 'phone', label: 'opens the link' },
  'phone->as:device': { source: 'phone', target: 'as', label: 'GET /device' },
  'tv->as:token': { source: 'tv', target: 'as', label: 'POST /token (poll)' },
  'tv->rs:photos': { source: 'tv', target: 'rs', label: 'GET /photos' },
  'tv->as:jwks': { source: 'tv', target: 'as', label: 'GET /jwks' },
  'attacker->as:discovery': { source: 'attacker', target: 'as', label: 'GET /.well-known/openid-configuration' },
  'attacker->as:token': { source: 'attacker', target: 'as', label: 'POST /token' },
  'attacker->as:jwks': { source: 'attacker', target: 'as', label: 'GET /jwks (public keys)' },
  'attacker->as:revoke': { source: 'attacker', target: 'as', label: 'POST /revoke' },
  'attacker->rs:photos': { source: 'attacker', target: 'rs', label: 'GET /photos (forged token)' },
  'attacker->rs:replay': { source: 'attacker', target: 'rs', label: 'GET /photos (stolen token)' },
  'client->attacker:leak': { source: 'client', target: 'attacker', label: 'token leaks to Mallory' },
  'attacker->user:link': { source: 'attacker', target: 'user', label: 'crafted authorization link' },
  'browser->attacker:code': { source: 'browser', target: 'attacker', label: 'GET /attacker/…?code (redirect)' },
  'user->client:password': { source: 'user', target: 'client', label: 'types the password into the app' },
  'client->attacker:harvest': { source: 'client', target: 'attacker', label: 'POST /harvest (the password)' },
  'browser->attacker:fragment': { source: 'browser', target: 'attacker', label: 'script posts location.hash' },
  'attacker->as:refresh': { source: 'attacker', target: 'as', label: 'POST /token (her copy of the refresh token)' },
  'browser->attacker:page': { source: 'browser', target: 'attacker', label: 'GET /attacker/…/plant (her page)' },
  'attacker->as:frame-check': { source: 'attacker', target: 'as', label: 'GET /authorize (may it be framed?)' },
  'browser->attacker:lure': { source: 'browser', target: 'attacker', label: 'opens her page (AS page framed)' },
  'browser->client:bff': { source: 'browser', target: 'client', label: 'to the app’s backend (HttpOnly cookie)' },
  'browser->attacker:xss': { source: 'browser', target: 'attacker', label: 'XSS payload posts the token' },
  'client->attacker:discovery': { source: 'client', target: 'attacker', label: 'GET Evil AS metadata' },
  'browser->attacker:authorize': { source: 'browser', target: 'attacker', label: 'GET Evil AS /authorize → 303 honest AS' },
  'client->attacker:token': { source: 'client', target: 'attacker', label: 'POST Evil AS /token (code, verifier)' },
  'attacker->client:inject': { source: 'attacker', target: 'client', label: 'her browser at /flows/callback#access_token=(Alice’s)' },
  'attacker->client:login': { source: 'attacker', target: 'client', label: 'POST /lab-client/…/session (the token)' },
  'browser->attacker:redirected': { source: 'browser', target: 'attacker', label: 'redirected by the client (fragment carried over)' },
};

/** Picks the sides of two nodes that face each other, so edges do not cross the boxes. */
export function facingHandles(
  from: { x: number; y: number },
  to: { x: number; y: number },
): { sourceHandle: string; targetHandle: string } {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  if (Math.abs(dx) >= Math.abs(dy))
    return dx >= 0 ? { sourceHandle: 'r-s', targetHandle: 'l-t' } : { sourceHandle: 'l-s', targetHandle: 'r-t' };
  return dy >= 0 ? { sourceHandle: 'b-s', targetHandle: 't-t' } : { sourceHandle: 't-s', targetHandle: 'b-t' };
}
