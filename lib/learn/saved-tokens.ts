/**
 * The flow player keeps each run in sessionStorage (components/flow-player/persistence.ts), tokens
 * included. /learn reads an ID token from there to send it where it does not belong; the same fact
 * is section 9's lesson: any script on this origin can read it too.
 */
const RUN_PREFIX = 'flowlab:flow:';
const MAX_SCAN = 512 * 1024;

/** The `id_token` of the newest saved run that has one, found anywhere in its JSON. */
export function findSavedIdToken(storage: Pick<Storage, 'length' | 'key' | 'getItem'>): string | undefined {
  for (const slug of ['authorization-code', 'refresh-token', 'device-code']) {
    const raw = storage.getItem(`${RUN_PREFIX}${slug}`);
    if (!raw || raw.length > MAX_SCAN) continue;
    const found = /"id_token":"([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)"/.exec(raw);
    if (found) return found[1];
  }
  return undefined;
}

const JWT_LIKE = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

export interface ReadableEntry {
  where: 'sessionStorage' | 'localStorage';
  key: string;
  tokens: number;
}

/** What a script on this page can read: every storage entry, with how many JWTs it holds. */
export function readableByScript(stores: { sessionStorage: Storage; localStorage: Storage }): ReadableEntry[] {
  const out: ReadableEntry[] = [];
  for (const where of ['sessionStorage', 'localStorage'] as const) {
    const s = stores[where];
    for (let i = 0; i < s.length; i++) {
      const key = s.key(i);
      if (key === null) continue;
      const value = s.getItem(key) ?? '';
      out.push({ where, key, tokens: value.length > MAX_SCAN ? 0 : (value.match(JWT_LIKE) ?? []).length });
    }
  }
  return out;
}
