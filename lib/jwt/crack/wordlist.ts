/**
 * A wordlist as bytes: UTF-8, one secret a line, `\n` or `\r\n`, empty lines skipped. Read in
 * place, so a 2 MB list costs no string per line until a secret is found.
 */

const LF = 10;
const CR = 13;

/** Walks the non-empty lines; the current one is `bytes[start, end)`, its line break excluded. */
export class WordlistCursor {
  start = 0;
  end = 0;
  private pos = 0;

  constructor(readonly bytes: Uint8Array) {}

  /** Moves to the next non-empty line; false at the end. */
  advance(): boolean {
    const bytes = this.bytes;
    const len = bytes.length;
    while (this.pos < len) {
      const start = this.pos;
      let lf = bytes.indexOf(LF, start);
      if (lf < 0) lf = len;
      this.pos = lf + 1;
      const end = lf > start && bytes[lf - 1] === CR ? lf - 1 : lf;
      if (end > start) {
        this.start = start;
        this.end = end;
        return true;
      }
    }
    return false;
  }

  text(): string {
    return new TextDecoder().decode(this.bytes.subarray(this.start, this.end));
  }
}

/** Non-empty lines, as the cracker counts guesses. */
export function countWords(bytes: Uint8Array): number {
  const cursor = new WordlistCursor(bytes);
  let n = 0;
  while (cursor.advance()) n++;
  return n;
}
