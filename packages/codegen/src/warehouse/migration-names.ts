// Names of migration files: `NNNN-<slug>.sql`, numbered after the last one, with a slug that says what changes.
import type { WarehouseChange } from './plan.js';
import type { WarehouseColumn } from './types.js';

const slugify = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');

export function migrationFileName(number: number, slug: string): string {
  return `${String(number).padStart(4, '0')}-${slugify(slug) || 'change'}.sql`;
}

/** The number in `0007-add-x.sql`. */
export function migrationNumber(name: string): number {
  return Number(/^([0-9]{4})-/.exec(name)?.[1] ?? 0);
}

const entityOf = (change: WarehouseChange) => change.table.entity ?? change.table.name;

function factKey(column: WarehouseColumn): string | undefined {
  return column.origin.kind === 'value' ? `${column.origin.fact}@${column.origin.version}` : undefined;
}

function additionSlug(adds: Extract<WarehouseChange, { kind: 'add-column' }>[]): string {
  const groups = new Map<string, typeof adds>();
  for (const add of adds) {
    const key = `${add.table.name}:${factKey(add.column) ?? add.column.name}`;
    groups.set(key, [...(groups.get(key) ?? []), add]);
  }
  const [first] = groups.values();
  const one = first![0]!;
  let slug: string;
  if (one.column.origin.kind === 'value') {
    const { fact, version } = one.column.origin;
    const name = fact.slice(fact.indexOf('.') + 1);
    const ofFact = one.table.columns.filter((c) => factKey(c) === factKey(one.column)).length;
    const wholeFact = ofFact === first!.length;
    slug = wholeFact ? `add-${entityOf(one)}-${name}${version > 1 ? `-v${version}` : ''}` : first!.length === 1 ? `add-${entityOf(one)}-${one.column.name}` : `extend-${entityOf(one)}-${name}`;
  } else {
    slug = `add-${entityOf(one)}-${one.column.name}`;
  }
  return groups.size > 1 ? `${slug}-and-${groups.size - 1}-more` : slug;
}

/**
 * The slug of a transactional migration: tables created, else columns added, else comments; `-and-more` when a
 * migration does several kinds of things.
 *
 * @example
 * transactionalSlug([{ kind: 'add-column', table, column: nights }]); // 'add-booking-nights'
 */
export function transactionalSlug(changes: readonly WarehouseChange[]): string {
  const creates = changes.filter((c) => c.kind === 'create-table');
  const adds = changes.filter((c): c is Extract<WarehouseChange, { kind: 'add-column' }> => c.kind === 'add-column');
  const kinds = new Set(changes.map((c) => (c.kind === 'comment-column' ? 'comment-table' : c.kind)));
  let slug: string;
  if (creates.length > 0) slug = `create-${entityOf(creates[0]!)}-facts${creates.length > 1 ? `-and-${creates.length - 1}-more` : ''}`;
  else if (adds.length > 0) slug = additionSlug(adds);
  else slug = `comment-${entityOf(changes[0]!)}`;
  return kinds.size > 1 ? `${slug}-and-more` : slug;
}
