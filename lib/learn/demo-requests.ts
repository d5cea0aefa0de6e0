import { discoveryRequest, processDiscoveryResponse, type ServerMetadata } from '@/lib/oauth-client/discovery';
import { apiUrl, demoRealm, type RealmDescriptor } from '@/lib/realms/descriptor';

/**
 * The requests /learn's buttons send to the embedded servers, from the browser, as any client
 * would: endpoints come from discovery (DESIGN.md: never hard-coded), the demo clients' secrets
 * are the documented demo ones. Each call returns what went over the wire, for the page to show.
 */
export interface ShownExchange {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: string;
  status: number;
  /** The response headers worth reading here (WWW-Authenticate, Flowlab-Checks, …). */
  responseHeaders: Record<string, string>;
  body: string;
}

export type DemoResult<T> = { ok: true; value: T; exchanges: ShownExchange[] } | { ok: false; message: string; exchanges: ShownExchange[] };

const SHOWN_RESPONSE_HEADERS = ['www-authenticate', 'flowlab-checks', 'content-type', 'cache-control'];
const BODY_CAP = 4000;

/** The demo's confidential backend client (DESIGN.md client table). */
export const SERVICE_CLIENT = { id: 'service', secret: 'service-secret' };

export const basic = (id: string, secret: string) => `Basic ${btoa(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`)}`;

export async function send(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
  fetcher: typeof fetch = fetch,
): Promise<ShownExchange> {
  const method = init.method ?? 'GET';
  const res = await fetcher(url, { method, headers: init.headers, body: init.body, cache: 'no-store', credentials: 'omit' });
  const text = await res.text();
  const responseHeaders: Record<string, string> = {};
  for (const name of SHOWN_RESPONSE_HEADERS) {
    const v = res.headers.get(name);
    if (v !== null) responseHeaders[name] = v;
  }
  return {
    method,
    url,
    requestHeaders: init.headers ?? {},
    requestBody: init.body,
    status: res.status,
    responseHeaders,
    body: text.length > BODY_CAP ? `${text.slice(0, BODY_CAP)}…` : text,
  };
}

export async function discover(realm: RealmDescriptor, fetcher: typeof fetch = fetch): Promise<DemoResult<ServerMetadata>> {
  const req = discoveryRequest(realm.issuer);
  const ex = await send(req.url, { headers: { accept: 'application/json' } }, fetcher);
  const r = processDiscoveryResponse(realm.issuer, ex.status, ex.body);
  return r.ok ? { ok: true, value: r.value, exchanges: [ex] } : { ok: false, message: r.error.message, exchanges: [ex] };
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = 'application/x-www-form-urlencoded';

/** RFC 6749 §4.4.2: the service asks for a token for itself. */
export async function clientCredentialsToken(
  realm: RealmDescriptor,
  scope = 'photos:read',
  fetcher: typeof fetch = fetch,
): Promise<DemoResult<{ accessToken: string; metadata: ServerMetadata }>> {
  const d = await discover(realm, fetcher);
  if (!d.ok) return d;
  const ex = await send(
    d.value.token_endpoint,
    {
      method: 'POST',
      headers: { authorization: basic(SERVICE_CLIENT.id, SERVICE_CLIENT.secret), 'content-type': FORM },
      body: form({ grant_type: 'client_credentials', scope }),
    },
    fetcher,
  );
  const exchanges = [...d.exchanges, ex];
  let json: { access_token?: unknown } = {};
  try {
    json = JSON.parse(ex.body) as typeof json;
  } catch {
    // Shown as the error below.
  }
  if (ex.status !== 200 || typeof json.access_token !== 'string')
    return { ok: false, message: `The token endpoint answered HTTP ${ex.status} without an access token.`, exchanges };
  return { ok: true, value: { accessToken: json.access_token, metadata: d.value }, exchanges };
}

/** RFC 6750 §2.1: GET the RS's photos with a token (or with none). */
export function callPhotos(realm: RealmDescriptor, token: string | undefined, fetcher: typeof fetch = fetch): Promise<ShownExchange> {
  return send(apiUrl(realm, 'photos'), { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } }, fetcher);
}

/** RFC 7009 §2.1, as the service client (it may revoke only its own tokens). */
export function revoke(metadata: ServerMetadata, token: string, fetcher: typeof fetch = fetch): Promise<ShownExchange> {
  if (!metadata.revocation_endpoint) throw new Error('The discovery document names no revocation_endpoint.');
  return send(
    metadata.revocation_endpoint,
    {
      method: 'POST',
      headers: { authorization: basic(SERVICE_CLIENT.id, SERVICE_CLIENT.secret), 'content-type': FORM },
      body: form({ token }),
    },
    fetcher,
  );
}

/** RFC 7662 §2.1: the caller authenticates (here as the service client, asking about its own token). */
export function introspect(metadata: ServerMetadata, token: string, fetcher: typeof fetch = fetch): Promise<ShownExchange> {
  if (!metadata.introspection_endpoint) throw new Error('The discovery document names no introspection_endpoint.');
  return send(
    metadata.introspection_endpoint,
    {
      method: 'POST',
      headers: { authorization: basic(SERVICE_CLIENT.id, SERVICE_CLIENT.secret), 'content-type': FORM },
      body: form({ token }),
    },
    fetcher,
  );
}

/** A hardened lab realm whose access tokens are opaque (DESIGN.md `POST /api/realms`). */
export async function createOpaqueRealm(origin: string, fetcher: typeof fetch = fetch): Promise<DemoResult<RealmDescriptor>> {
  const ex = await send(
    `${origin}/api/realms`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ weaknesses: [], settings: { accessTokenFormat: 'opaque' } }),
    },
    fetcher,
  );
  let json: Partial<RealmDescriptor> = {};
  try {
    json = JSON.parse(ex.body) as typeof json;
  } catch {
    // Shown as the error below.
  }
  if (ex.status !== 201 || typeof json.id !== 'string' || typeof json.issuer !== 'string' || typeof json.resource !== 'string') {
    return { ok: false, message: `Creating the lab realm answered HTTP ${ex.status}.`, exchanges: [ex] };
  }
  return { ok: true, value: { id: json.id, issuer: json.issuer, resource: json.resource, weaknesses: [] }, exchanges: [ex] };
}

export const demoAt = (origin: string) => demoRealm(origin);
