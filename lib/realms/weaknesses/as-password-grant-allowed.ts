import { defineWeakness } from './define';

export const asPasswordGrantAllowed = defineWeakness({
  name: 'as-password-grant-allowed',
  point: 'as.password-grant',
  attack:
    'Resource Owner Password Credentials — a client collects the user’s password itself: no consent, no MFA, a reusable credential in the client’s hands.',
  specs: ['RFC 9700 §2.4', 'RFC 6819 §4.4.3', 'RFC 6749 §4.3'],
  server: 'as',
  apply: () => ({ 'as.password-grant': { enabled: true } }),
});
