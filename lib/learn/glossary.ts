/**
 * Every term the app's screens use, in plain words, each with the section that defines it (from the
 * table of lib/learn/spec-sections.ts; glossary.test.ts holds them to it). `id` is the anchor:
 * `/learn/glossary#pkce`. Terms of this app alone say so and cite nothing.
 */
export interface Term {
  id: string;
  term: string;
  definition: string;
  /** "RFC n §x" / "OIDC Core §x" labels; empty only for terms of this app. */
  specs: string[];
}

const t = (id: string, term: string, definition: string, ...specs: string[]): Term => ({ id, term, definition, specs });

export const GLOSSARY: readonly Term[] = [
  t(
    'access-token',
    'Access token',
    'What a client sends to an API to be let in. Meant for the resource server; the client should not rely on what is inside.',
    'RFC 6749 §1.4',
  ),
  t(
    'alg',
    'alg',
    'The JOSE header parameter naming the signing algorithm. Case-sensitive: "nOnE" is not "none". A verifier accepts only the algorithms it expects.',
    'RFC 7515 §4.1.1',
    'RFC 8725 §3.1',
  ),
  t(
    'at-hash',
    'at_hash',
    'Hash of the access token inside an ID token, using the hash of the ID token’s own alg (SHA-256 for ES256/RS256, SHA-384 for ES384…), left half, base64url. Optional in the code flow; the client may check it.',
    'OIDC Core §3.1.3.6',
    'OIDC Core §3.1.3.8',
  ),
  t(
    'aud',
    'aud (audience)',
    'Who a token is for. An access token names the API; an ID token names the client. A recipient refuses a token not meant for it.',
    'RFC 7519 §4.1.3',
    'RFC 8725 §3.9',
  ),
  t('auth-time', 'auth_time', 'When the user actually signed in, in an ID token.', 'OIDC Core §2'),
  t(
    'authorization-code',
    'Authorization code',
    'A short-lived, one-time value the AS sends through the browser; the client redeems it at the token endpoint for tokens.',
    'RFC 6749 §4.1',
    'RFC 6749 §4.1.2',
  ),
  t('authorization-server', 'Authorization server (AS)', 'Signs the user in, asks for consent, and issues tokens.', 'RFC 6749 §1.1'),
  t('azp', 'azp (authorized party)', 'The client an ID token was issued to; when present it must be this client.', 'OIDC Core §2'),
  t(
    'back-channel',
    'Back channel',
    'Direct HTTP between the client and a server (token endpoint, API), never through the browser’s address bar.',
    'RFC 6749 §4.1.3',
  ),
  t(
    'bearer-token',
    'Bearer token',
    'A token that works for whoever holds it, sent as Authorization: Bearer. The form body is allowed too; the query string is not.',
    'RFC 6750 §2.1',
    'RFC 6750 §2.2',
    'RFC 9700 §4.3.2',
  ),
  t(
    'claims',
    'Claims: registered, public, private',
    'The name/value pairs in a JWT. RFC 7519’s registered names are iss, sub, aud, exp, nbf, iat and jti; ' +
      'a new name avoids collisions by being registered with IANA too (as OIDC’s email is) or by being ' +
      'collision-resistant, such as a URI (public names); private names are agreed between two parties and ' +
      'may collide.',
    'RFC 7519 §4.1',
    'RFC 7519 §4.2',
    'RFC 7519 §4.3',
  ),
  t('client', 'Client', 'The app that wants to use the user’s resources; here, the flow player’s machine.', 'RFC 6749 §1.1'),
  t(
    'client-authentication',
    'Client authentication',
    'A confidential client proves it is itself at the token endpoint: client_secret_basic (Authorization header) or client_secret_post (form body).',
    'RFC 6749 §2.3',
    'RFC 6749 §2.3.1',
  ),
  t(
    'client-credentials',
    'Client credentials grant',
    'A service gets a token for itself, with its own id and secret: no user, no refresh token.',
    'RFC 6749 §4.4',
  ),
  t('client-id', 'client_id', 'The public identifier of a registered client.', 'RFC 6749 §2.2'),
  t(
    'client-types',
    'Public and confidential clients',
    'A confidential client can keep a secret (a server); a public client cannot (a browser app, a mobile app, a TV).',
    'RFC 6749 §2.1',
  ),
  t(
    'code-challenge',
    'Code challenge',
    'BASE64URL(SHA-256(verifier)), sent in the authorization request; the AS stores it with the code.',
    'RFC 7636 §4.2',
    'RFC 7636 §4.3',
  ),
  t(
    'code-verifier',
    'Code verifier',
    'The client’s secret for PKCE: 43 to 128 characters from A–Z a–z 0–9 - . _ ~, sent only to the token endpoint.',
    'RFC 7636 §4.1',
    'RFC 7636 §4.5',
  ),
  t('consent', 'Consent', 'The AS asks the user whether this client may have the scopes it asks for.', 'OIDC Core §3.1.2.4'),
  t(
    'csrf',
    'CSRF and state',
    'An attacker makes your browser deliver their authorization response to your client. A random state, checked on return, stops it.',
    'RFC 6749 §10.12',
    'RFC 9700 §4.7',
  ),
  t(
    'device-code',
    'Device authorization grant',
    'A device without a browser shows a user code; the user approves on another device while the device polls the token endpoint (authorization_pending, slow_down).',
    'RFC 8628 §1',
    'RFC 8628 §3.5',
  ),
  t(
    'discovery',
    'Discovery document',
    'The AS’s metadata: every endpoint and what it supports. OpenID Connect appends /.well-known/openid-configuration to the issuer; RFC 8414 inserts /.well-known/oauth-authorization-server between the host and the issuer’s path.',
    'OIDC Discovery §4',
    'RFC 8414 §3.1',
  ),
  t(
    'dpop',
    'DPoP',
    'Demonstrating Proof of Possession: each request carries a proof signed with the client’s key, and the token is bound to that key (cnf.jkt), so a stolen token is useless alone.',
    'RFC 9449 §1',
    'RFC 9449 §6',
  ),
  t(
    'exp',
    'exp, nbf, iat',
    'Expiry, not-before and issued-at times of a JWT, in seconds since 1970.',
    'RFC 7519 §4.1.4',
    'RFC 7519 §4.1.5',
    'RFC 7519 §4.1.6',
  ),
  t(
    'flowlab-checks',
    'Flowlab-Checks',
    'This app’s own response header: the resource server’s report of each check it made on a token. Not a standard.',
  ),
  t(
    'front-channel',
    'Front channel',
    'Messages carried by the browser through redirects, visible in the address bar and history.',
    'RFC 6749 §4.1.1',
  ),
  t(
    'id-token',
    'ID token',
    'A JWT for the client saying who signed in, when, and for which client (iss, sub, aud, exp, iat; nonce when one was sent).',
    'OIDC Core §2',
    'OIDC Core §3.1.3.7',
  ),
  t(
    'implicit',
    'Implicit grant',
    'The old browser flow that returned tokens in the URL. Should not be used; OAuth 2.1 omits it.',
    'RFC 6749 §4.2',
    'RFC 9700 §2.1.2',
  ),
  t(
    'introspection',
    'Introspection',
    'An authorized caller (client authentication or its own bearer token) asks the AS whether a token is live; a dead or unknown one is just {"active": false}.',
    'RFC 7662 §2.1',
    'RFC 7662 §2.2',
  ),
  t(
    'iss',
    'iss (issuer)',
    'Who issued a token: the AS’s issuer URL, compared character for character.',
    'RFC 7519 §4.1.1',
    'RFC 8725 §3.8',
  ),
  t(
    'iss-parameter',
    'iss response parameter',
    'The AS names itself on the redirect back, so a client using several ASes can tell which one answered (mix-up defence).',
    'RFC 9207 §2',
    'RFC 9700 §4.4',
  ),
  t('jti', 'jti', 'A unique id of a token, e.g. to recognise it when it is revoked or replayed.', 'RFC 7519 §4.1.7'),
  t('jwe', 'JWE', 'An encrypted token: five parts, only the header readable without the key.', 'RFC 7516 §1'),
  t('jwk', 'JWK and JWKS', 'A key as JSON, and a set of them: the AS publishes its public keys at jwks_uri.', 'RFC 7517 §5'),
  t('jws', 'JWS', 'A signed token: header.payload.signature, readable by anyone, tamper-evident.', 'RFC 7515 §7.1'),
  t('jwt', 'JWT', 'JSON Web Token: claims as JSON in a JWS or JWE.', 'RFC 7519 §1'),
  t('kid', 'kid', 'Which of the issuer’s keys signed the token; the verifier looks it up in the issuer’s own key set.', 'RFC 7515 §4.1.4'),
  t(
    'nonce',
    'nonce',
    'A random value the client sends in the authentication request and the AS copies into the ID token, so a replayed ID token is refused. A refreshed ID token should have none; if it has one, it must be the original.',
    'OIDC Core §3.1.2.1',
    'OIDC Core §12.2',
  ),
  t(
    'offline-access',
    'offline_access',
    'The scope that asks for a refresh token usable while the user is away; the AS must ask for consent. Issuing refresh tokens only then is this AS’s policy.',
    'OIDC Core §11',
  ),
  t('opaque-token', 'Opaque token', 'A random string with no readable content; only the AS knows what it stands for.', 'RFC 7662 §1'),
  t(
    'pkce',
    'PKCE',
    'Proof Key for Code Exchange: the client proves at the token endpoint that it is the one that asked for the code. ' +
      'Required of public clients and recommended for confidential ones (RFC 9700 §2.1.1; the OAuth 2.1 draft requires it of every client); ' +
      'a server must not accept a verifier when no challenge was sent (downgrade).',
    'RFC 7636 §1',
    'RFC 9700 §2.1.1',
    'RFC 9700 §4.8.2',
  ),
  t(
    'prompt',
    'prompt',
    'Which pages the AS must show: none, login, consent or select_account; this AS supports none, login and consent.',
    'OIDC Core §3.1.2.1',
  ),
  t('realm', 'Realm', 'This app’s name for one AS with its RS, keys, clients and users: demo (hardened) or a lab realm with weaknesses.'),
  t(
    'redirect-uri',
    'Redirect URI',
    'Where the AS sends the browser back; compared exactly with the registered one.',
    'RFC 6749 §3.1.2',
    'RFC 9700 §4.1.3',
  ),
  t(
    'refresh-token',
    'Refresh token',
    'Gets new access tokens from the AS without the user; never sent to the API.',
    'RFC 6749 §1.5',
    'RFC 6749 §6',
  ),
  t('resource-owner', 'Resource owner', 'The user whose data it is.', 'RFC 6749 §1.1'),
  t('resource-server', 'Resource server (RS)', 'The API: it accepts or refuses access tokens.', 'RFC 6749 §1.1'),
  t(
    'revocation',
    'Revocation',
    'The client tells the AS a token is no longer needed; the answer is 200 even for an unknown token.',
    'RFC 7009 §2.1',
    'RFC 7009 §2.2',
  ),
  t(
    'ropc',
    'Password grant (ROPC)',
    'The app collects the user’s password and sends it to the AS. Must not be used; OAuth 2.1 omits it.',
    'RFC 6749 §4.3',
    'RFC 9700 §2.4',
  ),
  t(
    'rotation',
    'Refresh token rotation',
    'Every use of a refresh token returns a new one; a spent one coming back revokes the whole family.',
    'RFC 9700 §4.14.2',
  ),
  t(
    'scope',
    'Scope',
    'What the client asks to do, e.g. photos:read; an endpoint refuses a token without the scope it needs (403 insufficient_scope).',
    'RFC 6749 §3.3',
    'RFC 6750 §3.1',
  ),
  t(
    'sub',
    'sub (subject)',
    'Who the token is about: a user id, or the client id in a client-credentials token.',
    'RFC 7519 §4.1.2',
    'RFC 9068 §2.2',
  ),
  t(
    'typ',
    'typ',
    'The token’s media type in its header: at+jwt for access tokens, so no other JWT is taken for one.',
    'RFC 7515 §4.1.9',
    'RFC 9068 §2.1',
    'RFC 8725 §3.11',
  ),
  t(
    'user-code',
    'User code and verification URI',
    'The short code a device shows and the page where the user types it. The page shows the code being approved, so the user can notice a code they did not start (remote phishing).',
    'RFC 8628 §3.3',
    'RFC 8628 §5.4',
    'RFC 8628 §6.1',
  ),
  t('userinfo', 'UserInfo endpoint', 'Returns claims about the user for an access token with the openid scope.', 'OIDC Core §5.3'),
  t(
    'www-authenticate',
    'WWW-Authenticate',
    'The RS’s answer to a missing or bad token: the scheme it wants and an error (invalid_request, invalid_token, insufficient_scope).',
    'RFC 6750 §3',
    'RFC 6750 §3.1',
  ),
];
