import { failedStep, oidc, rfc, RS_REPORT_NOTICE, ID_TOKEN_CHECKLIST, RS_CHECKLIST, type StepMeta } from './step-meta';

// The callback checks run in a transient state; they are shown on the step it leads to.
/** Said on both redirect-back steps (with a code, with an error): the client checks state whatever came back. */
const TAMPER_HINT = 'Try "Tamper with state" before you go on: the client must refuse.';
const CALLBACK_CHECKLIST = { title: 'The client\u2019s checks of the redirect (RFC 6749 §10.12, RFC 9207)', from: 'checkCallback' };

/** What the "Bind the token with DPoP (RFC 9449)" option adds to a step, said on the steps it changes. */
export const DPOP_NOTES = {
  tokenRequest:
    'With “Bind the token with DPoP” on (Flow options), the client first makes an ES256 key pair in this ' +
    'browser (WebCrypto; the private key cannot be exported) and sends a `DPoP` header: a proof JWT ' +
    '(`typ: dpop+jwt`) whose header carries the public key (`jwk`) and whose claims are `htm`, the HTTP ' +
    'method (POST); `htu`, the token endpoint’s URL without query or fragment; `iat`, when the proof was ' +
    'made; and `jti`, a unique id, so that a server can refuse a replayed proof (RFC 9449 §4.1, §4.2). ' +
    'The AS checks the proof (§4.3) and answers `token_type: DPoP`: the access token is bound to the key, ' +
    'its `cnf.jkt` being the key’s SHA-256 JWK thumbprint (RFC 9449 §5, §6.1; RFC 7638 §3). A refresh ' +
    'token issued to the public `spa` client is bound to the same key.',
  callApi:
    'With DPoP on, the token is sent as `Authorization: DPoP …`, not Bearer (RFC 9449 §7.1), with a new ' +
    'proof for this one request: `htm` GET, `htu` the API’s URL, a fresh `jti` and `iat`, and `ath`, the ' +
    'base64url SHA-256 hash of the access token (§4.2). The resource server verifies the proof’s ' +
    'signature with its `jwk`, checks `htm`, `htu`, `iat`, that it has not seen the `jti` before and that ' +
    '`ath` matches the token, then that the key’s thumbprint equals the token’s `cnf.jkt` (§4.3, §7.1): ' +
    'the DPoP line of the checklist.',
  userinfo:
    'With DPoP on, UserInfo is a protected resource like the API: the same `Authorization: DPoP` scheme, with a proof of its own whose `htu` is the UserInfo URL (RFC 9449 §7).',
} as const;

