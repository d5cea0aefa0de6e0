import { invalidScope } from '../errors';
import type { ClientConfig, Realm } from '../../realms/types';

/** RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ), space-delimited. */
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

/** Parses a `scope` parameter; undefined when it was not sent. Duplicates collapse. */
export function parseScope(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const tokens = value.split(' ');
  if (tokens.some((t) => !SCOPE_TOKEN.test(t))) {
    throw invalidScope('The scope must be scope tokens separated by single spaces (RFC 6749 §3.3).');
  }
  return [...new Set(tokens)];
}

/** Every requested scope must exist in the realm and be allowed for the client (RFC 6749 §5.2 invalid_scope). */
export function checkClientScope(realm: Realm, client: ClientConfig, requested: string[]): void {
  const unknown = requested.find((s) => !Object.hasOwn(realm.scopes, s) || !client.scopes.includes(s));
  if (unknown !== undefined) throw invalidScope(`The scope "${unknown.slice(0, 40)}" is unknown or not allowed for this client.`);
}

/** RFC 6749 §6: a refresh request may narrow the scope but "MUST NOT include any scope not originally granted". */
export function narrowScope(granted: string[], requested: string[] | undefined): string[] {
  if (requested === undefined) return granted;
  const extra = requested.find((s) => !granted.includes(s));
  if (extra !== undefined) throw invalidScope(`The scope "${extra.slice(0, 40)}" was not granted originally (RFC 6749 §6).`);
  return requested;
}
