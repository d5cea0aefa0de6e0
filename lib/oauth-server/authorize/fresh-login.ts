import type { Realm } from '../../realms/types';
import type { SessionRecord } from '../records';
import { readCookie, SESSION_COOKIE } from '../session';
import { PENDING_TTL, type PendingRecord } from './pending';
import type { ValidatedRequest } from './types';

/**
 * OIDC Core §3.1.2.1: with `prompt=login` the server prompts the End-User for reauthentication;
 * with `max_age`, "if the elapsed time is greater than this value, the OP MUST attempt to actively
 * re-authenticate the End-User", and `max_age=0` is equivalent to `prompt=login`. A session passes
 * such a request only if it is recent enough, or if the user signed in on the login form for this
 * very request. Checked wherever the login could be skipped: at the authorization endpoint and at
 * consent (GET and POST), so posting a decision for the pending id does not skip the login.
 */
const key = (pendingId: string) => `pending-login:${pendingId}`;

/** True when an existing session may serve `request` without a new login. */
export function sessionFreshEnough(request: ValidatedRequest, session: SessionRecord, now: number): boolean {
  if (request.prompt?.split(' ').includes('login') || request.maxAge === 0) return false;
  return request.maxAge === undefined || now - session.authTime <= request.maxAge;
}

/** Notes that session `sid` was created by the login form for pending request `pendingId`. */
export async function recordLoginFor(realm: Realm, pendingId: string, sid: string): Promise<void> {
  await realm.store.set(key(pendingId), sid, PENDING_TTL);
}

/** Whether the user must sign in (again) before consent can be given for `pending`. */
export async function needsLogin(
  request: Request,
  realm: Realm,
  pendingId: string,
  pending: PendingRecord,
  session: SessionRecord | undefined,
): Promise<boolean> {
  if (!session) return true;
  if (pending.kind !== 'authorize' || sessionFreshEnough(pending.request, session, realm.clock.nowSeconds())) return false;
  const sid = readCookie(request, SESSION_COOKIE);
  return sid === undefined || (await realm.store.get<string>(key(pendingId))) !== sid;
}
