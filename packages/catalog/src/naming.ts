// Naming rules, in one place: every package that needs a column name, a value key or a stream name asks here.
import type { ProjectConfig } from './config.js';

/**
 * snake_case as Snowplow's schema-ddl does it (`elementClasses` → `element_classes`, `HTTPCode` → `http_code`),
 * plus: any character that is not a letter or digit becomes `_`, and runs of `_` collapse.
 */
export function snakeCase(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/_+/g, '_')
    .toLowerCase();
}

export const namePattern = /^[a-z][a-z0-9_]*$/;

/** The key a fact line carries its value under: `email` for version 1, `email_v2` for version 2. */
export function factValueKey(factName: string, version: number): string {
  return version === 1 ? factName : `${factName}_v${version}`;
}

/** `accommodation_provider` → `factline-accommodation-provider` (Firehose names allow `[a-zA-Z0-9_.-]{1,64}`). */
export function deliveryStreamName(entity: string, config: Pick<ProjectConfig, 'streams'>): string {
  return `${config.streams.namePrefix}${entity.replace(/_/g, '-')}`;
}

export const deliveryStreamNamePattern = /^[a-zA-Z0-9_.-]{1,64}$/;

/** The fact table of an entity. */
export function factTableName(entity: string): string {
  return `${entity}_facts`;
}

/** PascalCase for type names: `accommodation_provider.basic_info_updated` → `AccommodationProviderBasicInfoUpdated`. */
export function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** Splits `entity.name` into its parts; undefined when it is not of that form. */
export function splitTypeName(type: string): { entity: string; name: string } | undefined {
  const match = /^([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)$/.exec(type);
  return match ? { entity: match[1]!, name: match[2]! } : undefined;
}
