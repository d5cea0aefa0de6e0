import { rfc, type StepMeta } from '../step-meta';
import { ATTACK_FAILED_STEP, REPLAY_STEP } from './token-steps';

export const PASSWORD_GRANT_STEPS = {
  lookAlike: {
    title: 'A look-alike app asks Alice for her password',
    explanation:
      'Mallory publishes “PhotoPrint”, an app that prints your Photo Gallery pictures. It asks for your Photo Gallery username and password in its own form, exactly as a password-grant client must. You play Alice: sign in with alice / wonderland.',
    specs: [rfc(6749, '4.3.1'), rfc(6819, '4.4.3'), rfc(9700, '2.4')],
    notice: [
      'There is no AS page: Alice cannot check the address bar of the authorization server, because she never sees it. Any app may show any form.',
      'This is what the password grant teaches users: typing their password into third-party apps is normal.',
    ],
    edges: ['user->client:password'],
    knows: { client: ['Alice’s username', 'Alice’s password'] },
    pause: 'wait',
  },
  harvest: {
    title: 'The look-alike keeps a copy on Mallory’s site',
    explanation:
      'Before anything else, the app’s backend posts the username and password to Mallory’s site (/attacker/{realm}/harvest). Watch the Attacker’s console: the password is there, in the clear.',
    specs: [rfc(6819, '4.4.3.1'), rfc(9700, '2.4')],
    notice: [
      'This happens whatever the authorization server does next: no server setting can stop a client from keeping what the user typed into it.',
    ],
    edges: ['client->attacker:harvest'],
    knows: { attacker: ['Alice’s password'] },
  },
  tokenRequest: {
    title: 'Mallory posts Alice’s password to the token endpoint',
    explanation:
      'The look-alike is registered at the AS as a third-party client (the lab’s legacy-app plays it). It authenticates as itself and sends grant_type=password with Alice’s username and password.',
    specs: [rfc(6749, '4.3.2'), rfc(9700, '2.4')],
    notice: [
      'What is lost: Alice never saw the AS, so no consent screen showed what PhotoPrint asked for, and no ' +
        'second factor could run; the app holds a credential it can reuse at any time; nothing tells Alice ' +
        'this happened, and she cannot revoke the password from this app alone (RFC 6819 §4.4.3).',
      'A hardened AS answers unsupported_grant_type (or unauthorized_client for a client not registered for the grant).',
    ],
    edges: ['attacker->as:discovery', 'attacker->as:token'],
    knows: { attacker: ['Alice’s tokens (if issued)'] },
  },
  replay: {
    ...REPLAY_STEP,
    title: 'Mallory reads Alice’s photos',
    explanation: 'She calls GET /photos with the access token the AS issued for Alice’s password.',
    edges: ['attacker->rs:replay'],
  },
  outcome: {
    title: 'Why it worked, or what it stopped',
    explanation:
      'The password grant hands the user’s password to a client. A realm that allows it lets any registered ' +
      'client turn a phished password into tokens, with no consent, no MFA and nothing Alice can see. A ' +
      'realm that refuses it stops the tokens, but not the phishing.',
    specs: [rfc(9700, '2.4'), rfc(6819, '4.4.3')],
    notice: ['Compare the Attacker’s console in both modes: the password is harvested either way. Only the token request differs.'],
    edges: [],
    pause: 'end',
    fix: {
      text:
        'Turn the password grant off (RFC 9700 §2.4: it MUST NOT be used) and use the authorization code ' +
        'grant with PKCE, so users type their password only into the AS’s own page, where MFA and consent ' +
        'run; teach users never to give it to an app.',
      specs: [rfc(9700, '2.4'), rfc(9700, '2.1.1'), rfc(6819, '4.4.3')],
    },
  },
  failed: ATTACK_FAILED_STEP,
} satisfies Record<string, StepMeta>;
