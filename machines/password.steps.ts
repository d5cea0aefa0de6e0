import { failedStep, rfc, RS_CHECKLIST, RS_REPORT_NOTICE, type StepMeta } from './step-meta';

export const PASSWORD_DEPRECATED =
  'Deprecated: RFC 9700 §2.4 says the resource owner password credentials grant MUST NOT be used, and ' +
  'OAuth 2.1 removes it. The demo realm refuses it (unsupported_grant_type); it plays only against a ' +
  'lab realm with the weakness as-password-grant-allowed.';

/** The password grant's steps (RFC 6749 §4.3), in order. Read by the machine's state `meta`. */
export const PASSWORD_STEPS = {
  discover: {
    title: 'Discover the authorization server',
    explanation:
      'The legacy app reads the discovery document to find the token endpoint. It will never send the browser to the AS: it asks for the password itself.',
    specs: [rfc(8414, '3'), rfc(6749, '4.3')],
    notice: [PASSWORD_DEPRECATED, 'Look at grant_types_supported in the answer: "password" is listed only where the realm allows it.'],
    edges: ['client->as:discovery'],
    knows: { client: ['issuer', 'endpoints', 'client secret'] },
  },
  askPassword: {
    title: 'The app asks for your password itself',
    explanation:
      'Instead of the AS’s sign-in page, the app shows its own form. Whatever you type goes to the app, which from now on holds your password: it could keep it, log it or use it anywhere else you use it.',
    specs: [rfc(6749, '4.3.1'), rfc(6819, '4.4.3'), rfc(9700, '2.4')],
    notice: [
      'You cannot tell from this form whether the app is the one it claims to be: there is no AS page and no address bar of the AS to check.',
      'No consent screen and no second factor: the AS sees only a password posted by a client.',
    ],
    edges: ['user->client:password'],
    knows: { client: ['your username', 'your password'] },
    pause: 'wait',
  },
  tokenRequest: {
    title: 'The app posts your password to the token endpoint',
    explanation:
      'The app authenticates as itself (legacy-app) and sends grant_type=password with your username and password. The AS checks the password and issues tokens to the app.',
    specs: [rfc(6749, '4.3.2'), rfc(6749, '4.3.3')],
    notice: [
      'Look at the request body in the exchange: your password, in the clear, in a request you never saw.',
      'The app forgets the password after this request here; nothing makes a real app do so (RFC 6819 §4.4.3.1).',
    ],
    edges: ['client->as:token'],
    knows: { client: ['access token', 'refresh token'] },
  },
  callApi: {
    title: 'Call the API',
    explanation:
      'The app calls GET /photos with the access token. The resource server cannot tell a token obtained with your password from one you consented to.',
    specs: [rfc(6750, '2.1'), rfc(9068, '4')],
    notice: [RS_REPORT_NOTICE],
    edges: ['client->rs:photos'],
    checklist: RS_CHECKLIST,
  },
  useInstead: {
    title: 'Use instead: authorization code + PKCE',
    explanation:
      'The app got in by holding your password, a credential it can reuse at any time and that you cannot ' +
      'see it use or revoke for this app alone. Use the authorization code grant with PKCE: you sign in on ' +
      'the AS’s own page (with its MFA), consent there, and the app only ever holds tokens you can revoke.',
    specs: [rfc(9700, '2.4'), rfc(9700, '2.1.1'), rfc(6819, '4.4.3')],
    notice: ['The attack lab’s “Resource owner password credentials” shows a look-alike app harvesting the password.'],
    edges: [],
    pause: 'end',
  },
  failed: failedStep(['Against the demo realm the password grant is refused by design: unsupported_grant_type (RFC 9700 §2.4).']),
} satisfies Record<string, StepMeta>;
