import { RedirectableError, type CheckContext } from './types';

const MAX_LENGTH = 512;

/**
 * `state` (RFC 6749 §4.1.1) is echoed back; `nonce` (OIDC Core §3.1.2.1) goes into the code
 * record for the ID token. Both are opaque, but kept to a sane length and printable ASCII
 * (RFC 6749 Appendix A.5: VSCHAR).
 */
export function checkStateNonce(ctx: CheckContext): void {
  for (const name of ['state', 'nonce'] as const) {
    const value = ctx.params.get(name);
    if (value === undefined) continue;
    if (value.length > MAX_LENGTH || !/^[\x20-\x7e]*$/.test(value)) {
      if (name === 'state') ctx.request.state = undefined;
      throw new RedirectableError('invalid_request', `${name} must be at most ${MAX_LENGTH} printable ASCII characters.`);
    }
    ctx.request[name] = value;
  }
  const prompt = ctx.params.get('prompt');
  if (prompt !== undefined) {
    const values = prompt.split(' ');
    if (values.some((p) => !['none', 'login', 'consent'].includes(p)) || (values.includes('none') && values.length > 1)) {
      throw new RedirectableError(
        'invalid_request',
        'This AS supports prompt=none, login or consent (OIDC Core §3.1.2.1 also defines select_account, which it does not offer).',
      );
    }
    ctx.request.prompt = prompt;
  }
}
