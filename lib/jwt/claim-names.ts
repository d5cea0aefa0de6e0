/**
 * What kind of name a claim or header parameter outside the app's catalogue is (RFC 7519 §4.1–4.3,
 * RFC 7515 §4.1–4.3): registered with IANA, a public (collision-resistant) name, or a private one.
 */
export type NameClass = 'iana' | 'public' | 'private';

// Names in the IANA "JSON Web Token Claims" registry (RFC 7519 §10.1) that claims-catalog.ts does not explain.
const IANA_CLAIMS = new Set(
  `vot vtm sub_jwk at_use_nbr c_hash sip_from_tag sip_date sip_callid sip_cseq_num sip_via_branch orig dest mky events toe txn rph attest origid
  token_introspection may_act ace_profile cnonce exi ueid sueids oemid hwmodel hwversion oemboot dbgstat location eatprofile submods rcs crn
  authorization_details verified_claims place_of_birth nationalities birth_family_name birth_given_name birth_middle_name salutation title msisdn also_known_as
  htm htu ath atc sub_id cdniv cdnicrit cdniip cdniuc cdniets cdnistt cdnistd sig_val_claims psm_hash vc vp vct status jcard uci`.split(
    /\s+/,
  ),
);

// Names in the IANA "JSON Web Signature and Encryption Header Parameters" registry (RFC 7515 §9.1) not in the catalogue.
const IANA_HEADERS = new Set(['ppt', 'url', 'nonce', 'svt', 'iss', 'sub', 'aud', 'kid', 'epk', 'trust_chain', 'jwt']);

/** A URI (`https://…`, `urn:…`) or a reverse-domain name resists collisions (RFC 7519 §2 "Collision-Resistant Name"). */
function collisionResistant(name: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(name) || /^[a-z0-9-]+(\.[a-z0-9-]+){2,}$/i.test(name);
}

export function classifyName(name: string, kind: 'claims' | 'header'): NameClass {
  if ((kind === 'claims' ? IANA_CLAIMS : IANA_HEADERS).has(name)) return 'iana';
  return collisionResistant(name) ? 'public' : 'private';
}

const R7519 = 'https://www.rfc-editor.org/rfc/rfc7519';
const R7515 = 'https://www.rfc-editor.org/rfc/rfc7515';

/** Plain words and a citation for a name the catalogue does not explain. */
export function describeUncataloguedName(name: string, kind: 'claims' | 'header'): { text: string; spec: string; href: string } {
  const c = classifyName(name, kind);
  const what = kind === 'claims' ? 'claim' : 'header parameter';
  if (c === 'iana') {
    return kind === 'claims'
      ? {
          text:
            `An IANA-registered ${what}: listed in the IANA JSON Web Token Claims registry by the spec named ` +
            `there, one of the two ways RFC 7519 §4.2 gives a new name to avoid collisions (the other: a ` +
            `collision-resistant name). RFC 7519's own registered names (§4.1) are iss, sub, aud, exp, nbf, iat ` +
            `and jti.`,
          spec: 'RFC 7519 §4.2',
          href: 'https://www.iana.org/assignments/jwt/jwt.xhtml#claims',
        }
      : {
          text: `An IANA-registered ${what}: listed in the IANA JSON Web Signature and Encryption Header Parameters registry by the spec named there (RFC 7515 §4.2).`,
          spec: 'RFC 7515 §4.2',
          href: 'https://www.iana.org/assignments/jose/jose.xhtml#web-signature-encryption-header-parameters',
        };
  }
  if (c === 'public') {
    return {
      text: `A public ${what} name: collision-resistant (a URI or domain name), so its meaning is set by whoever controls that name.`,
      spec: kind === 'claims' ? 'RFC 7519 §4.2' : 'RFC 7515 §4.2',
      href: kind === 'claims' ? `${R7519}#section-4.2` : `${R7515}#section-4.2`,
    };
  }
  return {
    text: `A private ${what} name: neither registered nor collision-resistant; it means only what issuer and recipient agreed, and may collide with other uses.`,
    spec: kind === 'claims' ? 'RFC 7519 §4.3' : 'RFC 7515 §4.3',
    href: kind === 'claims' ? `${R7519}#section-4.3` : `${R7515}#section-4.3`,
  };
}
