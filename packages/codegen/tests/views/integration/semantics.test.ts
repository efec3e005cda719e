// The generated views, executed in DuckDB over facts written by hand: which facts count, which value is current,
// how long each value held, what the lifecycle does, and what the as-of query and macro answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuck, type Duck, type Fact } from '../support/duck.js';
import { generatedProject, type GeneratedProject } from '../support/project.js';

const id = (kind: string, n: number) => `00000000-0000-7000-8000-${kind.padStart(4, '0')}${String(n).padStart(8, '0')}`;
const member = (n: number) => id('1', n);
const event = (n: number) => id('2', n);
const fact = (n: number) => id('3', n);
const club = (n: number) => id('4', n);
const at = (hhmm: string, day = '2026-01-10') => `${day} ${hhmm}:00+00`;

function memberFact(n: number, entity: number, eventN: number, occurred: string, recorded: string, type: string, values: Record<string, unknown>, version = 1): Fact {
  return { fact_id: fact(n), entity_id: member(entity), fact_type: `member.${type}`, fact_version: version, occurred_at: occurred, recorded_at: recorded, event_id: event(eventN), ...values };
}

const facts: Fact[] = [
  // Member 1: signs up, renames (delivered twice), clears the note, is suspended (state v2), switches to nickname v2.
  memberFact(1, 1, 1, at('10:00'), at('10:01'), 'state', { state: 'active' }),
  memberFact(2, 1, 1, at('10:00'), at('10:01'), 'nickname', { nickname: 'ana' }),
  memberFact(3, 1, 1, at('10:00'), at('10:01'), 'verified', { verified: false }),
  memberFact(4, 1, 1, at('10:00'), at('10:01'), 'tags', { tags: ['chess', 'go'] }),
  memberFact(5, 1, 1, at('10:00'), at('10:01'), 'order', { order: 1 }),
  memberFact(6, 1, 1, at('10:00'), at('10:01'), 'club', { club: club(1) }),
  memberFact(7, 1, 1, at('10:00'), at('10:01'), 'note', { note: 'hello' }),
  memberFact(8, 1, 2, at('11:00'), at('11:01'), 'nickname', { nickname: 'Ana B' }),
  memberFact(8, 1, 2, at('11:00'), at('11:07'), 'nickname', { nickname: 'Ana B' }),
  memberFact(8, 1, 2, at('11:00'), at('11:07'), 'nickname', { nickname: 'Ana B' }),
  memberFact(9, 1, 3, at('12:00'), at('12:01'), 'note', { note: null }),
  memberFact(10, 1, 4, at('13:00'), at('13:01'), 'state', { state_v2: 'suspended' }, 2),
  memberFact(11, 1, 5, at('14:00'), at('14:01'), 'nickname', { nickname_v2_display: 'Ana', nickname_v2_handle: 'ana' }, 2),
  // Member 2: erased.
  memberFact(12, 2, 6, at('10:00'), at('10:01'), 'state', { state: 'active' }),
  memberFact(13, 2, 6, at('10:00'), at('10:01'), 'nickname', { nickname: 'bo' }),
  memberFact(14, 2, 7, at('15:00'), at('15:01'), 'state', { state: 'erased' }),
  // Member 3: two events at the same instant; the greater event id wins, whatever arrived first.
  memberFact(15, 3, 9, at('10:00'), at('10:01'), 'nickname', { nickname: 'second' }),
  memberFact(16, 3, 8, at('10:00'), at('10:09'), 'nickname', { nickname: 'first' }),
  // Member 4: a buggy derivation (email in the nickname, and a verified fact the fixed mapping does not make), re-derived.
  memberFact(17, 4, 10, at('10:00'), at('10:01'), 'nickname', { nickname: 'xavier@example.com' }),
  memberFact(18, 4, 10, at('10:00'), at('10:01'), 'verified', { verified: true }),
  memberFact(17, 4, 10, at('10:00'), at('09:00', '2026-02-01'), 'nickname', { nickname: 'Xavier' }),
];

