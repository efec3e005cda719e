// Issue messages quote the data they are about; a hostile record must not turn one into a megabyte of log line.

const maxQuote = 80;

/**
 * A value as short JSON for a message: cut at 80 characters.
 *
 * @example
 * quote('x'.repeat(1000)); // '"xxxx…' (80 characters, ending with …)
 */
export function quote(value: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  if (json === undefined) return typeof value;
  return json.length > maxQuote ? `${json.slice(0, maxQuote - 1)}…` : json;
}

/**
 * The message of a thrown value, cut at 200 characters.
 *
 * @example
 * errorText(new Error('boom')); // 'boom'
 */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
