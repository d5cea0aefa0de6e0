import { composePoints, selectWeaknesses } from '../../realms/catalogue';
import { resolveRealm } from '../../realms/registry';
import type { Realm } from '../../realms/types';
import { MemoryStore } from '../../store/memory-store';

export const TEST_ORIGIN = 'http://localhost:3000';

/** A clock the test moves by hand. */
export function fakeClock(start = 1_800_000_000) {
  let now = start;
  return { nowSeconds: () => now, advance: (seconds: number) => void (now += seconds) };
}

/** The demo realm with its own store and a hand-driven clock, so unit tests stay deterministic. */
export async function testRealm(clock = fakeClock()): Promise<Realm & { clock: ReturnType<typeof fakeClock> }> {
  const realm = await resolveRealm('demo', TEST_ORIGIN);
  if (!realm) throw new Error('demo realm missing');
  return { ...realm, store: new MemoryStore({ clock }), clock };
}

export function basic(clientId: string, secret: string): string {
  const encode = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString('base64')}`;
}

/** A form POST to `url` with optional extra headers. */
export function formPost(url: string, params: Record<string, string> | string, headers: Record<string, string> = {}): Request {
  const body = typeof params === 'string' ? params : new URLSearchParams(params).toString();
  return new Request(url, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers } });
}

/** The realm with lab weaknesses applied at their policy points (as the registry composes them). */
export function withWeaknesses<R extends Realm>(realm: R, ...names: string[]): R {
  const selection = selectWeaknesses(names);
  if (!selection.ok) throw new Error(selection.description);
  return { ...realm, points: composePoints(selection.weaknesses), weaknesses: names };
}