describe('the generated views in DuckDB', () => {
  let project: GeneratedProject;
  let duck: Duck;

  beforeAll(async () => {
    project = await generatedProject('members-project');
    duck = await openDuck(project, ['member_history', 'member_current', 'member_as_of', 'club_history', 'club_current', 'club_as_of']);
    await duck.insert('club_data.member_facts', facts);
    await duck.insert('club_data.club_facts', [{ fact_id: fact(90), entity_id: club(1), fact_type: 'club.title', occurred_at: at('09:00'), recorded_at: at('09:01'), event_id: event(90), title: 'Chess' }]);
  });
  afterAll(async () => {
    duck?.close();
    await project?.dispose();
  });

  it('show one row per entity with the latest value of every fact, leaving deleted entities out', async () => {
    // Act
    const rows = await duck.rows('SELECT * FROM club_data.member_current ORDER BY entity_id');
    // Assess
    expect(rows).toEqual([
      {
        entity_id: member(1), club: club(1), nickname: null, nickname_v2_display: 'Ana', nickname_v2_handle: 'ana', note: null, order: 1, state: null, state_v2: 'suspended',
        tags: '["chess","go"]', verified: false, is_active: false, first_occurred_at: '2026-01-10 10:00:00+00', last_occurred_at: '2026-01-10 14:00:00+00',
      },
      {
        entity_id: member(3), club: null, nickname: 'second', nickname_v2_display: null, nickname_v2_handle: null, note: null, order: null, state: null, state_v2: null,
        tags: null, verified: null, is_active: true, first_occurred_at: '2026-01-10 10:00:00+00', last_occurred_at: '2026-01-10 10:00:00+00',
      },
      {
        entity_id: member(4), club: null, nickname: 'Xavier', nickname_v2_display: null, nickname_v2_handle: null, note: null, order: null, state: null, state_v2: null,
        tags: null, verified: null, is_active: true, first_occurred_at: '2026-01-10 10:00:00+00', last_occurred_at: '2026-01-10 10:00:00+00',
      },
    ]);
  });

  it('collapse copies of a fact into one history row', async () => {
    const rows = await duck.rows(`SELECT fact_id, count(*)::INT AS n FROM club_data.member_history WHERE fact_id = '${fact(8)}' GROUP BY fact_id`);
    expect(rows).toEqual([{ fact_id: fact(8), n: 1 }]);
  });

  it('keep only the latest derivation of an event, dropping facts it no longer makes', async () => {
    const rows = await duck.rows(`SELECT fact_type, nickname, verified FROM club_data.member_history WHERE entity_id = '${member(4)}'`);
    expect(rows).toEqual([{ fact_type: 'member.nickname', nickname: 'Xavier', verified: null }]);
  });

  it('give every value the interval it held, ties ending at once', async () => {
    // Act
    const rows = await duck.rows(`SELECT entity_id, fact_type, fact_version, valid_from::VARCHAR AS valid_from, valid_to::VARCHAR AS valid_to FROM club_data.member_history WHERE fact_type IN ('member.nickname', 'member.note') AND entity_id IN ('${member(1)}', '${member(3)}') ORDER BY entity_id, fact_type, valid_from, event_id`);
    // Assess
    expect(rows).toEqual([
      { entity_id: member(1), fact_type: 'member.nickname', fact_version: 1, valid_from: '2026-01-10 10:00:00+00', valid_to: '2026-01-10 11:00:00+00' },
      { entity_id: member(1), fact_type: 'member.nickname', fact_version: 1, valid_from: '2026-01-10 11:00:00+00', valid_to: '2026-01-10 14:00:00+00' },
      { entity_id: member(1), fact_type: 'member.nickname', fact_version: 2, valid_from: '2026-01-10 14:00:00+00', valid_to: null },
      { entity_id: member(1), fact_type: 'member.note', fact_version: 1, valid_from: '2026-01-10 10:00:00+00', valid_to: '2026-01-10 12:00:00+00' },
      { entity_id: member(1), fact_type: 'member.note', fact_version: 1, valid_from: '2026-01-10 12:00:00+00', valid_to: null },
      { entity_id: member(3), fact_type: 'member.nickname', fact_version: 1, valid_from: '2026-01-10 10:00:00+00', valid_to: '2026-01-10 10:00:00+00' },
      { entity_id: member(3), fact_type: 'member.nickname', fact_version: 1, valid_from: '2026-01-10 10:00:00+00', valid_to: null },
    ]);
  });

  it('keep a deleted entity in the history', async () => {
    const rows = await duck.rows(`SELECT state FROM club_data.member_history WHERE entity_id = '${member(2)}' AND fact_type = 'member.state' ORDER BY valid_from`);
    expect(rows).toEqual([{ state: 'active' }, { state: 'erased' }]);
  });

  it('never show recorded_at, so a re-derived run reads like a clean one', async () => {
    const columns = await duck.rows("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'club_data' AND table_name LIKE '%\\_current' ESCAPE '\\' OR table_name LIKE '%\\_history' ESCAPE '\\'");
    expect(columns.length).toBeGreaterThan(20);
    expect(columns.filter((c) => c['column_name'] === 'recorded_at')).toEqual([]);
  });

  it('answer the state as of a moment with the as-of query', async () => {
    // Prepare
    const sql = (await project.read('generated/views/duckdb/queries/member_as_of.sql')).replaceAll(':as_of', `'${at('12:30')}'`).replaceAll(':known_at', `'2030-01-01 00:00:00+00'`);
    // Act
    const rows = await duck.rows(`SELECT entity_id, nickname, note, state, is_active FROM (${sql.replace(/;\s*$/, '')}) ORDER BY entity_id`);
    // Assess
    expect(rows).toEqual([
      { entity_id: member(1), nickname: 'Ana B', note: null, state: 'active', is_active: true },
      { entity_id: member(2), nickname: 'bo', note: null, state: 'active', is_active: true },
      { entity_id: member(3), nickname: 'second', note: null, state: null, is_active: true },
      { entity_id: member(4), nickname: 'Xavier', note: null, state: null, is_active: true },
    ]);
  });

  it('answer what was known at a moment, before a re-derivation, with the as-of macro', async () => {
    const before = await duck.rows(`SELECT nickname, verified FROM club_data.member_as_of(TIMESTAMPTZ '2026-01-31 00:00:00+00', known_at := TIMESTAMPTZ '2026-01-31 00:00:00+00') WHERE entity_id = '${member(4)}'`);
    const after = await duck.rows(`SELECT nickname, verified FROM club_data.member_as_of(TIMESTAMPTZ '2026-01-31 00:00:00+00') WHERE entity_id = '${member(4)}'`);
    expect(before).toEqual([{ nickname: 'xavier@example.com', verified: true }]);
    expect(after).toEqual([{ nickname: 'Xavier', verified: null }]);
  });

  it('leave an entity out of the as-of state before its first fact', async () => {
    const rows = await duck.rows(`SELECT entity_id FROM club_data.member_as_of(TIMESTAMPTZ '2026-01-10 09:59:59+00')`);
    expect(rows).toEqual([]);
  });
});
