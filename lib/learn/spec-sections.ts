import type { SpecRef } from '@/machines/step-meta';

/**
 * Every specification section the app cites, with its title: the one table the step texts, /learn
 * and the glossary are checked against (spec-sections.test.ts), so no citation is free text.
 * Titles are the sections' own headings. OIDC documents are linked by their anchors.
 */
interface Section {
  title: string;
  /** OpenID documents: the fragment of the section; RFCs use `#section-N`. */
  anchor?: string;
}

const OIDC_CORE = 'https://openid.net/specs/openid-connect-core-1_0.html';
const OIDC_DISCOVERY = 'https://openid.net/specs/openid-connect-discovery-1_0.html';

export const SPEC_DOCS = {
  'RFC 6749': { title: 'The OAuth 2.0 Authorization Framework', href: 'https://www.rfc-editor.org/rfc/rfc6749' },
  'RFC 6750': { title: 'OAuth 2.0 Bearer Token Usage', href: 'https://www.rfc-editor.org/rfc/rfc6750' },
  'RFC 6819': { title: 'OAuth 2.0 Threat Model and Security Considerations', href: 'https://www.rfc-editor.org/rfc/rfc6819' },
  'RFC 7009': { title: 'OAuth 2.0 Token Revocation', href: 'https://www.rfc-editor.org/rfc/rfc7009' },
  'RFC 7515': { title: 'JSON Web Signature (JWS)', href: 'https://www.rfc-editor.org/rfc/rfc7515' },
  'RFC 7516': { title: 'JSON Web Encryption (JWE)', href: 'https://www.rfc-editor.org/rfc/rfc7516' },
  'RFC 7517': { title: 'JSON Web Key (JWK)', href: 'https://www.rfc-editor.org/rfc/rfc7517' },
  'RFC 7518': { title: 'JSON Web Algorithms (JWA)', href: 'https://www.rfc-editor.org/rfc/rfc7518' },
  'RFC 7519': { title: 'JSON Web Token (JWT)', href: 'https://www.rfc-editor.org/rfc/rfc7519' },
  'RFC 7636': { title: 'Proof Key for Code Exchange (PKCE)', href: 'https://www.rfc-editor.org/rfc/rfc7636' },
  'RFC 7662': { title: 'OAuth 2.0 Token Introspection', href: 'https://www.rfc-editor.org/rfc/rfc7662' },
  'RFC 8414': { title: 'OAuth 2.0 Authorization Server Metadata', href: 'https://www.rfc-editor.org/rfc/rfc8414' },
  'RFC 8628': { title: 'OAuth 2.0 Device Authorization Grant', href: 'https://www.rfc-editor.org/rfc/rfc8628' },
  'RFC 8725': { title: 'JSON Web Token Best Current Practices', href: 'https://www.rfc-editor.org/rfc/rfc8725' },
  'RFC 9068': { title: 'JWT Profile for OAuth 2.0 Access Tokens', href: 'https://www.rfc-editor.org/rfc/rfc9068' },
  'RFC 9110': { title: 'HTTP Semantics', href: 'https://www.rfc-editor.org/rfc/rfc9110' },
  'RFC 9207': { title: 'OAuth 2.0 Authorization Server Issuer Identification', href: 'https://www.rfc-editor.org/rfc/rfc9207' },
  'RFC 9449': { title: 'OAuth 2.0 Demonstrating Proof of Possession (DPoP)', href: 'https://www.rfc-editor.org/rfc/rfc9449' },
  'RFC 9700': { title: 'Best Current Practice for OAuth 2.0 Security', href: 'https://www.rfc-editor.org/rfc/rfc9700' },
  'RFC 2104': { title: 'HMAC: Keyed-Hashing for Message Authentication', href: 'https://www.rfc-editor.org/rfc/rfc2104' },
  'RFC 3986': { title: 'Uniform Resource Identifier (URI): Generic Syntax', href: 'https://www.rfc-editor.org/rfc/rfc3986' },
  'RFC 7638': { title: 'JSON Web Key (JWK) Thumbprint', href: 'https://www.rfc-editor.org/rfc/rfc7638' },
  'RFC 8707': { title: 'Resource Indicators for OAuth 2.0', href: 'https://www.rfc-editor.org/rfc/rfc8707' },
  'RFC 8705': {
    title: 'OAuth 2.0 Mutual-TLS Client Authentication and Certificate-Bound Access Tokens',
    href: 'https://www.rfc-editor.org/rfc/rfc8705',
  },
  'OIDC Core': { title: 'OpenID Connect Core 1.0', href: OIDC_CORE },
  'OIDC Discovery': { title: 'OpenID Connect Discovery 1.0', href: OIDC_DISCOVERY },
  // Still an Internet-Draft: the unversioned link shows the latest revision (section numbers as in -15 and -16).
  'OAuth 2.1': {
    title: 'The OAuth 2.1 Authorization Framework (draft-ietf-oauth-v2-1)',
    href: 'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1',
  },
} as const;

