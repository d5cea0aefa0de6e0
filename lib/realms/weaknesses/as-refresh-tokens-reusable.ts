import { defineWeakness } from './define';

export const asRefreshTokensReusable = defineWeakness({
  name: 'as-refresh-tokens-reusable',
  point: 'as.refresh-token-use',
  attack: 'Refresh-token replay — without rotation and reuse detection, a stolen refresh token keeps minting access tokens for Mallory.',
  specs: ['RFC 9700 §4.14.2', 'RFC 6749 §10.4'],
  server: 'as',
  apply: () => ({ 'as.refresh-token-use': { rotates: false } }),
});
