// Parses JSON text strictly (no comments, no trailing commas) while keeping a syntax tree, so that
// every problem can be reported with a line and column as well as a JSON Pointer.
import jsonc from 'jsonc-parser';
import { parsePointer } from './pointer.js';

export interface TextPosition {
  line: number; // 1-based
  column: number; // 1-based
}

export interface ParsedJson {
  value: unknown;
  /** Where the node at a pointer starts in the text (or its nearest existing ancestor). */
  positionOf(pointer: string): TextPosition | undefined;
}

export type JsonParseResult =
  | { ok: true; json: ParsedJson }
  | { ok: false; message: string; position: TextPosition };

export function offsetToPosition(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function parseJsonText(text: string): JsonParseResult {
  const errors: jsonc.ParseError[] = [];
  const tree = jsonc.parseTree(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  const first = errors[0];
  if (first !== undefined || tree === undefined) {
    const offset = first?.offset ?? 0;
    const reason = first ? describeParseError(first.error) : 'the file is empty';
    return { ok: false, message: `invalid JSON: ${reason}`, position: offsetToPosition(text, offset) };
  }
  // jsonc-parser is lenient about a few things JSON.parse rejects; JSON.parse has the last word.
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `invalid JSON: ${(error as Error).message}`, position: { line: 1, column: 1 } };
  }
  return {
    ok: true,
    json: {
      value,
      positionOf(pointer) {
        const parsed = parsePointer(pointer);
        if (!parsed.ok) return undefined;
        const path: (string | number)[] = [];
        let node: jsonc.Node | undefined = tree;
        for (const token of parsed.tokens) {
          const step: string | number = node?.type === 'array' ? Number(token) : token;
          const next = jsonc.findNodeAtLocation(tree, [...path, step]);
          if (next === undefined) break;
          path.push(step);
          node = next;
        }
        // For a property, point at its key rather than its value: that is where a reader looks.
        const target = node?.parent?.type === 'property' ? node.parent : node;
        return target ? offsetToPosition(text, target.offset) : undefined;
      },
    },
  };
}

function describeParseError(code: jsonc.ParseErrorCode): string {
  const names: Record<number, string> = {
    1: 'invalid symbol',
    2: 'invalid number format',
    3: 'a property name was expected',
    4: 'a value was expected',
    5: 'a colon was expected',
    6: 'a comma was expected',
    7: 'a closing brace "}" was expected',
    8: 'a closing bracket "]" was expected',
    9: 'the end of the file was expected',
    10: 'invalid comment token',
    11: 'unexpected end of comment',
    12: 'unexpected end of string',
    13: 'unexpected end of number',
    14: 'invalid unicode escape',
    15: 'invalid escape character',
    16: 'invalid character',
  };
  return names[code] ?? jsonc.printParseErrorCode(code);
}
