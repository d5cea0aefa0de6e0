/**
 * The authorization-code flow leaves the page for the AS and comes back on /flows/callback: the
 * machine's persisted snapshot survives the trip in sessionStorage (per tab, gone when the tab closes).
 */
const key = (slug: string) => `flowlab:flow:${slug}`;
const CALLBACK_KEY = 'flowlab:callback';
const RETURN_KEY = 'flowlab:return-to';
const PRESENTING_KEY = 'flowlab:return-presenting';

export interface Persisted {
  /** The learner's options of the run (a flow's client and scope, an attack's server and variant). */
  options: unknown;
  snapshot: unknown;
}

export function savePersisted(slug: string, value: Persisted): void {
  sessionStorage.setItem(key(slug), JSON.stringify(value));
}

export function loadPersisted(slug: string): Persisted | undefined {
  const raw = sessionStorage.getItem(key(slug));
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as Persisted;
  } catch {
    return undefined;
  }
}

export function clearPersisted(slug: string): void {
  sessionStorage.removeItem(key(slug));
}

export function rememberReturn(slug: string, presenting = false): void {
  sessionStorage.setItem(RETURN_KEY, slug);
  if (presenting) sessionStorage.setItem(PRESENTING_KEY, slug);
  else sessionStorage.removeItem(PRESENTING_KEY);
}

/**
 * Whether this run left for its trip (the AS, Mallory's site) in presenter mode: the way back (/flows/callback, a
 * "Back to the lab" link) carries no `?present=1`, and a trainer must not land in the normal view. Consumed.
 */
export function takeReturnPresenting(slug: string): boolean {
  const was = sessionStorage.getItem(PRESENTING_KEY) === slug;
  if (was) sessionStorage.removeItem(PRESENTING_KEY);
  return was;
}

/**
 * Where the AS's redirect must take the browser back to, from the run key saved before the trip:
 * `authorization-code` → `/flows/authorization-code`, `attacks/missing-state` → `/attacks/missing-state`.
 * Only our own pages qualify: nothing read from storage is ever followed verbatim.
 */
export function returnPath(runKey: string | undefined): string | undefined {
  if (!runKey) return undefined;
  if (/^[a-z0-9-]+$/.test(runKey)) return `/flows/${runKey}`;
  const attack = /^attacks\/([a-z0-9-]+)$/.exec(runKey);
  return attack ? `/attacks/${attack[1]}` : undefined;
}

/**
 * True when the browser left this run for another page (the AS, Mallory's site) and has now come
 * back to it: the saved run resumes instead of a new one. Consumed by {@link clearReturn}.
 */
export function awaitingReturn(runKey: string): boolean {
  return sessionStorage.getItem(RETURN_KEY) === runKey;
}

export function clearReturn(): void {
  sessionStorage.removeItem(RETURN_KEY);
}

/** Called by /flows/callback: keeps the URL for the player and says where to go back to. */
export function stashCallback(url: string): string | undefined {
  sessionStorage.setItem(CALLBACK_KEY, url);
  return sessionStorage.getItem(RETURN_KEY) ?? undefined;
}

/**
 * Reads the stashed redirect without consuming it: React runs effects twice in development
 * (Strict Mode), so the URL is removed only once the machine has it (`dropCallback`).
 */
export function peekCallback(): string | undefined {
  return sessionStorage.getItem(CALLBACK_KEY) ?? undefined;
}

export function dropCallback(): void {
  sessionStorage.removeItem(CALLBACK_KEY);
}

const AUTO_PLAY_KEY = 'flowlab:auto-play';

export type AutoPlaySpeed = 'slow' | 'normal' | 'fast';

/** Auto-play outlives the trip to the AS (the page reloads on the way back): on, and at which speed, per tab. */
export interface AutoPlaySetting {
  on: boolean;
  speed: AutoPlaySpeed;
}

const SPEEDS: readonly AutoPlaySpeed[] = ['slow', 'normal', 'fast'];

export function loadAutoPlay(): AutoPlaySetting {
  try {
    const v = JSON.parse(sessionStorage.getItem(AUTO_PLAY_KEY) ?? 'null') as Partial<AutoPlaySetting> | null;
    return { on: v?.on === true, speed: SPEEDS.find((s) => s === v?.speed) ?? 'normal' };
  } catch {
    return { on: false, speed: 'normal' };
  }
}

export function saveAutoPlay(setting: AutoPlaySetting): void {
  sessionStorage.setItem(AUTO_PLAY_KEY, JSON.stringify(setting));
}
