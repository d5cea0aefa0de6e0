import { rfc, RS_CHECKLIST, RS_REPORT_NOTICE, type StepMeta } from '../step-meta';
import { ATTACK_FAILED_STEP } from './token-steps';

/** The words of the redirect-URI attack, one meta per step (redirect-uri.machine.ts). */
export const REDIRECT_URI_STEPS = {
  discover: {
    title: 'Mallory reads the authorization server’s metadata',
    explanation:
      'Anyone may read the discovery document: it names the authorization and token endpoints Mallory’s link and her redemption will use.',
    specs: [rfc(8414, '3')],
    notice: [],
    edges: ['attacker->as:discovery'],
  },
  craft: {
    title: 'Mallory crafts an authorization link with a bent redirect_uri',
    explanation:
      'She builds an ordinary authorization request for the photo gallery’s public client `spa`, but with a ' +
      '`redirect_uri` that a loose comparison still takes for the registered `/flows/callback`, while the ' +
      'browser, following the redirect, ends on her site `/attacker/{realm}/cb`. A dot-segment path such as ' +
      '`/flows/callback/../../attacker/…` starts with the registered URI; every URL parser removes the dot ' +
      'segments before the request is sent (RFC 3986 §5.2.4). A URI on her site that merely contains the ' +
      'registered one passes a substring test. An AS that ignores extra query parameters accepts ' +
      '`/flows/callback?next=<her site>`, but that is still Alice’s client’s callback: on its own the code would land ' +
      'there. It reaches her only because the client’s callback page is an open redirector that hands the response on ' +
      'to the page `next` names (RFC 9700 §4.11.1).',
    specs: [rfc(9700, '4.1.1'), rfc(6749, '10.6'), rfc(3986, '5.2.4'), rfc(9700, '4.11.1')],
    notice: [
      'The client is public: it has no secret, so whoever holds a code it was issued — and the ' +
        'code_verifier, when the challenge is hers — can redeem it. For the confidential `web` client she ' +
        'would also need its secret; she could still inject the code into her own session at the real client, ' +
        'which PKCE and exact matching stop.',
      'In every variant but the last she also made the PKCE challenge herself, so PKCE does not stop her: the code_verifier is hers. Only the authorization server’s exact string comparison of the redirect URI does.',
      'The last variant shows the case PKCE does defend: the code comes from a request whose challenge Alice’s own client made (Mallory only rewrote its redirect_uri), so she holds no code_verifier.',
      'One more loose rule is not a variant here: accepting any subdomain of the registered host (`mallory.localhost`), ' +
        'which a subdomain takeover turns into Mallory’s. The lab AS has it (weakness `as-redirect-uri-wildcard-subdomain`), ' +
        'but Alice’s code would then land on another origin, and this lab’s attacker site stays on the app’s own origin so ' +
        'that nothing leaves it. Exact matching stops it like the others (RFC 9700 §4.1.3).',
    ],
    edges: [],
    knows: { attacker: ['her crafted link, its state and (mostly) its code_verifier'] },
  },
  aliceOpensLink: {
    title: 'Alice opens the link, signs in and consents',
    explanation:
      'Mallory sends Alice the link (an e-mail, a chat message). It points at the real authorization ' +
      'server, so the sign-in and consent pages Alice sees are genuine: nothing looks wrong. You play ' +
      'Alice: open the link, sign in as alice and press Allow. Where the browser goes next is the ' +
      'authorization server’s decision about the redirect_uri.',
    specs: [rfc(6749, '4.1.1'), rfc(6749, '4.1.2'), rfc(6749, '4.1.2.1')],
    notice: [
      'A loose AS redirects the browser, with the code, to Mallory’s site; use its “Back to the lab” link ' +
        'to return. A hardened AS shows an error page instead and redirects nowhere (RFC 6749 §4.1.2.1): use ' +
        'the browser’s Back button to return, then press Next.',
    ],
    edges: ['attacker->user:link', 'browser->as:authorize', 'user->as:login', 'browser->attacker:code'],
    pause: 'navigate',
  },
  collect: {
    title: 'Mallory checks her site for a code',
    explanation:
      'Her site records every request it receives. She looks for an authorization response carrying the ' +
      '`state` of her own link: that one is the code her link made the authorization server issue for ' +
      'Alice. If nothing arrived, she opens her link herself to see what the authorization server makes of ' +
      'it.',
    specs: [rfc(6749, '4.1.2'), rfc(6749, '4.1.2.1')],
    notice: ['The Attacker’s console above shows the same log live.'],
    edges: [],
    knows: { attacker: ['Alice’s authorization code (if it arrived)'] },
  },
  redeem: {
    title: 'Mallory redeems Alice’s code at the token endpoint',
    explanation:
      'She sends the code as the public client `spa`, with the very `redirect_uri` string of her link (the ' +
      'token endpoint compares it with the authorization request’s, RFC 6749 §4.1.3: it matches, because it ' +
      'is the same bent one) and her `code_verifier` if she has one (RFC 7636 §4.5). The authorization ' +
      'server checks the verifier against the code’s challenge (RFC 7636 §4.6).',
    specs: [rfc(6749, '4.1.3'), rfc(7636, '4.5'), rfc(7636, '4.6')],
    notice: [
      'Decode the access token in the inspector: `sub` is alice and `client_id` is spa — it is Alice’s token, now in Mallory’s hands.',
    ],
    edges: ['attacker->as:token'],
    knows: { attacker: ['Alice’s access token (if redeemed)'] },
  },
  replay: {
    title: 'Mallory reads Alice’s photos',
    explanation:
      'She calls `GET /photos` with the token she redeemed. The resource server sees a genuine token for alice: nothing in it says who presents it.',
    specs: [rfc(6750, '2.1'), rfc(9068, '4')],
    notice: [RS_REPORT_NOTICE],
    edges: ['attacker->rs:replay'],
    checklist: RS_CHECKLIST,
  },
  outcome: {
    title: 'Why it worked, or why it was blocked',
    explanation:
      'A redirect URI is where the authorization server sends the code, so it is a credential’s ' +
      'destination: any comparison looser than exact string equality lets a link deliver the code somewhere ' +
      'the client does not control. Only exact matching makes that impossible; PKCE protects a code whose ' +
      'verifier the attacker does not hold, not one from a request she built herself.',
    specs: [rfc(9700, '4.1.3'), rfc(9700, '2.1'), rfc(9700, '2.1.1')],
    notice: [
      'Compare the variants: with her own challenge PKCE did not help; with Alice’s client’s challenge it did. Exact matching stopped all of them before any code was issued.',
    ],
    edges: [],
    pause: 'end',
    fix: {
      text:
        'Compare the presented redirect_uri with the registered ones by exact string matching (no prefixes, ' +
        'patterns or normalisation), show an error page and never redirect when it does not match, and ' +
        'require PKCE so that a code that leaks anyway is useless without its verifier.',
      specs: [rfc(9700, '4.1.3'), rfc(6749, '4.1.2.1'), rfc(9700, '2.1.1')],
    },
  },
  failed: ATTACK_FAILED_STEP,
} satisfies Record<string, StepMeta>;
