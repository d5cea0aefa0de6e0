import { failedStep, rfc, RS_REPORT_NOTICE, RS_CHECKLIST, type StepMeta } from './step-meta';

export const CLIENT_CREDENTIALS_STEPS = {
  discover: {
    title: 'Discover the authorization server',
    explanation: 'The service reads the discovery document to find the token endpoint.',
    specs: [
      rfc(8414, '3'),
      { label: 'OIDC Discovery §4', href: 'https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig' },
    ],
    notice: ['No browser and no user take part in this grant: every request is back channel.'],
    edges: ['client->as:discovery'],
    knows: { client: ['issuer', 'endpoints', 'client secret'] },
  },
  tokenRequest: {
    title: 'Ask for a token as the client itself',
    explanation:
      'The service authenticates with its own id and secret and asks for scopes. With client_secret_basic the credentials go in the Authorization header; with client_secret_post they go in the form body.',
    specs: [rfc(6749, '4.4.2'), rfc(6749, '2.3.1'), rfc(6749, '4.4.3')],
    notice: [
      'Basic: the id and secret are form-urlencoded, joined by ":" and base64-encoded.',
      'The response has no refresh_token: the client can simply ask again (RFC 6749 §4.4.3).',
    ],
    edges: ['client->as:token'],
    knows: { client: ['access token'] },
  },
  callApi: {
    title: 'Call the API',
    explanation:
      'The service calls GET /photos on the resource server with its access token. The RS validates the JWT (RFC 9068 §4) and checks the scope.',
    specs: [rfc(6750, '2.1'), rfc(9068, '4')],
    notice: [
      'In the access token, `sub` is the client id: the token speaks for the service, not for a person (RFC 9068 §2.2).',
      RS_REPORT_NOTICE,
    ],
    edges: ['client->rs:photos'],
    checklist: RS_CHECKLIST,
  },
  done: {
    title: 'Why there is no user and no refresh token',
    explanation:
      'The client acted on its own behalf, so there is nobody to sign in, no consent and no ID token. When the access token expires, the client authenticates again: a refresh token would add nothing.',
    specs: [rfc(6749, '4.4'), rfc(9068, '2.2')],
    notice: ['Compare `sub` and `client_id` in the inspector: both say "service".'],
    edges: [],
    pause: 'end',
  },
  failed: failedStep(),
} satisfies Record<string, StepMeta>;
