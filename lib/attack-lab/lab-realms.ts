import { realmAt, type RealmDescriptor } from '../realms/descriptor';

/**
 * The lab realms an attack page plays against, made through `POST /api/realms` and reused for the
 * tab's session (sessionStorage): one realm per set of weaknesses, so every attack's Hardened side
 * shares one hardened realm. A remembered realm is checked with `GET /api/realms/{id}` (which also
 * keeps it alive) and made again when it has expired.
 */
export interface LabRealmSpec {
  weaknesses: readonly string[];
  settings?: {
    accessTokenFormat?: 'jwt' | 'opaque';
    /** Seconds an access token lives (lib/realms/lab-registry.ts RealmSettings). */
    accessTokenLifetime?: number;
    /** Seconds of clock skew the RS tolerates on exp/nbf. */
    clockTolerance?: number;
    /** Other APIs the AS issues tokens for (RFC 8707 resource indicators). */
    resources?: readonly string[];
  };
}

export type Obtained = { ok: true; realm: RealmDescriptor } | { ok: false; message: string };

export interface LabRealmDeps {
  origin: string;
  fetch: typeof fetch;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

/** The storage key of a spec: its sorted weaknesses and settings, so the same realm serves every page that needs it. */
export function specKey(spec: LabRealmSpec): string {
  const { accessTokenFormat = 'jwt', accessTokenLifetime, clockTolerance, resources } = spec.settings ?? {};
  // The other settings join the key only when set, so the key of every spec that has none stays what it was.
  const more = [
    accessTokenLifetime === undefined ? '' : `|lifetime=${accessTokenLifetime}`,
    clockTolerance === undefined ? '' : `|tolerance=${clockTolerance}`,
    resources?.length ? `|resources=${[...resources].sort().join(' ')}` : '',
  ].join('');
  return `flowlab:lab-realm:${[...spec.weaknesses].sort().join(',') || 'hardened'}|${accessTokenFormat}${more}`;
}

function descriptorOf(origin: string, doc: unknown): RealmDescriptor | undefined {
  const d = doc as { id?: unknown; weaknesses?: unknown };
  if (
    typeof d?.id !== 'string' ||
    !/^[\w-]{16,64}$/.test(d.id) ||
    !Array.isArray(d.weaknesses) ||
    !d.weaknesses.every((w) => typeof w === 'string')
  )
    return undefined;
  // The URLs are rebuilt from the page's own origin and the id: nothing read back is followed as it is.
  return realmAt(origin, d.id, d.weaknesses as string[]);
}

async function refusal(response: Response): Promise<string> {
  let description = '';
  try {
    const body = (await response.json()) as { error_description?: unknown };
    if (typeof body.error_description === 'string') description = body.error_description;
  } catch {
    // not JSON: the status says enough
  }
  if (response.status === 429) {
    const wait = Number(response.headers.get('retry-after'));
    return `The lab cannot make another realm right now${description ? ` (${description})` : ''}. Try again${Number.isFinite(wait) && wait > 0 ? ` in ${wait} s` : ' in a minute'}.`;
  }
  return `POST /api/realms answered HTTP ${response.status}${description ? `: ${description}` : ''}.`;
}

export async function obtainLabRealm(spec: LabRealmSpec, deps: LabRealmDeps): Promise<Obtained> {
  const key = specKey(spec);
  const remembered = deps.storage.getItem(key);
  if (remembered) {
    try {
      const response = await deps.fetch(`/api/realms/${encodeURIComponent(remembered)}`, { headers: { accept: 'application/json' } });
      const realm = response.status === 200 ? descriptorOf(deps.origin, await response.json()) : undefined;
      if (realm) return { ok: true, realm };
    } catch {
      // fall through: make a new one
    }
    deps.storage.removeItem(key);
  }
  let response: Response;
  try {
    const body = spec.settings ? { weaknesses: spec.weaknesses, settings: spec.settings } : { weaknesses: spec.weaknesses };
    response = await deps.fetch('/api/realms', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (e) {
    return { ok: false, message: `The lab realm could not be made: ${e instanceof Error ? e.message : String(e)}.` };
  }
  if (response.status !== 201) return { ok: false, message: await refusal(response) };
  const realm = descriptorOf(deps.origin, await response.json().catch(() => undefined));
  if (!realm) return { ok: false, message: 'POST /api/realms answered with a document the lab does not understand.' };
  deps.storage.setItem(key, realm.id);
  return { ok: true, realm };
}
