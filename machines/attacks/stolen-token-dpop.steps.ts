import { rfc, RS_CHECKLIST, RS_REPORT_NOTICE, type StepMeta } from '../step-meta';
import { ATTACK_FAILED_STEP } from './token-steps';

/** Said on every step: what the Server switch changes in this attack. */
const SIDES =
  'Here the two sides differ by what the client does, not by a weakness of the servers: on the ' +
  'Vulnerable side the client asks for a plain bearer token; on the Hardened side it proves possession ' +
  'of a key (DPoP) and gets a token bound to it. Both realms are hardened lab realms.';

export const STOLEN_DPOP_STEPS = {
  clientToken: {
    title: 'The client gets an access token — bearer or DPoP-bound',
    explanation:
      'A printing service (the lab’s `service` client) asks for an access token with client credentials. On ' +
      'the Hardened side it first makes an ES256 key pair in this browser (WebCrypto, private key not ' +
      'extractable) and sends a `DPoP` header: a proof JWT signed with that key, naming the token endpoint ' +
      'and the method. The authorization server then answers `token_type: DPoP` and binds the token to the ' +
      'key’s thumbprint in `cnf.jkt`. Without the header it issues a plain bearer token.',
    specs: [rfc(9449, '5'), rfc(9449, '6.1'), rfc(9449, '4.2'), rfc(6749, '4.4.2')],
    notice: [
      SIDES,
      'Decode the token in the inspector: a DPoP-bound token carries `cnf.jkt`; the proof in the request’s `DPoP` header carries the public key (`jwk`) whose thumbprint that is.',
    ],
    edges: ['client->as:discovery', 'client->as:token'],
    knows: { client: ['its access token', 'its DPoP private key (Hardened side)'] },
  },
  clientCall: {
    title: 'The client calls the API',
    explanation:
      'A bearer token is sent as `Authorization: Bearer`. A DPoP-bound token is sent as `Authorization: ' +
      'DPoP`, with a fresh proof for this one request: `htm` GET, `htu` the API’s URL, `ath` the hash of ' +
      'the token, a new `jti`, signed with the bound key. The resource server checks that the proof’s key ' +
      'has the thumbprint in the token’s `cnf.jkt`.',
    specs: [rfc(6750, '2.1'), rfc(9449, '7.1'), rfc(9449, '4.3')],
    notice: [RS_REPORT_NOTICE],
    edges: ['client->rs:photos'],
    checklist: RS_CHECKLIST,
  },
  stolenUse: {
    title: 'Mallory replays the stolen token from her own machine',
    explanation:
      'Mallory copied the access token (a leaked log, a proxy, a compromised browser extension). A bearer ' +
      'token works for anyone who holds it. A DPoP-bound token needs a proof signed by the bound private ' +
      'key, which never left the client: Mallory signs a proof with a key of her own, and its thumbprint ' +
      'does not match `cnf.jkt`.',
    specs: [rfc(6750, '5.2'), rfc(9449, '1'), rfc(9449, '4.3')],
    notice: [
      RS_REPORT_NOTICE,
      'Sending the bound token as `Bearer` instead is refused too: a DPoP-bound token presented without its proof is a downgrade the resource server must not accept (RFC 9449 §7.2).',
    ],
    edges: ['attacker->rs:replay'],
    checklist: RS_CHECKLIST,
    knows: { attacker: ['a stolen copy of the access token'] },
  },
  proofReplay: {
    title: 'Mallory copies the client’s proof too',
    explanation:
      'If she could also read the client’s request, she has a proof the right key signed. She sends it ' +
      'unchanged with the token. A proof is good for one request: the resource server remembers each ' +
      'proof’s `jti` within its time window and refuses one it has seen. With a bearer token there is no ' +
      'proof to copy: she just sends the token again.',
    specs: [rfc(9449, '11.1'), rfc(9449, '4.3')],
    notice: [
      RS_REPORT_NOTICE,
      'DPoP does not stop an attacker who can make the client sign proofs for her (an XSS on the client’s page can): it stops replay of what was stolen (RFC 9449 §11.1, §11.2).',
    ],
    edges: ['attacker->rs:replay'],
    checklist: RS_CHECKLIST,
  },
  outcome: {
    title: 'Bearer versus sender-constrained tokens',
    explanation:
      'A bearer token is like cash: whoever holds it may spend it, so a stolen one works from any machine ' +
      'until it expires. A DPoP-bound token is useless without the private key it is bound to, and each ' +
      'proof works for one request only, so neither the token nor a copied proof can be replayed.',
    specs: [rfc(9449, '1'), rfc(9449, '7.1'), rfc(6750, '5.2')],
    notice: [SIDES],
    edges: [],
    pause: 'end',
    fix: {
      text:
        'Sender-constrain access tokens: have the client send DPoP proofs with a non-extractable key and the ' +
        'resource server require `Authorization: DPoP` with a valid, unreplayed proof matching `cnf.jkt` (or ' +
        'use mutual-TLS-bound tokens); keep bearer tokens short-lived.',
      specs: [rfc(9449, '7.1'), rfc(9449, '11.1'), rfc(8705, '3')],
    },
  },
  failed: ATTACK_FAILED_STEP,
} satisfies Record<string, StepMeta>;
