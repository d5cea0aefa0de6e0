import { z } from 'zod';
import { WEAKNESSES } from '../realms/catalogue';

/**
 * The `flowlab-mock --config FILE` format (README "Standalone mock server"), validated with zod so
 * that every error names the path and the problem: `realms.shop.clients[0].redirectUris[0]: …`.
 * Unknown keys are errors too (a typo must not silently fall back to a default).
 */

/** Realm ids become a path segment and the store prefix `{id}|` (lib/realms/scoped-store.ts): no `|`, no `/`. */
const REALM_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** RFC 6749 §2.2: client_id is VSCHAR (printable ASCII); kept to URL- and log-friendly characters here. */
const CLIENT_ID = /^[A-Za-z0-9._~:@-]{1,128}$/;
/** RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]{1,128}$/;
const USERNAME = /^[A-Za-z0-9._@+-]{1,128}$/;

export const GRANTS = [
  'authorization_code',
  'refresh_token',
  'client_credentials',
  'urn:ietf:params:oauth:grant-type:device_code',
  'implicit',
  'password',
] as const;
export const AUTH_METHODS = ['none', 'client_secret_basic', 'client_secret_post'] as const;
/** Claims the AS itself asserts (RFC 7519 §4.1, OIDC Core §2 and §5.1): a user's own claims may not replace them. */
export const RESERVED_CLAIMS = [
  'sub',
  'iss',
  'aud',
  'exp',
  'iat',
  'nbf',
  'jti',
  'auth_time',
  'nonce',
  'azp',
  'at_hash',
  'c_hash',
  'acr',
  'amr',
  'client_id',
  'scope',
  'cnf',
  'name',
  'email',
  'email_verified',
];
const WEAKNESS_NAMES = WEAKNESSES.map((w) => w.name);

/** `http(s)://…` with no fragment (RFC 6749 §3.1.2); `{origin}` stands for the server's own origin. */
const redirectUri = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value.replaceAll('{origin}', 'http://origin.invalid'));
      return (url.protocol === 'http:' || url.protocol === 'https:') && !value.includes('#');
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL without a fragment (RFC 6749 §3.1.2); "{origin}" stands for the server\'s origin');

const seconds = (max: number) => z.int().min(1).max(max);

const client = z
  .strictObject({
    id: z
      .string()
      .regex(CLIENT_ID, 'must be 1–128 of A–Z a–z 0–9 . _ ~ : @ -')
      .refine(
        (id) => id !== 'rs',
        '"rs" is reserved: it is the resource server\'s own client (secret "rs-secret"), used for introspection',
      ),
    name: z.string().min(1).max(120).optional(),
    secret: z.string().min(1).max(512).optional(),
    redirectUris: z.array(redirectUri).max(32).default([]),
    grants: z.array(z.enum(GRANTS)).min(1).max(GRANTS.length),
    authMethods: z.array(z.enum(AUTH_METHODS)).min(1).max(AUTH_METHODS.length).optional(),
    /** The scopes this client may ask for; default: every scope of the realm. */
    scopes: z.array(z.string().regex(SCOPE_TOKEN, 'must be a scope token (RFC 6749 §3.3)')).max(64).optional(),
  })
  .superRefine((c, ctx) => {
    const methods = c.authMethods ?? (c.secret === undefined ? ['none'] : ['client_secret_basic', 'client_secret_post']);
    if (methods.includes('none') && methods.length > 1)
      ctx.addIssue({
        code: 'custom',
        path: ['authMethods'],
        message: '"none" (a public client) cannot be combined with a secret-based method',
      });
    if (!methods.includes('none') && c.secret === undefined)
      ctx.addIssue({ code: 'custom', path: ['secret'], message: `is required for ${methods.join(', ')} (RFC 6749 §2.3.1)` });
    if (methods.includes('none') && c.secret !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['secret'],
        message: 'a public client (authMethods ["none"]) has no secret; remove it or choose client_secret_basic / client_secret_post',
      });
    if (methods.includes('none') && (c.grants.includes('client_credentials') || c.grants.includes('password'))) {
      ctx.addIssue({
        code: 'custom',
        path: ['grants'],
        message: 'client_credentials and password need a confidential client (RFC 6749 §4.3.2, §4.4)',
      });
    }
    if ((c.grants.includes('authorization_code') || c.grants.includes('implicit')) && c.redirectUris.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['redirectUris'],
        message: 'authorization_code and implicit need at least one redirect URI (RFC 6749 §3.1.2)',
      });
    }
    if (new Set(c.grants).size !== c.grants.length) ctx.addIssue({ code: 'custom', path: ['grants'], message: 'lists a grant twice' });
  });

