// Splitting raw source backup text into events: newline-terminated, back to back, pretty-printed, and junk kept as
// a bad event (so the transformer reports it) instead of being skipped.
import { describe, expect, it } from 'vitest';
import { splitRawEvents } from '@factline/recovery';

describe('splitRawEvents', () => {
  it.each([
    ['newline-terminated records', '{"a":1}\n{"a":2}\n', ['{"a":1}', '{"a":2}']],
    ['records without a delimiter', '{"a":1}{"a":2}', ['{"a":1}', '{"a":2}']],
    ['braces and quotes inside strings', '{"a":"}{\\"x"}\n{"b":"]"}', ['{"a":"}{\\"x"}', '{"b":"]"}']],
    ['a pretty-printed envelope', '{\n  "a": {\n    "b": 1\n  }\n}\n{"c":2}\n', ['{\n  "a": {\n    "b": 1\n  }\n}', '{"c":2}']],
    ['junk between events, kept as an event', '{"a":1}\nnot json\n{"a":2}', ['{"a":1}', 'not json', '{"a":2}']],
    ['a truncated last event', '{"a":1}\n{"a":', ['{"a":1}', '{"a":']],
    ['nothing but blanks', ' \n\n', []],
  ])('reads %s', (_, text, want) => {
    expect(splitRawEvents(text).map((e) => e.text)).toEqual(want);
  });

  it('numbers the events and gives the line each starts on', () => {
    expect(splitRawEvents('{"a":1}\n\n{\n"b":2\n}\n{"c":3}').map((e) => [e.index, e.line])).toEqual([
      [0, 1],
      [1, 3],
      [2, 6],
    ]);
  });
});
