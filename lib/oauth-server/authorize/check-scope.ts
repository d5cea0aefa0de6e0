import type { Realm } from '../../realms/types';
import { RedirectableError, type CheckContext } from './types';

/** RFC 6749 §3.3: space-delimited, known to the realm and allowed for the client. */
export function parseScope(raw: string | undefined, realm: Realm, allowed: readonly string[]): string[] | string {
  const scope = [...new Set((raw ?? '').split(' ').filter(Boolean))];
  if (scope.length === 0) return 'The request asks for no scope.';
  for (const s of scope) {
    if (!Object.hasOwn(realm.scopes, s)) return 'The request asks for a scope this server does not know.';
    if (!allowed.includes(s)) return 'The request asks for a scope this client may not have.';
  }
  return scope;
}

export function checkScope(ctx: CheckContext, realm: Realm): void {
  const result = parseScope(ctx.params.get('scope'), realm, ctx.client!.scopes);
  if (typeof result === 'string') throw new RedirectableError('invalid_scope', result);
  ctx.request.scope = result;
}
