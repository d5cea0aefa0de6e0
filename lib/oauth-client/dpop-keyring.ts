import { generateDPoPKey, type DPoPKey } from './dpop-proof';

/**
 * The client's DPoP keys, by an id the flow keeps in its saved run. A non-extractable CryptoKey
 * cannot be written to sessionStorage with the run, so the key lives in this tab's memory only: it
 * is made when the client first needs it (the token request, after the trip to the AS and back)
 * and is gone after a reload — then {@link dpopKey} says so and the flow must start again.
 */
const keys = new Map<string, Promise<DPoPKey>>();
/** A tab plays a handful of runs; old keys are dropped first. */
const MAX_KEYS = 16;

/** The key of `id`, made now if there is none yet (RFC 9449 §2: one key pair per client instance). */
export function dpopKeyFor(id: string): Promise<DPoPKey> {
  let key = keys.get(id);
  if (!key) {
    key = generateDPoPKey();
    keys.set(id, key);
    key.catch(() => keys.delete(id));
    while (keys.size > MAX_KEYS) keys.delete(keys.keys().next().value!);
  }
  return key;
}

/** The existing key of `id`, or undefined when this tab never made it (or was reloaded since). */
export function dpopKey(id: string): Promise<DPoPKey> | undefined {
  return keys.get(id);
}

export const DPOP_KEY_LOST =
  'The client’s DPoP private key is gone: it lives only in this tab’s memory (it cannot be saved), and the page was reloaded. Press Reset to start again.';
