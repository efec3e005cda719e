import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, generate, generatedProject, removeProject } from '../support/project.js';
import { resourcesOfType, synthesize, type Synthesized } from '../support/synth.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const base = 'https://schemas.factline.dev/';
const schema = (id: string, body: Json) => ({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: `${base}${id}`, ...body });

/** A new entity with one fact and one event, written the way a team adds one to schemas/. */
async function addReviewEntity(root: string): Promise<void> {
  const write = async (relative: string, body: Json) => {
    const file = path.join(root, 'schemas', relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(body, null, 2)}\n`);
  };
  await write('entities/review.json', schema('entities/review.json', { title: 'Review', description: 'A tenant’s review of a stay. Identified by a UUID.', type: 'string', format: 'uuid', 'x-factline-entity': {} }));
  await write('facts/review/rating/v1.json', schema('facts/review/rating/v1.json', { title: 'Rating', description: 'Stars given, 1 to 5.', type: 'integer', minimum: 1, maximum: 5 }));
  await write(
    'events/review/submitted/v1.json',
    schema('events/review/submitted/v1.json', {
      title: 'Review submitted',
      description: 'A tenant rated a stay.',
      type: 'object',
      additionalProperties: false,
      required: ['reviewId', 'rating'],
      properties: { reviewId: { description: 'Id of the review.', type: 'string', format: 'uuid' }, rating: { description: 'Stars given.', type: 'integer', minimum: 1, maximum: 5 } },
      'x-factline-mapping': { entityId: '/reviewId', facts: [{ fact: 'review.rating', version: 1, value: '/rating' }] },
    }),
  );
}

let root: string;
let before: Synthesized;
let after: Synthesized;
beforeAll(async () => {
  const generated = await generatedProject();
  before = await synthesize(generated);
  root = await copyProject(generated);
  await addReviewEntity(root);
  await generate(root);
  after = await synthesize(root);
}, 120_000);
afterAll(async () => removeProject(root));

const streamNames = (s: Synthesized) => resourcesOfType(s.template, 'AWS::KinesisFirehose::DeliveryStream').map(([, p]) => p.DeliveryStreamName as string);

describe('adding an entity to the schemas', () => {
  it('adds its delivery stream, and only that, with no hand edit', () => {
    expect(streamNames(before)).not.toContain('factline-review');
    expect(streamNames(after).sort()).toEqual([...streamNames(before), 'factline-review'].sort());
  });

  it('loads the new stream into its own fact table with the generated COPY settings', () => {
    const [, stream] = resourcesOfType(after.template, 'AWS::KinesisFirehose::DeliveryStream').find(([, p]) => p.DeliveryStreamName === 'factline-review')! as [string, Json];
    const settings = after.inputs.settings.streams.find((st) => st.entity === 'review')!;
    expect(stream.RedshiftDestinationConfiguration.CopyCommand.DataTableName).toBe('factline.review_facts');
    expect(stream.RedshiftDestinationConfiguration.CopyCommand.DataTableColumns).toBe(settings.redshift.copyCommand.dataTableColumns);
    expect(settings.redshift.copyCommand.dataTableColumns.split(',')).toContain('rating');
    expect(stream.RedshiftDestinationConfiguration.S3Configuration.Prefix).toBe('facts/review/');
  });

  it('creates its table through a new migration, its Glue table, its alarms and its producer permission', () => {
    const [[, contract]] = resourcesOfType(after.template, 'Custom::FactlineWarehouseContract') as [[string, Json]];
    const migrations = contract.Migrations as Json[];
    const statements = migrations.flatMap((m) => m.Statements as string[]);
    expect(statements.some((st) => /create table .*review_facts/i.test(st))).toBe(true);
    expect((contract.JsonPaths.Objects as Json[]).map((o) => o.Key)).toContain('jsonpaths/review_facts.json');
    expect(resourcesOfType(after.template, 'AWS::Glue::Table').map(([, p]) => (p.TableInput as Json).Name)).toContain('review_facts');
    const alarmsOnReview = resourcesOfType(after.template, 'AWS::CloudWatch::Alarm').filter(([, p]) => JSON.stringify(p.Dimensions).includes('factline-review'));
    expect(alarmsOnReview).toHaveLength(5);
    const [[, producer]] = resourcesOfType(after.template, 'AWS::IAM::ManagedPolicy').filter(([id]) => id.startsWith('ProducerPolicy')) as [[string, Json]];
    expect(producer.PolicyDocument.Statement[0].Resource).toHaveLength(streamNames(after).length);
  });
});