export type SpecDoc = keyof typeof SPEC_DOCS;

export const SPEC_SECTIONS: { readonly [D in SpecDoc]: Readonly<Record<string, Section>> } = {
  'RFC 6749': {
    '1': { title: 'Introduction' },
    '1.1': { title: 'Roles' },
    '1.3': { title: 'Authorization Grant' },
    '1.4': { title: 'Access Token' },
    '1.5': { title: 'Refresh Token' },
    '2.1': { title: 'Client Types' },
    '2.2': { title: 'Client Identifier' },
    '2.3': { title: 'Client Authentication' },
    '3.1.2': { title: 'Redirection Endpoint' },
    '2.3.1': { title: 'Client Password' },
    '3.3': { title: 'Access Token Scope' },
    '4.1': { title: 'Authorization Code Grant' },
    '4.1.1': { title: 'Authorization Request' },
    '4.1.2': { title: 'Authorization Response' },
    '4.1.2.1': { title: 'Error Response' },
    '4.1.3': { title: 'Access Token Request' },
    '4.2': { title: 'Implicit Grant' },
    '4.3': { title: 'Resource Owner Password Credentials Grant' },
    '4.4': { title: 'Client Credentials Grant' },
    '4.4.2': { title: 'Access Token Request' },
    '4.4.3': { title: 'Access Token Response' },
    '5.1': { title: 'Successful Response' },
    '5.2': { title: 'Error Response' },
    '6': { title: 'Refreshing an Access Token' },
    '10.4': { title: 'Refresh Tokens' },
    '10.12': { title: 'Cross-Site Request Forgery' },
    '4.2.1': { title: 'Authorization Request' },
    '4.2.2': { title: 'Access Token Response' },
    '4.2.2.1': { title: 'Error Response' },
    '4.3.1': { title: 'Authorization Request and Response' },
    '4.3.2': { title: 'Access Token Request' },
    '4.3.3': { title: 'Access Token Response' },
    '10.16': { title: 'Misuse of Access Token to Impersonate Resource Owner in Implicit Flow' },
    '10.6': { title: 'Authorization Code Redirection URI Manipulation' },
    '10.13': { title: 'Clickjacking' },
  },
  'RFC 6750': {
    '2.1': { title: 'Authorization Request Header Field' },
    '2.2': { title: 'Form-Encoded Body Parameter' },
    '2.3': { title: 'URI Query Parameter' },
    '3': { title: 'The WWW-Authenticate Response Header Field' },
    '3.1': { title: 'Error Codes' },
    '5.2': { title: 'Threat Mitigation' },
    '5.3': { title: 'Summary of Recommendations' },
    '1.2': { title: 'Terminology' },
  },
  'RFC 6819': {
    '4.4.3': { title: 'Resource Owner Password Credentials' },
    '4.4.3.1': { title: 'Accidental Exposure of Passwords at Client Site' },
    '4.4.1.9': { title: 'Threat: Clickjacking Attack against Authorization' },
  },
  'RFC 7009': {
    '2': { title: 'Token Revocation' },
    '2.1': { title: 'Revocation Request' },
    '2.2': { title: 'Revocation Response' },
  },
  'RFC 7515': {
    '1': { title: 'Introduction' },
    '4.1.1': { title: '"alg" (Algorithm) Header Parameter' },
    '5.2': { title: 'Message Signature or MAC Validation' },
    '4.1.4': { title: '"kid" (Key ID) Header Parameter' },
    '4.1.9': { title: '"typ" (Type) Header Parameter' },
    '7.1': { title: 'JWS Compact Serialization' },
    '4.1.2': { title: '"jku" (JWK Set URL) Header Parameter' },
    '4.1.3': { title: '"jwk" (JSON Web Key) Header Parameter' },
    '5.1': { title: 'Message Signature or MAC Computation' },
  },
  'RFC 7516': {
    '1': { title: 'Introduction' },
  },
  'RFC 7517': {
    '5': { title: 'JWK Set Format' },
    '4.4': { title: '"alg" (Algorithm) Parameter' },
  },
  'RFC 7518': {
    '3.2': { title: 'HMAC with SHA-2 Functions' },
    '3.6': { title: 'Using the Algorithm "none"' },
    '3.4': { title: 'Digital Signature with ECDSA' },
  },
  'RFC 7519': {
    '1': { title: 'Introduction' },
    '4.1': { title: 'Registered Claim Names' },
    '4.1.1': { title: '"iss" (Issuer) Claim' },
    '4.1.2': { title: '"sub" (Subject) Claim' },
    '4.1.3': { title: '"aud" (Audience) Claim' },
    '4.1.4': { title: '"exp" (Expiration Time) Claim' },
    '4.1.5': { title: '"nbf" (Not Before) Claim' },
    '4.1.6': { title: '"iat" (Issued At) Claim' },
    '4.1.7': { title: '"jti" (JWT ID) Claim' },
    '4.2': { title: 'Public Claim Names' },
    '4.3': { title: 'Private Claim Names' },
    '7.2': { title: 'Validating a JWT' },
    '12': { title: 'Privacy Considerations' },
  },
  'RFC 7636': {
    '1': { title: 'Introduction' },
    '4.1': { title: 'Client Creates a Code Verifier' },
    '4.2': { title: 'Client Creates the Code Challenge' },
    '4.3': { title: 'Client Sends the Code Challenge with the Authorization Request' },
    '4.5': { title: 'Client Sends the Authorization Code and the Code Verifier to the Token Endpoint' },
    '4.6': { title: 'Server Verifies code_verifier before Returning the Tokens' },
  },
  'RFC 7662': {
    '1': { title: 'Introduction' },
    '2.1': { title: 'Introspection Request' },
    '2.2': { title: 'Introspection Response' },
    '2': { title: 'Introspection Endpoint' },
  },
  'RFC 8414': {
    '3': { title: 'Obtaining Authorization Server Metadata' },
    '3.1': { title: 'Authorization Server Metadata Request' },
    '2': { title: 'Authorization Server Metadata' },
  },
  'RFC 8628': {
    '1': { title: 'Introduction' },
    '3.1': { title: 'Device Authorization Request' },
    '3.2': { title: 'Device Authorization Response' },
    '3.3': { title: 'User Interaction' },
    '3.3.1': { title: 'Non-Textual Verification URI Optimization' },
    '3.4': { title: 'Device Access Token Request' },
    '3.5': { title: 'Device Access Token Response' },
    '4': { title: 'Discovery Metadata' },
    '5.4': { title: 'Remote Phishing' },
    '6.1': { title: 'User Code Recommendations' },
  },
  'RFC 8725': {
    '2': { title: 'Threats and Vulnerabilities' },
    '3.1': { title: 'Perform Algorithm Verification' },
    '3.5': { title: 'Ensure Cryptographic Keys Have Sufficient Entropy' },
    '3.8': { title: 'Validate Issuer and Subject' },
    '3.9': { title: 'Use and Validate Audience' },
    '3.10': { title: 'Do Not Trust Received Claims' },
    '3.11': { title: 'Use Explicit Typing' },
    '2.1': { title: 'Weak Signatures and Insufficient Signature Validation' },
    '2.2': { title: 'Weak Symmetric Keys' },
  },
  'RFC 9068': {
    '2.1': { title: 'Header' },
    '2.2': { title: 'Data Structure' },
    '4': { title: 'Validating JWT Access Tokens' },
    '6': { title: 'Privacy Considerations' },
  },
  'RFC 9110': {
    '10.1.3': { title: 'Referer' },
    '10.2.2': { title: 'Location' },
    '17.11': { title: 'Disclosure of Fragment after Redirects' },
  },
  'RFC 9207': {
    '2': { title: 'Response Parameter iss' },
    '2.4': { title: 'Validating the Issuer Identifier' },
    '3': { title: 'Authorization Server Metadata' },
  },
  'RFC 9449': {
    '1': { title: 'Introduction' },
    '6': { title: 'Public Key Confirmation of DPoP Access Tokens' },
    '7.1': { title: 'The DPoP Authentication Scheme' },
    '7': { title: 'Protected Resource Access' },
    '4.1': { title: 'The DPoP HTTP Header' },
    '4.2': { title: 'DPoP Proof JWT Syntax' },
    '4.3': { title: 'Checking DPoP Proofs' },
    '5': { title: 'DPoP Access Token Request' },
    '6.1': { title: 'JWK Thumbprint Confirmation Method' },
    '7.2': { title: 'Compatibility with the Bearer Authentication Scheme' },
    '11.1': { title: 'DPoP Proof Replay' },
  },
  'RFC 9700': {
    '2': { title: 'Best Practices' },
    '2.1': { title: 'Protecting Redirect-Based Flows' },
    '2.1.1': { title: 'Authorization Code Grant' },
    '2.1.2': { title: 'Implicit Grant' },
    '2.2.2': { title: 'Refresh Tokens' },
    '2.4': { title: 'Resource Owner Password Credentials Grant' },
    '4.1.3': { title: 'Recommendations' },
    '4.3.2': { title: 'Access Token in Browser History' },
    '4.4': { title: 'Mix-Up Attacks' },
    '4.4.1': { title: 'Attack Description' },
    '4.4.2': { title: 'Countermeasures' },
    '4.4.2.1': { title: 'Mix-Up Defense via Issuer Identification' },
    '4.4.2.2': { title: 'Mix-Up Defense via Distinct Redirect URIs' },
    '4.7': { title: 'Cross-Site Request Forgery' },
    '4.8.2': { title: 'Countermeasures' },
    '4.12': { title: '307 Redirect' },
    '4.14': { title: 'Refresh Token Protection' },
    '4.14.2': { title: 'Recommendations' },
    '4.1': { title: 'Insufficient Redirect URI Validation' },
    '4.2': { title: 'Credential Leakage via Referer Headers' },
    '4.3': { title: 'Credential Leakage via Browser History' },
    '4.5': { title: 'Authorization Code Injection' },
    '4.6': { title: 'Access Token Injection' },
    '4.8': { title: 'PKCE Downgrade Attack' },
    '4.10': { title: 'Misuse of Stolen Access Tokens' },
    '4.11': { title: 'Open Redirection' },
    '4.16': { title: 'Clickjacking' },
    '4.1.1': { title: 'Redirect URI Validation Attacks on Authorization Code Grant' },
    '4.1.2': { title: 'Redirect URI Validation Attacks on Implicit Grant' },
    '4.11.1': { title: 'Client as Open Redirector' },
  },
  'RFC 2104': {
    '2': { title: 'Definition of HMAC' },
  },
  'RFC 3986': {
    '5.2.4': { title: 'Remove Dot Segments' },
  },
  'RFC 7638': {
    '3': { title: 'JSON Web Key (JWK) Thumbprint' },
  },
  'RFC 8705': {
    '3': { title: 'Mutual-TLS Client Certificate-Bound Access Tokens' },
  },
  'RFC 8707': {
    '1': { title: 'Introduction' },
    '2': { title: 'Resource Parameter' },
    '2.2': { title: 'Access Token Request' },
  },
  'OIDC Core': {
    '1': { title: 'Introduction', anchor: 'Introduction' },
    '2': { title: 'ID Token', anchor: 'IDToken' },
    '3.1.2.1': { title: 'Authentication Request', anchor: 'AuthRequest' },
    '3.1.2.2': { title: 'Authentication Request Validation', anchor: 'AuthRequestValidation' },
    '3.1.2.4': { title: 'Authorization Server Obtains End-User Consent/Authorization', anchor: 'Consent' },
    '3.1.3.3': { title: 'Successful Token Response', anchor: 'TokenResponse' },
    '3.1.3.6': { title: 'ID Token', anchor: 'CodeIDToken' },
    '3.1.3.7': { title: 'ID Token Validation', anchor: 'IDTokenValidation' },
    '3.1.3.8': { title: 'Access Token Validation', anchor: 'CodeFlowTokenValidation' },
    '3.2.2.10': { title: 'ID Token', anchor: 'ImplicitIDToken' },
    '3.2.2.11': { title: 'ID Token Validation', anchor: 'ImplicitIDTValidation' },
    '5.3': { title: 'UserInfo Endpoint', anchor: 'UserInfo' },
    '5.3.2': { title: 'Successful UserInfo Response', anchor: 'UserInfoResponse' },
    '11': { title: 'Offline Access', anchor: 'OfflineAccess' },
    '12.1': { title: 'Refresh Request', anchor: 'RefreshingAccessToken' },
    '12.2': { title: 'Successful Refresh Response', anchor: 'RefreshTokenResponse' },
  },
  'OAuth 2.1': {
    '5.1': { title: 'Bearer Token Requests' },
    '5.1.2': { title: 'Form-Encoded Content Parameter' },
    '10.1': { title: 'Removal of the OAuth 2.0 Implicit grant' },
  },
  'OIDC Discovery': {
    '4': { title: 'Obtaining OpenID Provider Configuration Information', anchor: 'ProviderConfig' },
  },
};

