// The shared columns every fact table starts with, named exactly as docs/architecture.md fixes them (analysts and
// tools rely on these names), with the key of the fact line each one is loaded from.
import type { LogicalType } from './types.js';

export interface SharedColumn {
  name: string;
  /** Undefined for entity_id, whose type comes from the entity's id schema. */
  type: LogicalType | undefined;
  comment: string;
}

/** fact_type and event_type are `<entity>.<name>`: lower-case ASCII, at most this many bytes. */
export const typeNameMaxBytes = 128;

export const sharedColumns: readonly SharedColumn[] = [
  { name: 'fact_id', type: { kind: 'char', bytes: 36 }, comment: 'Deterministic id of the fact (a UUID-formatted hash of event id, fact type and position). A duplicate delivery has the same id.' },
  { name: 'entity_id', type: undefined, comment: 'Id of the entity the fact is about (the distribution key).' },
  { name: 'fact_type', type: { kind: 'varchar', bytes: typeNameMaxBytes }, comment: "Fact type, '<entity>.<fact>': says which value columns the row sets." },
  { name: 'fact_version', type: { kind: 'smallint' }, comment: 'Version of the fact schema the value follows.' },
  { name: 'occurred_at', type: { kind: 'timestamptz' }, comment: "When it happened in the domain: the source event's occurred_at, in UTC (leading sort key)." },
  { name: 'recorded_at', type: { kind: 'timestamptz' }, comment: 'When the fact entered the master dataset (Firehose arrival time, or the time of a re-derivation), in UTC.' },
  { name: 'event_id', type: { kind: 'char', bytes: 36 }, comment: 'Id of the event the fact was derived from.' },
  { name: 'event_type', type: { kind: 'varchar', bytes: typeNameMaxBytes }, comment: "Type of the source event, '<entity>.<event>'." },
  { name: 'event_version', type: { kind: 'smallint' }, comment: 'Version of the source event schema.' },
];