/** The authorization-code (PKCE + OIDC) steps, in order. Read by the machine's state `meta`. */
export const AUTH_CODE_STEPS = {
  discover: {
    title: 'Discover the authorization server',
    explanation:
      'The client knows one URL: the issuer. It reads the discovery document there to learn every endpoint (authorize, token, JWKS, userinfo) instead of hard-coding them.',
    specs: [
      { label: 'OIDC Discovery §4', href: 'https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig' },
      rfc(8414, '3.1'),
    ],
    notice: [
      'Two addresses serve this document. OpenID Connect appends to the issuer: ' +
        '`{issuer}/.well-known/openid-configuration` (used here). RFC 8414 inserts between the host and the ' +
        'issuer\u2019s path: `{origin}/.well-known/oauth-authorization-server/as/{realm}`.',
      'The `issuer` in the document must equal the URL we started from, character for character.',
      '`authorization_response_iss_parameter_supported: true` promises an `iss` on the redirect back (RFC 9207).',
    ],
    edges: ['client->as:discovery'],
    knows: { client: ['issuer', 'endpoints'] },
  },
  makeVerifier: {
    title: 'Make a PKCE code verifier and its S256 challenge',
    explanation:
      'The client makes a random secret, the code verifier, and keeps it. It sends only its SHA-256 hash, the challenge. Later, only the holder of the verifier can redeem the code.',
    specs: [rfc(7636, '4.1'), rfc(7636, '4.2'), rfc(9700, '2.1.1')],
    notice: [
      'The verifier is 43 to 128 characters from A\u2013Z a\u2013z 0\u20139 and - . _ ~ (RFC 7636 §4.1); here 32 random bytes, base64url: 43 characters.',
      'challenge = BASE64URL(SHA256(ASCII(verifier))): the hash cannot be reversed.',
      'The client also makes a random `state` (CSRF) and `nonce` (ID token replay).',
    ],
    edges: [],
    knows: { client: ['code_verifier', 'state', 'nonce'] },
  },
  buildUrl: {
    title: 'Build the authorization URL',
    explanation: 'The client puts its request into the URL of the authorization endpoint. Each parameter has a job, listed below.',
    specs: [rfc(6749, '4.1.1'), rfc(7636, '4.3'), oidc('3.1.2.1', 'AuthRequest')],
    notice: ['Nothing secret is in the URL: the verifier stays in the client, only its hash travels.'],
    edges: [],
    fields: {
      response_type: {
        why: 'Asks for an authorization code, the only response type OAuth 2.1 keeps (no tokens in the URL).',
        spec: 'RFC 6749 §4.1.1',
      },
      client_id: { why: 'Which registered app is asking; the AS shows its name on the consent page.', spec: 'RFC 6749 §2.2' },
      redirect_uri: {
        why: 'Where the AS sends the browser back. It must match a registered URI exactly, or the AS shows an error instead of redirecting.',
        spec: 'RFC 9700 §4.1.3',
      },
      scope: {
        why: 'What the app asks to do. `openid` makes this an OpenID Connect request and earns an ID token.',
        spec: 'RFC 6749 §3.3',
      },
      state: {
        why: 'A random value the client remembers and expects back unchanged: it ties the response to this browser and stops CSRF.',
        spec: 'RFC 6749 §10.12',
      },
      nonce: { why: 'A random value the AS copies into the ID token, so a replayed ID token is refused.', spec: 'OIDC Core §3.1.2.1' },
      code_challenge: {
        why: 'The hash of the secret verifier. Only the client knows the verifier, so a stolen code is useless to anyone else.',
        spec: 'RFC 7636 §4.3',
      },
      code_challenge_method: {
        why: 'The challenge is SHA-256 of the verifier; `plain` would give the secret away.',
        spec: 'RFC 7636 §4.2',
      },
      prompt: {
        why: 'Which pages the AS must show: OIDC defines none, login, consent and select_account; this AS supports none, login and consent. `consent` makes it ask even if the user agreed before; OIDC Core §11 asks for it with offline_access.',
        spec: 'OIDC Core §3.1.2.1, §11',
      },
    },
  },
  redirectToAs: {
    title: 'The browser goes to the authorization server',
    explanation:
      'The client sends the browser to the authorization endpoint. You now sign in on the real AS pages and decide whether to allow the app. ' +
      'The client never sees your password: the sign-in page is the AS\u2019s, not the client\u2019s. In a real deployment the AS is ' +
      'another site; here it is served by this app under /as/, and the client\u2019s code does not run on its pages.',
    specs: [rfc(6749, '4.1.1'), rfc(9700, '2.1')],
    notice: [
      'This leg is a navigation: the client sets the browser\u2019s location to the URL; no HTTP redirect from the AS is involved yet.',
      'The AS checks client_id and redirect_uri before showing anything; a wrong one gets an error page, never a redirect.',
      'The AS stores the code_challenge with the code it will issue. It also refuses a code_verifier at the token endpoint when no challenge was sent, so PKCE cannot be downgraded away (RFC 9700 §4.8.2).',
    ],
    edges: ['client->browser:redirect', 'browser->as:authorize', 'user->as:login'],
    knows: { as: ['code_challenge', 'state', 'nonce'] },
    pause: 'navigate',
  },
  callbackReceived: {
    title: 'The redirect comes back to the client',
    explanation:
      'After you decided, the AS answered your consent POST with 303 See Other to the registered redirect_uri, carrying either a code or an error, plus the state and iss parameters.',
    specs: [rfc(6749, '4.1.2'), rfc(9207, '2'), rfc(9700, '4.12')],
    notice: [
      '303, not 307: after a POST, a 307 would make the browser re-POST the form, your password included on a login page, to the client (RFC 9700 §4.12).',
      'The code is in the URL, so it is in browser history: it is single-use and lives for 60 s.',
      TAMPER_HINT,
    ],
    edges: ['as->browser:callback', 'browser->client:callback'],
    knows: { client: ['code'] },
  },
  errorReceived: {
    title: 'The redirect comes back to the client with an error',
    explanation:
      'After you decided, the AS answered your consent POST with 303 See Other to the registered redirect_uri, carrying an error instead of a code, plus the state and iss parameters.',
    specs: [rfc(6749, '4.1.2.1'), rfc(9207, '2'), rfc(9700, '4.12')],
    notice: [
      'No code was issued, so there is nothing to redeem: the URL carries error (and maybe error_description) where a code would be.',
      'An error response carries state too: the client checks it before believing the error, or anyone could make it show one.',
      TAMPER_HINT,
    ],
    edges: ['as->browser:callbackError', 'browser->client:callback'],
  },
  callbackAccepted: {
    title: 'The client checks state and iss',
    explanation: 'The client compares state with the value it stored and iss with the issuer it used. Both match, so the code is accepted.',
    specs: [rfc(6749, '10.12'), rfc(9207, '2.4')],
    notice: [
      'Checking iss defends against mix-up attacks when a client uses several authorization servers.',
      'In a lab realm whose client skips the state check, the checklist below says so: the code is accepted whatever state came back (login CSRF, RFC 9700 §4.7).',
    ],
    edges: [],
    checklist: CALLBACK_CHECKLIST,
  },
  accessDenied: {
    title: 'You denied: access_denied came back',
    explanation:
      'The user refused consent, so the AS redirected with error=access_denied instead of a code. The client checked state first (so the error is genuine) and stops here: there is nothing to redeem.',
    specs: [rfc(6749, '4.1.2.1')],
    notice: ['An error response carries state too; a client must check it before believing the error.'],
    edges: [],
    pause: 'end',
    checklist: CALLBACK_CHECKLIST,
  },
  callbackRefused: {
    title: 'The client refuses the response',
    explanation:
      'The state (or iss) in the response is not what this client sent. It may be an attacker\u2019s response injected into your browser (CSRF), so the client throws it away and never redeems the code.',
    specs: [rfc(6749, '10.12'), rfc(9700, '4.7'), rfc(9207, '2.4')],
    notice: ['The token endpoint was never called: the code stays unused and expires.'],
    edges: [],
    pause: 'end',
    checklist: CALLBACK_CHECKLIST,
  },
  tokenRequest: {
    title: 'Redeem the code at the token endpoint',
    explanation:
      'The client POSTs the code, the same redirect_uri and the code verifier. The AS hashes the verifier and compares it with the stored challenge. A confidential client also authenticates.',
    specs: [rfc(6749, '4.1.3'), rfc(7636, '4.5'), rfc(7636, '4.6'), rfc(6749, '5.1')],
    notice: ['This is a back-channel request: the browser\u2019s address bar never shows it.', 'The response has Cache-Control: no-store.'],
    edges: ['client->as:token'],
    knows: { client: ['access token', 'ID token', 'refresh token?'] },
  },
  validateIdToken: {
    title: 'Validate the ID token',
    explanation:
      'The client fetches the JWKS and checks the ID token: signature, issuer, audience, expiry and nonce; and at_hash, when the ID token carries one, which binds it to the access token.',
    specs: [
      oidc('3.1.3.7', 'IDTokenValidation'),
      oidc('3.1.3.6', 'CodeIDToken'),
      oidc('3.1.3.8', 'CodeFlowTokenValidation'),
      rfc(7517, '5'),
    ],
    notice: [
      'at_hash is optional in the code flow (OIDC Core §3.1.3.6); the client may check it (§3.1.3.8). Its hash follows the ID token\u2019s alg: SHA-256 for ES256, SHA-384 for ES384, and so on.',
      'The client does not validate the access token: it is meant for the RS, and may even be opaque.',
    ],
    edges: ['client->as:jwks'],
    knows: { client: ['who the user is (sub)'] },
    checklist: ID_TOKEN_CHECKLIST,
  },
  callApi: {
    title: 'Call the API with the access token',
    explanation:
      'The client calls GET /photos on the resource server with the access token in the Authorization header. The resource server validates the JWT itself, as RFC 9068 §4 requires, before answering.',
    specs: [rfc(6750, '2.1'), rfc(9068, '4'), rfc(9449, '7.1')],
    notice: [RS_REPORT_NOTICE, DPOP_NOTES.callApi],
    edges: ['client->rs:photos'],
    checklist: RS_CHECKLIST,
  },
  userinfo: {
    title: 'Ask the UserInfo endpoint about the user',
    explanation: 'With the same access token, the client reads the user\u2019s claims (name, email) from the UserInfo endpoint.',
    specs: [oidc('5.3', 'UserInfo')],
    notice: ['`sub` here must equal the ID token\u2019s `sub` (OIDC Core §5.3.2).', DPOP_NOTES.userinfo],
    edges: ['client->as:userinfo'],
  },
  done: {
    title: 'Done',
    explanation: 'The client is signed in as the user and can call the API until the access token expires.',
    specs: [rfc(9700, '2')],
    notice: ['Go back over any step with Back or ←: nothing is sent again.'],
    edges: [],
    pause: 'end',
  },
  failed: failedStep(),
} satisfies Record<string, StepMeta>;

export type AuthCodeStep = keyof typeof AUTH_CODE_STEPS;

/** The code flow's own token step: the prologue's (shared with the refresh-token flow, which has no DPoP option) plus the DPoP option. */
export const AUTH_CODE_TOKEN_STEP: StepMeta = {
  ...AUTH_CODE_STEPS.tokenRequest,
  specs: [...AUTH_CODE_STEPS.tokenRequest.specs, rfc(9449, '5')],
  notice: [...AUTH_CODE_STEPS.tokenRequest.notice, DPOP_NOTES.tokenRequest],
};
