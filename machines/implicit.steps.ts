import { failedStep, rfc, RS_CHECKLIST, RS_REPORT_NOTICE, type StepMeta } from './step-meta';

const CALLBACK_CHECKLIST = { title: 'The client’s checks of the redirect (RFC 6749 §10.12, RFC 9207)', from: 'checkCallback' };

/** Said on the flow's first step: it is deprecated, and where it still plays. */
export const IMPLICIT_DEPRECATED =
  'Deprecated: RFC 9700 §2.1.2 says clients SHOULD NOT use the implicit grant, and OAuth 2.1 removes it. The demo realm refuses it (unsupported_response_type); it plays only against a lab realm with the weakness as-implicit-grant-allowed.';

/** The implicit grant's steps (RFC 6749 §4.2), in order. Read by the machine's state `meta`. */
export const IMPLICIT_STEPS = {
  discover: {
    title: 'Discover the authorization server',
    explanation:
      'The legacy single-page app reads the discovery document to find the authorization endpoint. It never calls the token endpoint: in the implicit grant the token comes straight back in the redirect.',
    specs: [rfc(8414, '3'), rfc(6749, '4.2')],
    notice: [
      IMPLICIT_DEPRECATED,
      'Look at response_types_supported in the answer: "token" is listed only where the realm allows the implicit grant.',
    ],
    edges: ['client->as:discovery'],
    knows: { client: ['issuer', 'endpoints'] },
  },
  buildUrl: {
    title: 'Build the authorization URL with response_type=token',
    explanation:
      'The app asks for the access token itself, not for a code. There is no code, so there is nothing for PKCE to protect and no token endpoint call where the client could authenticate.',
    specs: [rfc(6749, '4.2.1'), rfc(9700, '2.1.2')],
    notice: ['No code_challenge: PKCE (RFC 7636) binds a code to its redeemer, and here there is no code.'],
    edges: [],
    fields: {
      response_type: {
        why: '"token" asks the AS to put the access token into the redirect (the implicit grant).',
        spec: 'RFC 6749 §4.2.1',
      },
      client_id: {
        why: 'The legacy public app; the AS lets only clients registered for the implicit grant use it.',
        spec: 'RFC 6749 §2.2',
      },
      redirect_uri: {
        why: 'Where the token will be delivered, in the fragment: it must match the registered URI exactly.',
        spec: 'RFC 9700 §4.1.3',
      },
      scope: {
        why: 'What the token may do. No openid: response_type=token alone is plain OAuth, not OpenID Connect.',
        spec: 'RFC 6749 §3.3',
      },
      state: {
        why: 'A random value the app expects back unchanged (CSRF). It does not stop a token from leaking.',
        spec: 'RFC 6749 §10.12',
      },
    },
  },
  redirectToAs: {
    title: 'The browser goes to the authorization server',
    explanation:
      'You sign in on the real AS pages as alice and allow the app. A realm that refuses the implicit grant sends the browser straight back with an error instead.',
    specs: [rfc(6749, '4.2.1'), rfc(6749, '4.2.2.1')],
    notice: ['The AS checks client_id and redirect_uri first; a wrong one gets an error page, never a redirect.'],
    edges: ['client->browser:redirect', 'browser->as:authorize', 'user->as:login'],
    knows: { as: ['state'] },
    pause: 'navigate',
  },
  callbackReceived: {
    title: 'The redirect comes back with the token in the fragment',
    explanation:
      'The AS redirected the browser to the redirect URI with access_token, token_type, expires_in, scope, state and iss after the #. The fragment is never sent to a server: only scripts of the page that received it can read it (location.hash).',
    specs: [rfc(6749, '4.2.2'), rfc(9207, '2')],
    notice: [
      'The whole URL, token included, is a page the browser visited: it is in the browser’s history (RFC 9700 §4.3.2).',
      'Every script running on the callback page, analytics and third-party widgets included, can read location.hash.',
      'Browsers never put the fragment in a Referer header (RFC 9110 §10.1.3): that leak is the code flow’s, whose code is in the query (RFC 9700 §4.2).',
    ],
    edges: ['as->browser:callback', 'browser->client:callback'],
    knows: { browser: ['access token (in the URL)'] },
  },
  tokenAccepted: {
    title: 'The client checks state and iss, and takes the token',
    explanation:
      'The app compares state with what it stored and iss with the issuer it used, then keeps the access token from the fragment. It cannot tell which client the token was issued to: nothing in the response binds it to this app.',
    specs: [rfc(6749, '4.2.2'), rfc(6749, '10.16'), rfc(9700, '4.6')],
    notice: [
      'An attacker can put a token issued to another app into this redirect, and the app would use it (access token injection, RFC 9700 §4.6).',
      'No refresh token: the implicit grant MUST NOT issue one (RFC 6749 §4.2.2).',
    ],
    edges: [],
    knows: { client: ['access token'] },
    checklist: CALLBACK_CHECKLIST,
  },
  callbackRefused: {
    title: 'No token: the authorization server refused',
    explanation:
      'The redirect carried an error instead of a token (or failed the client’s checks). A realm that follows RFC 9700 answers unsupported_response_type to response_type=token, or unauthorized_client for a client not registered for it.',
    specs: [rfc(6749, '4.2.2.1'), rfc(9700, '2.1.2')],
    notice: [
      'The error and error_description below are the AS’s own words.',
      'Play it against a lab realm that allows the implicit grant to see the token arrive.',
    ],
    edges: [],
    pause: 'end',
    checklist: CALLBACK_CHECKLIST,
  },
  callApi: {
    title: 'Call the API with the token from the URL',
    explanation:
      'The app calls GET /photos with the access token in the Authorization header. The resource server validates the JWT itself.',
    specs: [rfc(6750, '2.1'), rfc(9068, '4')],
    notice: [RS_REPORT_NOTICE],
    edges: ['client->rs:photos'],
    checklist: RS_CHECKLIST,
  },
  useInstead: {
    title: 'Use instead: authorization code + PKCE',
    explanation:
      'The token worked, and so would it for anyone who read it from the history, a script on the page or a ' +
      'redirect. Use the authorization code grant with PKCE: only a short-lived, one-time code crosses the ' +
      'browser, and the token comes from a back-channel request only the code’s holder can make.',
    specs: [rfc(9700, '2.1.2'), rfc(9700, '2.1.1'), rfc(7636, '1')],
    notice: [
      'Open the authorization-code flow from the Flows page to compare, step by step.',
      'The attack lab’s “Implicit grant: tokens in the URL” shows the leak end to end.',
    ],
    edges: [],
    pause: 'end',
  },
  failed: failedStep(['Against the demo realm the implicit grant is refused by design (RFC 9700 §2.1.2).']),
} satisfies Record<string, StepMeta>;
