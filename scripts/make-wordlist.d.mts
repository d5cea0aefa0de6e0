export const WORDLIST_PATH: string;
export function makeWordlist(commonSecrets: readonly string[]): string[];
