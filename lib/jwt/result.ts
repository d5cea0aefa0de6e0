/** Where in the input an error was found, so the UI can point at it. */
export type JwtWhere =
  'token' | 'header' | 'payload' | 'signature' | 'encrypted_key' | 'iv' | 'ciphertext' | 'tag' | 'key' | 'jwks' | 'claims' | 'editor';

export interface JwtError {
  /** Stable code callers switch on (never on the message). */
  code: string;
  /** Plain words for a person. */
  message: string;
  where: JwtWhere;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: JwtError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: string, message: string, where: JwtWhere): Result<T> {
  return { ok: false, error: { code, message, where } };
}
