// A fact table in the shape the generator produces for DuckDB (VARCHAR byte limits as strlen CHECKs), its
// JSONPaths file, and fact lines shaped like the transformer's output.
export const factTableDdl = `
create schema if not exists factline;
create table factline.provider_facts (
  fact_id varchar not null check (strlen(fact_id) <= 36),
  entity_id varchar not null check (strlen(entity_id) <= 36),
  fact_type varchar not null check (strlen(fact_type) <= 128),
  fact_version smallint not null,
  occurred_at timestamptz not null,
  recorded_at timestamptz not null,
  event_id varchar not null check (strlen(event_id) <= 36),
  event_type varchar not null check (strlen(event_type) <= 128),
  event_version smallint not null,
  email varchar check (strlen(email) <= 16),
  nightly_price_amount_minor bigint,
  nightly_price_currency varchar check (strlen(nightly_price_currency) <= 3),
  rating decimal(3,2),
  score double,
  active boolean,
  tags varchar check (strlen(tags) <= 64),
  details json,
  "timestamp" timestamp
);`;

export const factJsonPaths = {
  jsonpaths: [
    '$.fact_id', '$.entity_id', '$.fact_type', '$.fact_version', '$.occurred_at', '$.recorded_at', '$.event_id', '$.event_type', '$.event_version',
    '$.email', '$.nightly_price.amountMinor', '$.nightly_price.currency', '$.rating', '$.score', '$.active', '$.tags', '$.details', "$.timestamp",
  ],
};

export const jsonPathsKey = 'jsonpaths/provider_facts.json';

let counter = 0;

/** One fact line (without its newline); `overrides` replace or add keys, `undefined` removes one. */
export function fact(overrides: Record<string, unknown> = {}): string {
  counter += 1;
  const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  const base: Record<string, unknown> = {
    fact_id: id,
    entity_id: '11111111-1111-4111-8111-111111111111',
    fact_type: 'accommodation_provider.email',
    fact_version: 1,
    occurred_at: '2026-05-01T10:00:00.000Z',
    recorded_at: '2026-05-01T10:00:01.234Z',
    event_id: '22222222-2222-4222-8222-222222222222',
    event_type: 'accommodation_provider.basic_info_updated',
    event_version: 1,
    email: 'ana@example.com',
  };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete base[key];
    else base[key] = value;
  }
  return JSON.stringify(base);
}

export function lines(...facts: string[]): string {
  return facts.map((f) => `${f}\n`).join('');
}
