import type { RealmDescriptor } from '@/lib/realms/descriptor';

/** What `?realm=<id>` on a flow page resolved to. */
export type LabRealmChoice =
  | { kind: 'demo' }
  | { kind: 'loading'; id: string }
  | { kind: 'lab'; realm: RealmDescriptor }
  | { kind: 'error'; id: string; message: string };

/** Lab realm ids are base64url (DESIGN.md); anything else is refused before a request is made. */
const REALM_ID = /^[A-Za-z0-9_-]{16,64}$/;

/** The `realm` query parameter of a flow page URL, checked; undefined for none. */
export function realmParam(search: string): { id: string; valid: boolean } | undefined {
  const id = new URLSearchParams(search).get('realm');
  if (id === null || id === '' || id === 'demo') return undefined;
  return { id: id.slice(0, 80), valid: REALM_ID.test(id) };
}

/**
 * Reads a lab realm's document from this app's own `/api/realms/{id}` (same origin; nothing else is
 * fetched) and returns the descriptor the flow machines take, or why it could not.
 */
export async function loadLabRealm(id: string, fetcher: typeof fetch = fetch): Promise<LabRealmChoice> {
  try {
    const res = await fetcher(`/api/realms/${encodeURIComponent(id)}`, { cache: 'no-store' });
    if (res.status === 404)
      return {
        kind: 'error',
        id,
        message: 'There is no live lab realm with this id: it may have expired after an hour without requests, or been ended.',
      };
    if (!res.ok) return { kind: 'error', id, message: `The server answered ${res.status} for this lab realm.` };
    const doc = (await res.json()) as Partial<RealmDescriptor>;
    if (
      typeof doc.id !== 'string' ||
      typeof doc.issuer !== 'string' ||
      typeof doc.resource !== 'string' ||
      !Array.isArray(doc.weaknesses)
    ) {
      return { kind: 'error', id, message: 'The server’s answer for this lab realm is not a realm document.' };
    }
    return {
      kind: 'lab',
      realm: {
        id: doc.id,
        issuer: doc.issuer,
        resource: doc.resource,
        weaknesses: doc.weaknesses.filter((w): w is string => typeof w === 'string'),
      },
    };
  } catch {
    return { kind: 'error', id, message: 'The lab realm could not be loaded (network error).' };
  }
}

/** The realm a flow page plays against, from its query string (`?realm=<id>`; none = demo). */
export async function chooseRealm(search: string, fetcher: typeof fetch = fetch): Promise<LabRealmChoice> {
  const param = realmParam(search);
  if (!param) return { kind: 'demo' };
  if (!param.valid) return { kind: 'error', id: param.id, message: 'This is not a lab realm id (they are 16–64 base64url characters).' };
  return loadLabRealm(param.id, fetcher);
}
