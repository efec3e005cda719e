// One `<entity>_facts` table: the shared fact columns, then the value columns of every fact version of the entity.
import { factTableName, type EntityDefinition, type FactDefinition, type Problem } from '@factline/catalog';
import { flattenSchema } from './flatten.js';
import { encodingFor, factDistKey, factSortKey } from './physical-design.js';
import { sharedColumns } from './shared-columns.js';
import { shapeOf } from './type-mapping.js';
import type { LogicalType, WarehouseColumn, WarehouseTable } from './types.js';

const error = (file: string, pointer: string, rule: string, message: string): Problem => ({ file, pointer, rule, severity: 'error', message });

function entityIdType(entity: EntityDefinition, problems: Problem[]): LogicalType {
  const shape = shapeOf(entity.document.resolved);
  if (shape.kind === 'column' && shape.type.kind !== 'json' && !shape.nullable) return shape.type;
  const why = shape.kind === 'column' && shape.type.kind !== 'json' ? 'admits null' : 'is not one scalar type';
  problems.push(error(entity.document.file, '', 'warehouse-entity-id', `the id schema of ${entity.name} ${why}; entity_id is the NOT NULL distribution key, so make it a string, uuid or integer`));
  return { kind: 'varchar', bytes: 256 };
}

function valueComment(fact: FactDefinition, path: readonly string[], description: string | undefined): string {
  const label = `${fact.type} v${fact.version}`;
  if (description !== undefined) return `${label}: ${description}`;
  const inner = path.slice(1).join('.');
  return inner === '' ? `${label}: ${fact.document.description ?? fact.document.title ?? 'the value'}` : `${label}: ${inner}`;
}

function valueColumns(fact: FactDefinition, problems: Problem[]): WarehouseColumn[] {
  const { columns, issues } = flattenSchema(fact.document.resolved, { baseName: fact.valueKey, basePath: [fact.valueKey] });
  for (const issue of issues) problems.push(error(fact.document.file, issue.pointer, issue.rule, issue.message));
  return columns.map((column) => ({
    name: column.name,
    type: column.type,
    // One row holds one fact, so every other fact's columns are NULL on it: value columns are always nullable.
    nullable: true,
    encoding: encodingFor(column.type, false),
    jsonPath: column.path,
    comment: valueComment(fact, column.path, column.description),
    origin: { kind: 'value', fact: fact.type, version: fact.version, file: fact.document.file, pointer: column.pointer, requiredInFact: !column.nullable },
  }));
}

/**
 * The fact table of an entity, in catalog order (facts by type then version, properties in schema order). Problems
 * (collisions and the like) are appended to `problems`; the table is returned regardless, for reporting.
 *
 * @example
 * const problems: Problem[] = [];
 * const table = buildFactTable(catalog.entities[0], problems);
 */
export function buildFactTable(entity: EntityDefinition, problems: Problem[]): WarehouseTable {
  const columns: WarehouseColumn[] = sharedColumns.map((shared) => {
    const type = shared.type ?? entityIdType(entity, problems);
    return { name: shared.name, type, nullable: false, encoding: encodingFor(type, shared.name === factSortKey[0]), jsonPath: [shared.name], comment: shared.comment, origin: { kind: 'shared' } };
  });
  const byName = new Map(columns.map((c) => [c.name, c]));
  for (const fact of entity.facts) {
    for (const column of valueColumns(fact, problems)) {
      const other = byName.get(column.name);
      if (other === undefined) {
        byName.set(column.name, column);
        columns.push(column);
        continue;
      }
      const origin = column.origin.kind === 'value' ? column.origin : undefined;
      const first = other.origin.kind === 'value' ? `${other.origin.fact} v${other.origin.version} at "${other.origin.pointer || '/'}"` : `the shared column ${other.name}`;
      problems.push(
        error(fact.document.file, origin?.pointer ?? '', 'warehouse-column-collision', `the column "${column.name}" of ${factTableName(entity.name)} would hold both ${first} and ${fact.type} v${fact.version} at "${origin?.pointer || '/'}"; rename the property or the fact (factline never renames a column silently)`),
      );
    }
  }
  const title = entity.document.description ?? entity.document.title;
  return {
    name: factTableName(entity.name),
    entity: entity.name,
    comment: `Facts of ${entity.name}: one row per fact, append-only.${title ? ` ${title}` : ''}`,
    columns,
    distKey: factDistKey,
    sortKey: [...factSortKey],
    sources: [entity.document.file, ...entity.facts.map((f) => f.document.file)],
  };
}