const isDoc = (d: string): d is SpecDoc => Object.hasOwn(SPEC_DOCS, d);

function hrefOf(doc: SpecDoc, section: string, s: Section): string {
  return s.anchor ? `${SPEC_DOCS[doc].href}#${s.anchor}` : `${SPEC_DOCS[doc].href}#section-${section}`;
}

/** A link to a section in the table; throws for one it does not know (caught by the tests and the build). */
export function cite(doc: SpecDoc, section: string): SpecRef & { title: string } {
  const s = SPEC_SECTIONS[doc][section];
  if (!s) throw new Error(`${doc} §${section} is not in lib/learn/spec-sections.ts`);
  return { label: `${doc} §${section}`, href: hrefOf(doc, section, s), title: s.title };
}

/** "RFC 6749 §4.1.1" → its doc and section, or undefined for anything else. */
export function parseLabel(label: string): { doc: SpecDoc; section: string } | undefined {
  const m = /^(RFC \d+|OIDC Core|OIDC Discovery|OAuth 2\.1) §(\d+(?:\.\d+)*)$/.exec(label);
  if (!m || !isDoc(m[1])) return undefined;
  return { doc: m[1], section: m[2] };
}

/**
 * What is wrong with a cited link, or undefined when it names a known section and links to it
 * exactly (the label and the href must agree: a step may not say §4.1 and link §4.2).
 */
