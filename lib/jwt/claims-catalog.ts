/** Plain-words explanations of registered claims and header parameters, each with its spec link. */
export interface CatalogEntry {
  name: string;
  description: string;
  spec: string;
  href: string;
}

const R7519 = 'https://www.rfc-editor.org/rfc/rfc7519';
const OIDC = 'https://openid.net/specs/openid-connect-core-1_0.html';
const R9068 = 'https://www.rfc-editor.org/rfc/rfc9068';
const R7515 = 'https://www.rfc-editor.org/rfc/rfc7515';
const R7516 = 'https://www.rfc-editor.org/rfc/rfc7516';

function e(name: string, description: string, spec: string, href: string): [string, CatalogEntry] {
  return [name, { name, description, spec, href }];
}

/** RFC 7519 §4.1, OIDC Core §2 and §5.1, RFC 9068 §2.2. */
export const CLAIMS: ReadonlyMap<string, CatalogEntry> = new Map([
  e(
    'iss',
    'Issuer: who created and signed this token. Compare it exactly with the issuer you trust.',
    'RFC 7519 §4.1.1',
    `${R7519}#section-4.1.1`,
  ),
  e('sub', 'Subject: whom the token is about, unique within the issuer (a user or a client).', 'RFC 7519 §4.1.2', `${R7519}#section-4.1.2`),
  e(
    'aud',
    'Audience: who the token is meant for. A recipient that is not listed must reject it.',
    'RFC 7519 §4.1.3',
    `${R7519}#section-4.1.3`,
  ),
  e('exp', 'Expiration time: the token must not be accepted on or after this moment.', 'RFC 7519 §4.1.4', `${R7519}#section-4.1.4`),
  e('nbf', 'Not before: the token must not be accepted before this moment.', 'RFC 7519 §4.1.5', `${R7519}#section-4.1.5`),
  e('iat', 'Issued at: when the token was created.', 'RFC 7519 §4.1.6', `${R7519}#section-4.1.6`),
  e('jti', 'JWT ID: a unique id for this token, useful to detect replays.', 'RFC 7519 §4.1.7', `${R7519}#section-4.1.7`),
  e('auth_time', 'When the user actually authenticated (not when the token was made).', 'OIDC Core §2', `${OIDC}#IDToken`),
  e('nonce', 'A value from the client’s authentication request, echoed back to stop ID token replay.', 'OIDC Core §2', `${OIDC}#IDToken`),
  e('acr', 'Authentication context class: how strongly the user was authenticated.', 'OIDC Core §2', `${OIDC}#IDToken`),
  e('amr', 'Authentication methods used, e.g. "pwd", "otp", "mfa".', 'OIDC Core §2', `${OIDC}#IDToken`),
  e('azp', 'Authorized party: the client the ID token was issued to.', 'OIDC Core §2', `${OIDC}#IDToken`),
  e('at_hash', 'Access token hash: ties the ID token to the access token issued with it.', 'OIDC Core §3.1.3.6', `${OIDC}#CodeIDToken`),
  e('c_hash', 'Code hash: ties the ID token to the authorization code issued with it.', 'OIDC Core §3.3.2.11', `${OIDC}#HybridIDToken`),
  e(
    'sid',
    'Session ID at the provider, used for logout.',
    'OIDC Front-Channel Logout §3',
    'https://openid.net/specs/openid-connect-frontchannel-1_0.html',
  ),
  e('name', 'Full name of the user.', 'OIDC Core §5.1', `${OIDC}#StandardClaims`),
  e('given_name', 'Given (first) name.', 'OIDC Core §5.1', `${OIDC}#StandardClaims`),
  e('family_name', 'Family (last) name.', 'OIDC Core §5.1', `${OIDC}#StandardClaims`),
  e('middle_name', 'Middle name.', 'OIDC Core §5.1', `${OIDC}#StandardClaims`),
  e('nickname', 'Casual name.', 'OIDC Core §5.1', `${OIDC}#StandardClaims`),
  e(
    'preferred_username',
    'The name the user likes to be called; not unique and not stable — never use it as an id.',
    'OIDC Core §5.1',
    `${OIDC}#StandardClaims`,
  ),
  e('profile', 'URL of the user’s profile page.', 'OIDC Core §5.1', `${OIDC}#StandardClaims`),
  e('picture', 'URL of the user’s picture.', 'OIDC Core §5.1', `${OIDC}#StandardClaims`),
  e('website', 'URL of the user’s web site.', 'OIDC Core §5.1', `${OIDC}#StandardClaims`),
  e('email', 'E-mail address; trust it only when email_verified is true.', 'OIDC Core §5.1', `${OIDC}#StandardClaims`),
  e(
    'email_verified',
    'Whether the provider checked that the user controls the e-mail address.',
    'OIDC Core §5.1',
    `${OIDC}#StandardClaims`,
  ),
  e('gender', 'Gender.', 'OIDC Core §5.1', `${OIDC}#StandardClaims`),
  e('birthdate', 'Birthday, YYYY-MM-DD.', 'OIDC Core §5.1', `${OIDC}#StandardClaims`),
  e('zoneinfo', 'Time zone, e.g. Europe/Paris.', 'OIDC Core §5.1', `${OIDC}#StandardClaims`),
  e('locale', 'Locale, e.g. en-US.', 'OIDC Core §5.1', `${OIDC}#StandardClaims`),
  e('phone_number', 'Phone number.', 'OIDC Core §5.1', `${OIDC}#StandardClaims`),
  e('phone_number_verified', 'Whether the phone number was checked.', 'OIDC Core §5.1', `${OIDC}#StandardClaims`),
  e('address', 'Postal address (a JSON object).', 'OIDC Core §5.1.1', `${OIDC}#AddressClaim`),
  e('updated_at', 'When the user’s information was last updated.', 'OIDC Core §5.1', `${OIDC}#StandardClaims`),
  e('client_id', 'The OAuth client the access token was issued to.', 'RFC 9068 §2.2', `${R9068}#section-2.2`),
  e('scope', 'Space-separated scopes the access token grants.', 'RFC 9068 §2.2.3', `${R9068}#section-2.2.3`),
  e('roles', 'Roles of the subject.', 'RFC 9068 §2.2.3.1', `${R9068}#section-2.2.3.1`),
  e('groups', 'Groups the subject belongs to.', 'RFC 9068 §2.2.3.1', `${R9068}#section-2.2.3.1`),
  e('entitlements', 'Individual entitlements of the subject.', 'RFC 9068 §2.2.3.1', `${R9068}#section-2.2.3.1`),
  e(
    'cnf',
    'Confirmation: the key the token is bound to (proof of possession).',
    'RFC 7800 §3.1',
    'https://www.rfc-editor.org/rfc/rfc7800#section-3.1',
  ),
  e(
    'act',
    'Actor: who is acting on behalf of the subject (token exchange).',
    'RFC 8693 §4.1',
    'https://www.rfc-editor.org/rfc/rfc8693#section-4.1',
  ),
]);

