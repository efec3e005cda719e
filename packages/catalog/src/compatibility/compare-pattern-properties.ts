// patternProperties. The same regex on both sides: its schemas are compared. A regex that appears constrains names
// that something else governed before (an overlapping pattern, the rest keyword, or a declared property it matches);
// a regex that disappears hands its names to what governs them now. Regex overlap is decided conservatively.
import { appendPointer } from '../json/pointer.js';
import type { JsonSchema, JsonSchemaObject } from '../types.js';
import type { DiffContext } from './context.js';
import { covers, mayOverlap, restGovernor, within } from './content-model.js';
import { compilePattern, schemaMapAt } from './keywords.js';
import { consequence } from './messages.js';
import type { Cursor } from './schema-side.js';

const asObject = (cursor: Cursor): JsonSchemaObject => (typeof cursor.node === 'object' ? cursor.node : {});

export function comparePatternProperties(context: DiffContext, o: Cursor, n: Cursor, at: string): void {
  const px = schemaMapAt(asObject(o), 'patternProperties');
  const py = schemaMapAt(asObject(n), 'patternProperties');
  for (const [source, schema] of Object.entries(px)) {
    const pointer = appendPointer(at, 'patternProperties', source);
    if (Object.hasOwn(py, source)) context.compare({ node: schema, side: o.side }, { node: py[source]!, side: n.side }, pointer);
    else {
      const pattern = { node: schema, side: o.side };
      const backward = fitsWhatGovernsNow(context, pattern, n, source, px);
      const forward = context.forwardCheck(() => governedBeforeFits(context, pattern, n, source, py));
      context.emit('PATTERN_PROPERTY_REMOVED', pointer, { backward, forward, forwardType: 'PATTERN_PROPERTY_ADDED' }, `patternProperties ${JSON.stringify(source)} removed${consequence({ backward, forward }, { backward: 'what now decides those names rejects values the pattern allowed' })}`);
    }
  }
  for (const [source, schema] of Object.entries(py)) {
    if (Object.hasOwn(px, source)) continue;
    const pattern = { node: schema, side: n.side };
    const backward = governedBeforeFits(context, pattern, o, source, px);
    const forward = context.forwardCheck(() => fitsWhatGovernsNow(context, pattern, o, source, py));
    context.emit('PATTERN_PROPERTY_ADDED', appendPointer(at, 'patternProperties', source), { backward, forward, forwardType: 'PATTERN_PROPERTY_REMOVED' }, `patternProperties ${JSON.stringify(source)} added${consequence({ backward, forward }, { backward: 'names it matches held values the new pattern schema rejects' })}`);
  }
}

/** A pattern is gone from `other`'s side: do its values fit whatever governs those names in `other`? */
function fitsWhatGovernsNow(context: DiffContext, pattern: Cursor, other: Cursor, source: string, ownPatterns: Record<string, JsonSchema>): boolean {
  const overlapping = Object.entries(schemaMapAt(asObject(other), 'patternProperties')).filter(([s]) => !Object.hasOwn(ownPatterns, s) && mayOverlap(s, source));
  return overlapping.every(([, s]) => context.isSubschema(pattern, { node: s, side: other.side })) && within(context, pattern, restGovernor(other));
}

/** A pattern is new relative to `other`: did whatever governed its names in `other` only allow values it accepts? */
function governedBeforeFits(context: DiffContext, pattern: Cursor, other: Cursor, source: string, otherPatterns: Record<string, JsonSchema>): boolean {
  const node = asObject(other);
  const regex = compilePattern(source);
  const declared = Object.entries(schemaMapAt(node, 'properties')).filter(([name]) => regex?.test(name) ?? true);
  const overlapping = Object.entries(otherPatterns).filter(([s]) => s !== source && mayOverlap(s, source));
  return (
    declared.every(([, s]) => context.isSubschema({ node: s, side: other.side }, pattern)) &&
    overlapping.every(([, s]) => context.isSubschema({ node: s, side: other.side }, pattern)) &&
    covers(context, restGovernor(other), pattern)
  );
}
