export const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]>;
export const NO_FRAMING_HEADERS: ReadonlyArray<readonly [string, string]>;
export const NO_FRAMING_SOURCE: string;
export function siteHeaders(path: string): ReadonlyArray<readonly [string, string]>;
