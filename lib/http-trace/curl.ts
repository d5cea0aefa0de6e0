import type { Exchange } from './types';

/** POSIX single-quote escaping: the only character that needs care inside '…' is ' itself. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The exchange's request as a curl command that works against the running app (same URL, method,
 * headers and body). Front-channel hops become a plain GET that prints the redirect (`-i`).
 */
export function toCurl(exchange: Pick<Exchange, 'request'>): string {
  const { method, url, headers, body } = exchange.request;
  const parts = ['curl -i'];
  if (method !== 'GET') parts.push(`-X ${method}`);
  parts.push(shellQuote(url));
  for (const [name, value] of Object.entries(headers)) parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (body !== undefined) parts.push(`--data-raw ${shellQuote(body)}`);
  return parts.join(' \\\n  ');
}
