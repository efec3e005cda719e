// A small tokenizer for COPY statements and their options: words, 'strings' ('' escapes a quote), "identifiers",
// numbers and punctuation. Comments are not part of COPY options, so they are not recognised here.

/** One token of a COPY text. */
export interface CopyToken {
  kind: 'word' | 'string' | 'identifier' | 'number' | 'punctuation';
  /** The word, the unquoted string or identifier, the number's digits, or the punctuation character. */
  text: string;
  /** Offset of the token's first character in the text. */
  offset: number;
}

/**
 * Splits a COPY statement or options text into tokens.
 *
 * @example
 * tokenizeCopyText("JSON 's3://b/k' GZIP"); // { ok: true, tokens: [word JSON, string s3://b/k, word GZIP] }
 */
export function tokenizeCopyText(text: string): { ok: true; tokens: CopyToken[] } | { ok: false; message: string } {
  const tokens: CopyToken[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (/\s/.test(char)) {
      i += 1;
    } else if (char === "'" || char === '"') {
      const closed = readQuoted(text, i, char);
      if (closed === undefined) return { ok: false, message: `unterminated ${char === "'" ? 'string' : 'quoted identifier'} starting at offset ${i}` };
      tokens.push({ kind: char === "'" ? 'string' : 'identifier', text: closed.value, offset: i });
      i = closed.end;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(text.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'word', text: match[0], offset: i });
      i += match[0].length;
    } else if (/[0-9]/.test(char)) {
      const match = /^[0-9]+(\.[0-9]+)?/.exec(text.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'number', text: match[0], offset: i });
      i += match[0].length;
    } else if ('(),.;'.includes(char)) {
      tokens.push({ kind: 'punctuation', text: char, offset: i });
      i += 1;
    } else {
      return { ok: false, message: `unexpected character ${JSON.stringify(char)} at offset ${i}` };
    }
  }
  return { ok: true, tokens };
}

function readQuoted(text: string, start: number, quote: string): { value: string; end: number } | undefined {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const char = text[i];
    if (char === quote) {
      if (text[i + 1] === quote) {
        value += quote;
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += char;
    i += 1;
  }
  return undefined;
}
