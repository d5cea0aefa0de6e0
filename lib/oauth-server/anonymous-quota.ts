import type { Realm } from '../realms/types';
import { OAuthError } from './errors';
import { storeKeys } from './records';
import { clientAddress } from './session';

/**
 * Entries anyone may create without credentials — a pending authorization request (`GET /authorize`),
 * a device authorization (`POST /device_authorization` as the public `tv` client) — are limited per
 * client address (the socket's, not a header the client writes), so one client cannot fill the
 * store's bound for everybody. Counted first, then checked: parallel requests cannot slip through.
 */
export const ANONYMOUS_PER_MINUTE = Number(process.env.FLOWLAB_ANONYMOUS_PER_MINUTE) || 120;

export async function chargeAnonymous(request: Request, realm: Realm, bucket: 'pending' | 'device'): Promise<void> {
  const count = await realm.store.increment(storeKeys.rateLimit(`anon-${bucket}`, clientAddress(request)), 60);
  if (count > ANONYMOUS_PER_MINUTE) {
    throw new OAuthError(
      'temporarily_unavailable',
      `Too many new ${bucket === 'device' ? 'device authorizations' : 'authorization requests'} from this address; wait a minute.`,
      429,
      { 'Retry-After': '60' },
    );
  }
}
