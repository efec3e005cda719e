// Small builders for schema files to add to a temp project.
const base = 'https://schemas.factline.dev/';

/** A fact value schema file at schemas/facts/<entity>/<name>/v<version>.json. */
export function factFile(entity: string, name: string, version: number, body: Record<string, unknown>): [string, string] {
  const relative = `facts/${entity}/${name}/v${version}.json`;
  const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: `${base}${relative}`, title: name, description: `The ${name}.`, ...body };
  return [`schemas/${relative}`, `${JSON.stringify(schema, null, 2)}\n`];
}

/** An entity file at schemas/entities/<entity>.json. */
export function entityFile(entity: string, body: Record<string, unknown> = { type: 'string', format: 'uuid' }): [string, string] {
  const relative = `entities/${entity}.json`;
  const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: `${base}${relative}`, title: entity, description: `A ${entity}.`, ...body, 'x-factline-entity': {} };
  return [`schemas/${relative}`, `${JSON.stringify(schema, null, 2)}\n`];
}
