import type { Store } from '../store/types';

/**
 * What Mallory's clickjacking page saw of its own frame (RFC 9700 §4.16). Her page is on the same
 * origin as the framed AS page, so it can tell for itself whether the browser rendered it (the frame's
 * document is readable) or refused it (a blocked frame shows an opaque error document), and whether
 * the consent page with its Allow button was in it. This is her page's own probe, not something Alice
 * leaked, so it is kept apart from the loot log: a hardened run leaves the Attacker's console empty.
 */
export interface FrameCheck {
  /** The last load of the frame: the AS page rendered inside it (true) or was refused (false). */
  framed: boolean;
  /** Whether the consent page (its Allow button) was ever rendered in the frame. */
  consentShown: boolean;
  /** Loads of the frame her page reported. */
  loads: number;
  at: number;
}

const KEY = 'attacker-frame-check';
const TTL = 3600;
const MAX_LOADS = 1000;

/** Records one load of the frame; `consentShown` stays true once seen. */
export async function recordFrameLoad(store: Store, load: { framed: boolean; consent: boolean }, at: number): Promise<FrameCheck> {
  const before = await store.get<FrameCheck>(KEY);
  const check: FrameCheck = {
    framed: load.framed,
    consentShown: (before?.consentShown ?? false) || (load.framed && load.consent),
    loads: Math.min((before?.loads ?? 0) + 1, MAX_LOADS),
    at,
  };
  await store.set(KEY, check, TTL);
  return check;
}

export async function readFrameCheck(store: Store): Promise<FrameCheck | undefined> {
  return store.get<FrameCheck>(KEY);
}