/** JOSE header parameters (RFC 7515 §4.1, RFC 7516 §4.1, RFC 7518 §4.6–4.8, RFC 7797). */
export const HEADER_PARAMS: ReadonlyMap<string, CatalogEntry> = new Map([
  e(
    'alg',
    'Algorithm used to sign (JWS) or to protect the content key (JWE). A verifier must allow-list it, never trust it.',
    'RFC 7515 §4.1.1',
    `${R7515}#section-4.1.1`,
  ),
  e(
    'typ',
    'Media type of the whole token, e.g. "JWT" or "at+jwt" for access tokens (RFC 9068 §2.1).',
    'RFC 7515 §4.1.9',
    `${R7515}#section-4.1.9`,
  ),
  e('cty', 'Content type of the payload; "JWT" means a nested token.', 'RFC 7515 §4.1.10', `${R7515}#section-4.1.10`),
  e('kid', 'Key ID: a hint to pick the key from a JWKS. Treat it as untrusted input.', 'RFC 7515 §4.1.4', `${R7515}#section-4.1.4`),
  e('jwk', 'A public key embedded in the token itself. Verifying with it proves nothing.', 'RFC 7515 §4.1.3', `${R7515}#section-4.1.3`),
  e(
    'jku',
    'A URL where the signer says its keys live. Never fetch it unless it is allow-listed.',
    'RFC 7515 §4.1.2',
    `${R7515}#section-4.1.2`,
  ),
  e(
    'x5c',
    'A certificate chain embedded in the token; untrusted unless validated to a trusted root.',
    'RFC 7515 §4.1.6',
    `${R7515}#section-4.1.6`,
  ),
  e('x5u', 'A URL for a certificate chain; never fetch it unless allow-listed.', 'RFC 7515 §4.1.5', `${R7515}#section-4.1.5`),
  e('x5t', 'SHA-1 thumbprint of the signing certificate.', 'RFC 7515 §4.1.7', `${R7515}#section-4.1.7`),
  e('x5t#S256', 'SHA-256 thumbprint of the signing certificate.', 'RFC 7515 §4.1.8', `${R7515}#section-4.1.8`),
  e('crit', 'Extensions the verifier must understand, or else reject the token.', 'RFC 7515 §4.1.11', `${R7515}#section-4.1.11`),
  e(
    'b64',
    'false means the payload is not base64url-encoded (unencoded payload option).',
    'RFC 7797 §3',
    'https://www.rfc-editor.org/rfc/rfc7797#section-3',
  ),
  e('enc', 'Content encryption algorithm of a JWE.', 'RFC 7516 §4.1.2', `${R7516}#section-4.1.2`),
  e(
    'zip',
    'Compression applied before encryption; can leak data through length (compression oracles).',
    'RFC 7516 §4.1.3',
    `${R7516}#section-4.1.3`,
  ),
  e('epk', 'Ephemeral public key of the sender (ECDH-ES).', 'RFC 7518 §4.6.1.1', 'https://www.rfc-editor.org/rfc/rfc7518#section-4.6.1.1'),
  e('apu', 'Agreement PartyUInfo (ECDH-ES).', 'RFC 7518 §4.6.1.2', 'https://www.rfc-editor.org/rfc/rfc7518#section-4.6.1.2'),
  e('apv', 'Agreement PartyVInfo (ECDH-ES).', 'RFC 7518 §4.6.1.3', 'https://www.rfc-editor.org/rfc/rfc7518#section-4.6.1.3'),
  e('iv', 'Initialisation vector for AES-GCM key wrapping.', 'RFC 7518 §4.7.1.1', 'https://www.rfc-editor.org/rfc/rfc7518#section-4.7.1.1'),
  e('tag', 'Authentication tag for AES-GCM key wrapping.', 'RFC 7518 §4.7.1.2', 'https://www.rfc-editor.org/rfc/rfc7518#section-4.7.1.2'),
  e('p2s', 'PBES2 salt input.', 'RFC 7518 §4.8.1.1', 'https://www.rfc-editor.org/rfc/rfc7518#section-4.8.1.1'),
  e(
    'p2c',
    'PBES2 iteration count; huge values are a denial-of-service risk.',
    'RFC 7518 §4.8.1.2',
    'https://www.rfc-editor.org/rfc/rfc7518#section-4.8.1.2',
  ),
]);
