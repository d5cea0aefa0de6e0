import type { Realm } from '../../realms/types';
import { secretsMatch } from '../client-auth';
import { refuseCrossSitePost } from '../cross-site';
import { requireMethod } from '../http';
import { errorPage } from '../pages/layout';
import { loginPage } from '../pages/login';
import { readPageForm, readQuery } from '../read-form';
import { storeKeys } from '../records';
import { clientAddress, createSession, destroySession } from '../session';
import { consentOrLogin } from './continue';
import { recordLoginFor } from './fresh-login';
import { loadPending, unreadable, type PendingRecord } from './pending';

/** Sign-in attempts per username and client address within FAILURE_WINDOW seconds. */
const MAX_ATTEMPTS = 5;
const FAILURE_WINDOW = 300;

const expired = () =>
  errorPage(
    'This sign-in has expired',
    'Start again from the app: the request is unknown, expired, or was started in another browser.',
    400,
  );

function clientName(realm: Realm, pending: PendingRecord): string {
  const id = pending.kind === 'authorize' ? pending.request.clientId : pending.clientId;
  return realm.clients.get(id)?.name ?? id;
}

/** GET shows the login form for a pending request; POST checks the password (303 on success). */
export async function loginEndpoint(request: Request, realm: Realm): Promise<Response> {
  requireMethod(request, ['GET', 'POST']);
  const refused = refuseCrossSitePost(request, realm);
  if (refused) return refused;
  if (request.method !== 'POST') {
    const id = readQuery(new URL(request.url)).get('pending');
    const pending = await loadPending(request, realm, id);
    return pending ? loginPage(realm, id!, clientName(realm, pending)) : expired();
  }
  const form = await readPageForm(request, unreadable);
  if (form instanceof Response) return form;
  const id = form.get('pending');
  const pending = await loadPending(request, realm, id);
  if (!pending) return expired();
  const username = (form.get('username') ?? '').slice(0, 64);
  const password = form.get('password') ?? '';
  // Count first, then check: the atomic increment hands N parallel attempts the counts 1..N, so
  // at most MAX_ATTEMPTS of them ever reach the password check (a read-then-count lets all through).
  const bucket = storeKeys.rateLimit('login', `${username}|${clientAddress(request)}`);
  if ((await realm.store.increment(bucket, FAILURE_WINDOW)) > MAX_ATTEMPTS) {
    return loginPage(
      realm,
      id!,
      clientName(realm, pending),
      'Too many failed sign-ins for this username. Wait a few minutes and try again.',
      429,
    );
  }
  const user = realm.users.get(username);
  // Constant time (crypto.timingSafeEqual over equal-length SHA-256 digests, see client-auth.ts),
  // and run for an unknown username too: timing reveals neither the password nor the account.
  const passwordMatches = secretsMatch(password, user?.password ?? '');
  if (!user || !passwordMatches) {
    return loginPage(realm, id!, clientName(realm, pending), 'Wrong username or password.', 400);
  }
  // Only someone who knows the password can clear the count, so a success may.
  await realm.store.delete(bucket);
  // A new login replaces the session this browser had: its record goes, not just the cookie.
  await destroySession(request, realm);
  const { cookie, sid } = await createSession(realm, user.username);
  await recordLoginFor(realm, id!, sid);
  return consentOrLogin(realm, id!, { 'Set-Cookie': cookie });
}
