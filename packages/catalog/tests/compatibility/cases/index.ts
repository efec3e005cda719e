// Every given/want table, by topic.
import { dependencyRows, objectModelRows, patternRows, propertyRows, requiredRows } from './objects.js';
import type { Row } from './row.js';
import { annotationRows, enumRows, numberRows, stringRows, typeRows } from './scalars.js';
import { arrayRows, combinatorRows, compositionRows, conditionalRows, referenceRows, refusedRows } from './structures.js';

export const tables: Record<string, Row[]> = {
  annotations: annotationRows,
  types: typeRows,
  enums: enumRows,
  strings: stringRows,
  numbers: numberRows,
  properties: propertyRows,
  required: requiredRows,
  'object models': objectModelRows,
  dependencies: dependencyRows,
  'pattern properties': patternRows,
  arrays: arrayRows,
  combinators: combinatorRows,
  conditionals: conditionalRows,
  references: referenceRows,
  composition: compositionRows,
  refused: refusedRows,
};

export const allRows: Row[] = Object.values(tables).flat();
