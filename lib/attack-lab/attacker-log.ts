import type { AttackerRecord } from '../attacker-site/log';

/**
 * The attacker's console reads `GET /attacker/{realm}/log` (DESIGN.md): what Mallory's same-origin
 * site received — stolen codes and tokens, Referer headers, harvested passwords. Browser-safe: the
 * shape is the server's AttackerRecord, re-checked here because the page renders it.
 */
/** What the server records (lib/attacker-site/log.ts), as the console receives it: a type only, nothing server-side is bundled. */
export type ConsoleRecord = AttackerRecord;

const isStringMap = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

function isRecord(v: unknown): v is ConsoleRecord {
  const r = v as ConsoleRecord;
  return (
    typeof r === 'object' &&
    r !== null &&
    Number.isInteger(r.seq) &&
    typeof r.at === 'number' &&
    (r.kind === 'request' || r.kind === 'fragment') &&
    typeof r.method === 'string' &&
    typeof r.path === 'string' &&
    isStringMap(r.query) &&
    isStringMap(r.fields) &&
    (r.referer === undefined || typeof r.referer === 'string')
  );
}

/** The records of a log answer, newest last; anything malformed is dropped rather than shown. */
export function parseLog(body: unknown): ConsoleRecord[] {
  const records = (body as { records?: unknown })?.records;
  return Array.isArray(records) ? records.filter(isRecord) : [];
}

export function attackerUrl(realm: { id: string }, path: string): string {
  return `/attacker/${encodeURIComponent(realm.id)}/${path.replace(/^\/+/, '')}`;
}

/** Reads the log once (recorded nowhere: the console is the page's own panel, not an exchange of the attack). */
export async function readAttackerLog(realm: { id: string }, fetchImpl: typeof fetch = fetch): Promise<ConsoleRecord[]> {
  const response = await fetchImpl(attackerUrl(realm, 'log'), { headers: { accept: 'application/json' }, cache: 'no-store' });
  if (response.status !== 200) return [];
  return parseLog(await response.json().catch(() => undefined));
}

/** What a record gave Mallory, for the console's one-line summary: the secrets first. */
export function loot(record: ConsoleRecord): Array<{ name: string; value: string }> {
  const all = { ...record.query, ...record.fields };
  const wanted = ['code', 'access_token', 'id_token', 'refresh_token', 'password', 'username', 'state', 'iss'];
  const first = wanted.filter((k) => k in all).map((k) => ({ name: k, value: all[k] }));
  const rest = Object.keys(all)
    .filter((k) => !wanted.includes(k))
    .map((k) => ({ name: k, value: all[k] }));
  return [...first, ...rest];
}