export function citationProblem(ref: SpecRef): string | undefined {
  const parsed = parseLabel(ref.label);
  if (!parsed) return `"${ref.label}" is not of the form "RFC n §x.y", "OIDC Core §x", "OIDC Discovery §x" or "OAuth 2.1 §x"`;
  const s = SPEC_SECTIONS[parsed.doc][parsed.section];
  if (!s) return `${ref.label} is not in the table of sections (lib/learn/spec-sections.ts)`;
  const want = hrefOf(parsed.doc, parsed.section, s);
  if (ref.href !== want) return `${ref.label} links to ${ref.href}, not ${want}`;
  return undefined;
}

/**
 * A field's plain-text citation, e.g. "OIDC Core §3.1.2.1, §11" (later sections reuse the document
 * named before them): every section must be in the table.
 */
export function textCitationProblems(text: string): string[] {
  const problems: string[] = [];
  let doc: string | undefined;
  for (const raw of text.split(',').map((p) => p.trim())) {
    const m = /^(?:(RFC \d+|OIDC Core|OIDC Discovery|OAuth 2\.1) )?§(\d+(?:\.\d+)*)(?: \(\d+\))?$/.exec(raw);
    if (!m) {
      problems.push(`"${raw}" in "${text}" is not a section citation`);
      continue;
    }
    doc = m[1] ?? doc;
    if (!doc || !isDoc(doc)) problems.push(`"${raw}" in "${text}" names no known document`);
    else if (!SPEC_SECTIONS[doc][m[2]]) problems.push(`${doc} §${m[2]} (in "${text}") is not in the table of sections`);
  }
  return problems;
}
