import { defineWeakness } from './define';

export const asConsentFrameable = defineWeakness({
  name: 'as-consent-frameable',
  point: 'as.page-framing',
  attack: 'Clickjacking — without frame-ancestors or X-Frame-Options, Mallory’s page frames the consent page under a decoy button.',
  specs: ['RFC 9700 §4.16', 'RFC 6749 §10.13'],
  server: 'as',
  apply: () => ({ 'as.page-framing': {} }),
});
