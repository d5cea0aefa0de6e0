import { rfc, RS_CHECKLIST, RS_REPORT_NOTICE, type StepMeta } from '../step-meta';
import { ATTACK_FAILED_STEP } from './token-steps';

/** The words of the mix-up attack (RFC 9700 §4.4.1, authorization code grant), one meta per step (mix-up.machine.ts). */
export const MIX_UP_STEPS = {
  evilAs: {
    title: 'Mallory runs an authorization server of her own',
    explanation:
      'Alice’s photo client `spa` lets its users sign in with several authorization servers: the honest one, where Alice ' +
      'keeps her photos, and “Evil AS”, which Mallory runs and at which the client is registered too. In the lab, ' +
      'her AS is a second lab realm, made now: its own issuer, keys and store, so nothing issued by one server means ' +
      'anything at the other. It does not advertise the RFC 9207 `iss` response parameter.',
    specs: [rfc(9700, '4.4.1'), rfc(9207, '3')],
    notice: [
      'What the lab simulates: its realms run honest AS code, so the two endpoints Mallory bends — her authorization ' +
        'endpoint that redirects to the honest AS, and her token endpoint that keeps what it receives — are played by ' +
        'the lab and by her attacker site on this origin. Nothing leaves this server.',
    ],
    edges: [],
  },
  discover: {
    title: 'The client reads both servers’ metadata',
    explanation:
      'The client knows each server by its issuer identifier, and reads each discovery document for the endpoints. ' +
      'The honest AS says whether it sends `iss` in its authorization responses: ' +
      '`authorization_response_iss_parameter_supported` (RFC 9207 §3). The Vulnerable realm does not; the Hardened one does.',
    specs: [rfc(8414, '3'), rfc(9207, '3')],
    notice: [],
    edges: ['client->as:discovery', 'client->attacker:discovery'],
  },
  buildRequest: {
    title: 'Alice picks “Sign in with Evil AS”',
    explanation:
      'The client stores in Alice’s session which server she chose (the Evil AS), with `state` and the PKCE ' +
      '`code_verifier`, and builds the authorization request for the Evil AS’s authorization endpoint. Like most ' +
      'clients it uses one redirect URI, `/flows/callback`, for every server: the precondition of this attack.',
    specs: [rfc(9700, '4.4.1'), rfc(6749, '4.1.1'), rfc(7636, '4.3')],
    notice: [
      'In the “mix-up with interception” variant Alice chose the honest AS and an attacker in the middle changed ' +
        'her choice to the Evil AS; from here on the attack is the same (RFC 9700 §4.4.1).',
    ],
    edges: [],
    knows: { client: ['the issuer Alice chose (Evil AS)', 'state', 'code_verifier'] },
  },
  redirectToAs: {
    title: 'Mallory’s AS redirects Alice to the honest AS',
    explanation:
      'Alice’s browser opens the Evil AS’s authorization endpoint, which at once redirects it (303) to the honest ' +
      'AS’s authorization endpoint with the same request; a real attacker swaps in the client’s client_id at the ' +
      'honest AS, which in the lab is `spa` at both. You play Alice: sign in as alice and press Allow. The honest AS ' +
      'sends the code back to the one redirect URI the client uses for both servers.',
    specs: [rfc(9700, '4.4.1'), rfc(6749, '4.1.2')],
    notice: [
      'Simulated: the lab computes Mallory’s 303 (her realm runs honest AS code); the URL your browser opens is the ' +
        'one her redirect would give it. A vigilant Alice might notice she is signing in at the honest AS although she chose Evil AS.',
    ],
    edges: ['browser->attacker:authorize', 'browser->as:authorize', 'user->as:login'],
    pause: 'navigate',
  },
  callback: {
    title: 'The client checks the authorization response',
    explanation:
      'The response comes back to `/flows/callback`. The client compares `state` with Alice’s session, then `iss` ' +
      'with the issuer it sent her to (RFC 9207 §2.4). Without `iss` the response does not say who issued the code, ' +
      'and the Evil AS never claimed to send one, so the client believes the code is the Evil AS’s. With `iss` it ' +
      'sees the honest AS’s issuer where it expected the Evil AS’s, and stops.',
    specs: [rfc(9207, '2'), rfc(9207, '2.4'), rfc(9700, '4.4.2.1')],
    notice: [],
    edges: ['as->browser:callback', 'browser->client:callback'],
    checklist: { title: 'What the client checked (RFC 9207 §2.4)', empty: 'The response could not be read.' },
  },
  clientRedeems: {
    title: 'The client sends the code to the Evil AS’s token endpoint',
    explanation:
      'Believing the Evil AS answered, the client redeems the code there, and with it the PKCE `code_verifier` ' +
      '(RFC 7636 §4.5): everything Mallory needs to redeem the code at the honest AS. PKCE does not stop a mix-up, ' +
      'because the client itself hands the verifier to the wrong server.',
    specs: [rfc(9700, '4.4.1'), rfc(6749, '4.1.3'), rfc(7636, '4.5')],
    notice: [
      'Simulated: Mallory’s token endpoint is her attacker-site route /attacker/{realm}/token, which records the form. ' +
        'It answers with her page, not a token response, so Alice’s sign-in just fails.',
    ],
    edges: ['client->attacker:token'],
    knows: { attacker: ['Alice’s code from the honest AS', 'the client’s code_verifier'] },
  },
  collect: {
    title: 'Mallory reads what her token endpoint received',
    explanation: 'She reads her site’s log for the token request: the honest AS’s code and the verifier that goes with it.',
    specs: [rfc(9700, '4.4.1')],
    notice: ['The Attacker’s console above shows the same log, live.'],
    edges: [],
  },
  redeem: {
    title: 'Mallory redeems Alice’s code at the honest AS',
    explanation:
      'She sends the code with the client’s `client_id`, the registered redirect URI and the `code_verifier` she ' +
      'received: exactly what the client would have sent, so the honest AS cannot tell her apart from it (for a ' +
      'confidential client she would instead inject the code into her own session at the client, RFC 9700 §4.5).',
    specs: [rfc(6749, '4.1.3'), rfc(7636, '4.6'), rfc(9700, '4.4.1')],
    notice: [],
    edges: ['attacker->as:token'],
    knows: { attacker: ['Alice’s access token (if redeemed)'] },
  },
  replay: {
    title: 'Mallory reads Alice’s photos',
    explanation: 'She calls GET /photos at the honest resource server with the token she redeemed: a genuine token for alice.',
    specs: [rfc(6750, '2.1'), rfc(9068, '4')],
    notice: [RS_REPORT_NOTICE],
    edges: ['attacker->rs:replay'],
    checklist: RS_CHECKLIST,
  },
  outcome: {
    title: 'Why it worked, or why it was blocked',
    explanation:
      'A client that talks to two or more authorization servers must know which one answered before it redeems a ' +
      'code (RFC 9700 §4.4.2). The `iss` response parameter says so: the honest AS names itself, and the client ' +
      'compares that with the issuer it stored for the request. The other defence is a distinct redirect URI per ' +
      'server, checked against the one the response arrived at (RFC 9700 §4.4.2.2).',
    specs: [rfc(9700, '4.4.2'), rfc(9207, '2.4'), rfc(9700, '4.4.2.2')],
    notice: [
      'Only the honest AS’s `iss` protects here: Mallory’s AS will never send a truthful one, so the client relies on the honest server sending it.',
    ],
    edges: [],
    pause: 'end',
    fix: {
      text:
        'Send iss in every authorization response (and advertise authorization_response_iss_parameter_supported); ' +
        'the client stores the issuer of each request and refuses a response whose iss differs — or uses a distinct ' +
        'redirect URI per authorization server.',
      specs: [rfc(9207, '2'), rfc(9207, '2.4'), rfc(9700, '4.4.2')],
    },
  },
  failed: ATTACK_FAILED_STEP,
} satisfies Record<string, StepMeta>;