const user = z.strictObject({
  username: z.string().regex(USERNAME, 'must be 1–128 of A–Z a–z 0–9 . _ @ + -'),
  password: z.string().min(1).max(256),
  name: z.string().min(1).max(200).optional(),
  email: z.email().max(254).optional(),
  emailVerified: z.boolean().optional(),
  /** Extra claims UserInfo returns (OIDC Core §5.3); JSON values, at most 8 KB. */
  claims: z
    .record(z.string().min(1).max(128), z.json())
    .optional()
    .refine((claims) => claims === undefined || JSON.stringify(claims).length <= 8192, 'must be at most 8 KB of JSON')
    .superRefine((claims, ctx) => {
      for (const name of Object.keys(claims ?? {})) {
        if (RESERVED_CLAIMS.includes(name))
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: `"${name}" is set by the server (or by the user's name/email fields), not by claims`,
          });
      }
    }),
});

const lifetimes = z.strictObject({
  accessToken: seconds(86_400).optional(),
  idToken: seconds(86_400).optional(),
  refreshToken: seconds(30 * 86_400).optional(),
  authorizationCode: seconds(600).optional(),
  deviceCode: seconds(3_600).optional(),
  session: seconds(7 * 86_400).optional(),
});

const realm = z
  .strictObject({
    clients: z.array(client).min(1).max(100),
    users: z.array(user).max(1000).default([]),
    /** Scope → what the consent page says it grants. Default: the demo scopes. */
    scopes: z
      .record(z.string().regex(SCOPE_TOKEN, 'must be a scope token (RFC 6749 §3.3)'), z.string().min(1).max(200))
      .optional()
      .refine((s) => s === undefined || Object.keys(s).length <= 64, 'at most 64 scopes'),
    lifetimes: lifetimes.optional(),
    accessTokenFormat: z.enum(['jwt', 'opaque']).default('jwt'),
    weaknesses: z
      .array(
        z.string().refine((n) => WEAKNESS_NAMES.includes(n), {
          error: (issue) => `unknown weakness "${String(issue.input).slice(0, 60)}"; known: ${WEAKNESS_NAMES.join(', ')}`,
        }),
      )
      .max(WEAKNESS_NAMES.length)
      .default([]),
  })
  .superRefine((r, ctx) => {
    const ids = new Set<string>();
    r.clients.forEach((c, i) => {
      if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: ['clients', i, 'id'], message: `client "${c.id}" is defined twice` });
      ids.add(c.id);
    });
    const names = new Set<string>();
    r.users.forEach((u, i) => {
      if (names.has(u.username))
        ctx.addIssue({ code: 'custom', path: ['users', i, 'username'], message: `user "${u.username}" is defined twice` });
      names.add(u.username);
    });
    if (r.scopes) {
      const known = Object.keys(r.scopes);
      r.clients.forEach((c, i) =>
        c.scopes?.forEach((s, j) => {
          if (!known.includes(s))
            ctx.addIssue({
              code: 'custom',
              path: ['clients', i, 'scopes', j],
              message: `"${s}" is not one of the realm's scopes (${known.join(' ')})`,
            });
        }),
      );
    }
  });

export const mockConfigSchema = z.strictObject({
  realms: z
    .record(z.string().regex(REALM_ID, 'a realm id is 1–64 of A–Z a–z 0–9 . _ - (starting with a letter or digit)'), realm)
    .refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 100, 'must define 1 to 100 realms'),
});

export type MockConfig = z.infer<typeof mockConfigSchema>;
export type MockConfigInput = z.input<typeof mockConfigSchema>;
export type MockRealmConfig = MockConfig['realms'][string];

export type ConfigResult = { ok: true; config: MockConfig } | { ok: false; errors: string[] };

/** `realms.shop.clients[0].id` */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(top level)';
}

/** A record key's own problem (zod nests it under `invalid_key`), quoted with the key. */
function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_key') return `the key is invalid: ${issue.issues.map((i) => i.message).join('; ')}`;
  return issue.message;
}

/** Validates a parsed config; every problem comes back as "path: what is wrong". */
export function parseMockConfig(value: unknown): ConfigResult {
  const result = mockConfigSchema.safeParse(value);
  if (result.success) return { ok: true, config: result.data };
  return { ok: false, errors: result.error.issues.slice(0, 50).map((issue) => `${formatPath(issue.path)}: ${messageOf(issue)}`) };
}

/** Largest config file read: a realm file is a few KB; this bounds a mistaken path to a huge file. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** Parses config file text (JSON): a syntax error or an oversized file is reported like a schema error. */
export function parseMockConfigText(text: string, where = 'config'): ConfigResult {
  if (text.length > MAX_CONFIG_BYTES) return { ok: false, errors: [`${where}: is larger than ${MAX_CONFIG_BYTES} bytes`] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [`${where}: is not valid JSON (${err instanceof Error ? err.message : String(err)})`] };
  }
  return parseMockConfig(value);
}
