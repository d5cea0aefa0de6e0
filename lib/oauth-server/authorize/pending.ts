import type { Realm } from '../../realms/types';
import { readCookie, BROWSER_COOKIE, randomId } from '../session';
import type { ValidatedRequest } from './types';
import { errorPage } from '../pages/layout';

/**
 * A validated request waiting for login/consent, stored under a random id (TTL 10 min). Only
 * the id travels in the hidden form field; it is unguessable and bound to the browser cookie,
 * so a forged POST from another site (or another browser) cannot continue it (CSRF).
 */
export type PendingRecord =
  | { kind: 'authorize'; browserId: string; request: ValidatedRequest }
  | { kind: 'device'; browserId: string; deviceCode: string; clientId: string; scope: string[] };

export const PENDING_TTL = 600;
const key = (id: string) => `pending:${id}`;

export async function savePending(realm: Realm, record: PendingRecord): Promise<string> {
  const id = randomId();
  await realm.store.set(key(id), record, PENDING_TTL);
  return id;
}

/** The pending record for `id` if this browser started it. */
export async function loadPending(request: Request, realm: Realm, id: string | undefined): Promise<PendingRecord | undefined> {
  if (!id || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) return undefined;
  const record = await realm.store.get<PendingRecord>(key(id));
  if (!record || record.browserId !== readCookie(request, BROWSER_COOKIE)) return undefined;
  return record;
}

/** Takes the pending request for good; of two concurrent decisions only one gets `true`. */
export async function takePending(realm: Realm, id: string): Promise<boolean> {
  return (await realm.store.consume(key(id))) !== undefined;
}

/**
 * The page for a sign-in or consent form the AS could not read (e.g. a field pasted full of text): the pending
 * request it belonged to is named in that form, so the learner starts the sign-in again.
 */
export const unreadable = (reason: string) =>
  errorPage('This form could not be read', `${reason} Go back to the app and start the sign-in again.`, 400);
