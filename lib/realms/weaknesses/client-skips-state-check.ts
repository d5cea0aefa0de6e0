import { defineWeakness } from './define';

/** Applied by the flow machines (the client), read from the realm descriptor; the servers ignore it. */
export const clientSkipsStateCheck = defineWeakness({
  name: 'client-skips-state-check',
  point: 'client.state-check',
  attack:
    'Login CSRF — the client does not compare state, so Mallory plants her own code in Alice’s callback and Alice ends up in Mallory’s account.',
  specs: ['RFC 9700 §4.7', 'RFC 6749 §10.12'],
  server: 'client',
  apply: () => ({ 'client.state-check': { enforced: false } }),
});
