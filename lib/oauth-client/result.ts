/** Errors are values at the UI edge (STYLE.md): a stable code, a plain message, and where it happened. */
export interface ClientError {
  code: string;
  message: string;
  where: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: ClientError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, message: string, where: string): { ok: false; error: ClientError } => ({
  ok: false,
  error: { code, message, where },
});
