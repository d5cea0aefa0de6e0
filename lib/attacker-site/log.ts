import type { Store } from '../store/types';

/** One thing the attacker site received (DESIGN.md "Lab realms and the attack lab"). */
export interface AttackerRecord {
  seq: number;
  at: number;
  /** What was captured: a request to one of her routes, or a URL fragment her page read. */
  kind: 'request' | 'fragment';
  method: string;
  path: string;
  /** Query parameters (stolen codes, `state`, tokens in a redirect). */
  query: Record<string, string>;
  /** Form fields (harvested passwords), or the parameters of a captured fragment. */
  fields: Record<string, string>;
  referer?: string;
}

/** Records per realm the log keeps (oldest dropped first). */
export const LOG_SIZE = 200;
const LOG_TTL = 3600;
const SEQ_KEY = 'attacker-log:seq';
const entryKey = (seq: number) => `attacker-log:${seq}`;

/** Appends a record: the sequence number comes from an atomic counter, so concurrent writes never collide. */
export async function appendRecord(store: Store, record: Omit<AttackerRecord, 'seq'>): Promise<AttackerRecord> {
  const seq = await store.increment(SEQ_KEY, LOG_TTL);
  const full = { ...record, seq };
  await store.set(entryKey(seq), full, LOG_TTL);
  return full;
}

/** The records, newest last: one read for the counter, one for the entries (with Redis: one `MGET`). */
export async function readLog(store: Store): Promise<AttackerRecord[]> {
  const last = (await store.get<number>(SEQ_KEY)) ?? 0;
  const keys: string[] = [];
  for (let seq = Math.max(1, last - LOG_SIZE + 1); seq <= last; seq++) keys.push(entryKey(seq));
  const entries = await store.getMany<AttackerRecord>(keys);
  return entries.filter((e): e is AttackerRecord => e !== undefined);
}
