import type { KeyFamily } from '@/lib/jwt/algorithms';
import { pemOrJwk } from '@/lib/jwt/keys/key-text';
import type { SecretEncoding } from '@/lib/jwt/keys/import-secret';
import type { KeyMaterial } from '@/lib/jwt/verify';

export type KeyForm = 'secret' | 'public' | 'url';

/**
 * What the learner typed into the key form. Secret and public key have a box each, so a key of one
 * kind is never read as the other; the form follows the token's `alg` unless the learner picked one
 * for this kind of token.
 */
export interface KeyDraft {
  chosen?: { form: KeyForm; family: KeyFamily | undefined };
  secret: string;
  encoding: SecretEncoding;
  publicText: string;
  url: string;
  /** A JWK Set fetched from a URL, used as long as the box still holds it. */
  fetched?: { text: string; jwks: { keys: JsonWebKey[] }; source: string };
}

export const EMPTY_DRAFT: KeyDraft = { secret: '', encoding: 'utf8', publicText: '', url: '' };

/** HS* → secret, RS/PS/ES/EdDSA → public key; a form the learner picked sticks while the family stays. */
export function formFor(draft: KeyDraft, family: KeyFamily | undefined): KeyForm {
  if (draft.chosen && draft.chosen.family === family) return draft.chosen.form;
  return family === 'key-pair' ? 'public' : 'secret';
}

/** The key material the active form holds, and the text a share link may carry (public keys only). */
export function draftMaterial(draft: KeyDraft, form: KeyForm): { m?: KeyMaterial; shareable?: string } {
  if (form === 'secret') return draft.secret === '' ? {} : { m: { kind: 'secret', text: draft.secret, encoding: draft.encoding } };
  if (draft.fetched && draft.fetched.text === draft.publicText) {
    return { m: { kind: 'jwks', jwks: draft.fetched.jwks, source: draft.fetched.source }, shareable: draft.publicText };
  }
  if (form === 'url' || draft.publicText.trim() === '') return {};
  return { m: { kind: pemOrJwk('pem', draft.publicText), text: draft.publicText }, shareable: draft.publicText };
}

/** A key left in the other box is kept for later but not used for this token: said so, never silently. */
export function unusedKeyNote(draft: KeyDraft, form: KeyForm, alg: string | undefined): string | undefined {
  const who = alg ? `"${alg}"` : 'This token';
  if (form !== 'secret' && draft.secret !== '')
    return `The shared secret you typed is kept but not used: ${who} verifies with a public key.`;
  if (form === 'secret' && draft.publicText.trim() !== '')
    return `The public key you gave is kept but not used: ${who} verifies with a shared secret.`;
  return undefined;
}
