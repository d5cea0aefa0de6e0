import type { Realm } from '../../realms/types';
import { seeOther } from '../pages/html';

/** After sign-in (or with a session): on to the consent page for this pending request. */
export function consentOrLogin(realm: Realm, pendingId: string, headers: Record<string, string | string[]> = {}): Response {
  return seeOther(`/as/${realm.id}/consent?pending=${encodeURIComponent(pendingId)}`, headers);
}
