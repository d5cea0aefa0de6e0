import { rfc, RS_CHECKLIST, RS_REPORT_NOTICE, type StepMeta } from '../step-meta';
import { ATTACK_FAILED_STEP } from './token-steps';

export const REVOCATION_STEPS = {
  clientToken: {
    title: 'A photo-printing service gets an access token',
    explanation:
      'A printing service (the lab’s `service` client) reads the discovery document and asks the token ' +
      'endpoint for an access token with client credentials, to read photos. The vulnerable realm issues a ' +
      'JWT (RFC 9068) that carries its own claims and signature; the hardened one issues an opaque token: a ' +
      'random string that means only what the authorization server has recorded for it.',
    specs: [rfc(8414, '3'), rfc(6749, '4.4.2'), rfc(9068, '2.2'), rfc(6749, '1.4')],
    notice: [
      'Decode the token in the inspector: a JWT shows its `exp` and `jti`; an opaque token decodes to nothing — the resource server must ask about it.',
    ],
    edges: ['client->as:discovery', 'client->as:token'],
    knows: { client: ['its access token'] },
  },
  stolenUse: {
    title: 'The token leaks; Mallory uses her copy',
    explanation:
      'The service wrote the token into a log file that Mallory can read. A bearer token works for whoever ' +
      'presents it (RFC 6750 §5.2 lists token disclosure as a threat), so she calls `GET /photos` with it ' +
      'and gets the service’s photos: the theft works, for now.',
    specs: [rfc(6750, '2.1'), rfc(6750, '5.2')],
    notice: [RS_REPORT_NOTICE],
    edges: ['attacker->rs:replay'],
    checklist: RS_CHECKLIST,
    knows: { attacker: ['a stolen copy of the access token'] },
  },
  revoke: {
    title: 'The service notices and revokes the token',
    explanation:
      'The service sends the token to the revocation endpoint, authenticated with its own credentials, with ' +
      '`token_type_hint=access_token`. The authorization server records the token’s grant as revoked and ' +
      'answers 200 — it answers 200 for an unknown token too, so the answer reveals nothing about the ' +
      'token.',
    specs: [rfc(7009, '2.1'), rfc(7009, '2.2')],
    notice: [
      'RFC 7009 §2 requires revocation of refresh tokens and says an authorization server SHOULD support revoking access tokens. ' +
        'What it cannot do alone is make every resource server notice: that depends on how the resource server validates tokens.',
    ],
    edges: ['client->as:revoke'],
    knows: { as: ['the token is revoked'] },
  },
  replay: {
    title: 'Mallory tries the revoked token again',
    explanation:
      'Minutes later Mallory calls `GET /photos` with the same copy. Whether it still works depends only on what the resource server checks: the token’s own signature and `exp`, or the authorization server’s current record of it.',
    specs: [rfc(6750, '2.1'), rfc(7662, '2.2'), rfc(9068, '4')],
    notice: [RS_REPORT_NOTICE, 'Look for the “Not revoked” line of the checklist: skipped on the vulnerable side.'],
    edges: ['attacker->rs:replay'],
    checklist: RS_CHECKLIST,
  },
  outcome: {
    title: 'Stateless JWTs, stateful opaque tokens',
    explanation:
      'The vulnerable resource server verifies the JWT locally — signature, issuer, audience, `exp` — and ' +
      'never asks the authorization server: a revoked token stays valid until it expires (here up to 10 ' +
      'minutes). The hardened realm issues opaque tokens, which the resource server can only look up in the ' +
      'authorization server’s records, as introspection does: a revoked token is inactive at once.',
    specs: [rfc(7009, '2'), rfc(7662, '2.2'), rfc(9068, '4')],
    notice: [
      'The trade-off: a JWT can be verified without calling the authorization server (no round trip, no ' +
        'shared state, it scales and survives an AS outage), but then revocation takes effect only at `exp` — ' +
        'so keep JWT lifetimes short and use refresh tokens, which are revoked at the AS. An opaque token (or ' +
        'a JWT checked against the AS on every call) costs a lookup per request but can be revoked at once: ' +
        'the right choice for high-value APIs or long-lived tokens.',
      'Honestly: this lab’s hardened resource server also refuses a revoked JWT — it asks the authorization server’s store whether each JWT’s `jti` is still live. That is a stateful check, and with it the JWT gives up its main advantage.',
    ],
    edges: [],
    pause: 'end',
    fix: {
      text:
        'When a token must stop working at once, make the resource server ask the authorization server: ' +
        'opaque tokens with introspection, or JWTs checked against a revocation list; otherwise keep JWT ' +
        'access tokens short-lived so that revocation of the refresh token ends access soon.',
      specs: [rfc(7662, '2'), rfc(7009, '2'), rfc(9700, '4.14')],
    },
  },
  failed: ATTACK_FAILED_STEP,
} satisfies Record<string, StepMeta>;
