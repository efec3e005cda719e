// Every problem id the warehouse checks report, with its rationale (for docs/rules.md and `factline check`).
import type { Severity } from '@factline/catalog';

/**
 * One warehouse check, as docs list it.
 *
 * @example
 * const ids = warehouseRules.map((r: WarehouseRule) => r.id);
 */
export interface WarehouseRule {
  id: string;
  severity: Severity;
  summary: string;
  rationale: string;
}

/**
 * The checks `checkWarehouse` runs. Every one is an error: generation refuses while any is reported.
 *
 * @example
 * for (const rule of warehouseRules) console.log(rule.id, rule.summary);
 */
export const warehouseRules: readonly WarehouseRule[] = [
  {
    id: 'warehouse-column-collision',
    severity: 'error',
    summary: 'No two values of one entity land in the same column once snake_cased and flattened.',
    rationale:
      'Columns are the snake_case of value keys and property paths, so `nightly_price.amountMinor` and a fact `nightly_price_amount_minor` ' +
      'would share a column, and so would a fact named like a shared column (`entity_id`). Renaming one silently would load data where ' +
      'analysts do not expect it; factline refuses and names both sides.',
  },
  { id: 'warehouse-column-name', severity: 'error', summary: 'Every property name has a letter or digit.', rationale: 'A property named only with symbols has no snake_case form to name its column.' },
  {
    id: 'warehouse-jsonpath',
    severity: 'error',
    summary: 'No property name contains a single quote.',
    rationale: "COPY reads values through JSONPaths expressions such as `$['a']['b']`; Redshift has no escape for a quote inside a name.",
  },
  { id: 'warehouse-identifier-length', severity: 'error', summary: 'Table and column names are at most 127 bytes.', rationale: 'Redshift rejects longer identifiers; a deeply nested property path can exceed it.' },
  { id: 'warehouse-column-count', severity: 'error', summary: 'A fact table has at most 1,600 columns.', rationale: 'Redshift allows 1,600 columns per table. Split the entity or store a large object as one JSON value.' },
  {
    id: 'warehouse-entity-id',
    severity: 'error',
    summary: "An entity's id schema is one non-null scalar (a string, a uuid, an integer).",
    rationale: 'entity_id is the distribution key and is never NULL; Redshift cannot distribute on SUPER, and a NULL id places facts on no entity.',
  },
  {
    id: 'warehouse-type-name-length',
    severity: 'error',
    summary: 'Fact and event types are at most 128 bytes.',
    rationale: 'fact_type and event_type are VARCHAR(128) columns (the envelope limits event types to 128 characters).',
  },
  { id: 'warehouse-stream-name', severity: 'error', summary: 'Delivery stream names fit Firehose: [a-zA-Z0-9_.-], 1 to 64 characters.', rationale: 'The stream name is the config prefix plus the entity name; Firehose refuses anything longer.' },
  {
    id: 'warehouse-migration',
    severity: 'error',
    summary: 'A schema change is one the warehouse can follow in place: a new column, a wider VARCHAR, a new comment.',
    rationale:
      'Redshift cannot change a column type (other than widening a VARCHAR), narrow a column, or make existing rows NOT NULL, and a fact ' +
      'table is never dropped. Such a change is refused with the ways out: a new fact version (a new column), or a new property.',
  },
  {
    id: 'warehouse-state',
    severity: 'error',
    summary: 'generated/warehouse-state.json is the file factline generated last.',
    rationale: 'Migrations are computed against it; a hand-edited or damaged state would produce migrations that do not match the warehouse.',
  },
  {
    id: 'views-column-collision',
    severity: 'error',
    summary: 'No value column is named like a column the generated views add (is_active, first_occurred_at, last_occurred_at, valid_from, valid_to, …).',
    rationale:
      'The generated `<entity>_current` and `<entity>_history` views add their own columns next to the value columns. A fact named like one of ' +
      'them would make the view ambiguous or hide a value, so the fact (or its property) must be renamed.',
  },
  {
    id: 'views-identifier-length',
    severity: 'error',
    summary: 'Every generated view name fits Redshift identifiers (127 bytes).',
    rationale: 'Redshift refuses longer names; `<entity>_current` and `<entity>_history` add a suffix to the entity name, so a very long entity name must be shortened.',
  },
];
