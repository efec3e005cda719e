// The generated domain marks a declared fact provenByPayload only where the payload schema is the fact schema; the
// transformer then skips validating it again. Checked on the sample domain, where one pointer mapping differs.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateAll } from '@factline/codegen';

const root = path.resolve(import.meta.dirname, '../../../..');

describe('provenByPayload in the generated domain', () => {
  it('marks identical schemas and leaves out the nullable deactivation reason, constants and typed mappings', async () => {
    // Prepare
    const { files } = await generateAll(root);
    const domain = files.find((file) => file.path.endsWith('generated/domain.ts'))?.content ?? '';
    const lines = domain.split('\n').filter((line) => line.includes('{ fact: '));

    // Act
    const proven = lines.filter((line) => line.includes('provenByPayload: true'));

    // Assess
    expect(proven.length).toBe(21);
    expect(proven.every((line) => line.includes('value: { pointer:'))).toBe(true);
    expect(domain).toMatch(/fact: 'accommodation_provider\.email', version: 1, valueKey: 'email', value: \{ pointer: '\/basicInfo\/email' \}, provenByPayload: true \}/);
    // The event's reason is a non-null enum, the fact's is nullable: safe, but not the same schema, so not proven.
    expect(domain).toMatch(/fact: 'accommodation_provider\.deactivation_reason', version: 1, valueKey: 'deactivation_reason', value: \{ pointer: '\/reason' \} \}/);
  });

  it('lists, for the facts of a typed mapper, the payload places with the same schema (primitive facts only)', async () => {
    // Prepare
    const { files } = await generateAll(root);
    const domain = files.find((file) => file.path.endsWith('generated/domain.ts'))?.content ?? '';

    // Act
    const line = (fact: string) => domain.split('\n').find((l) => l.includes(`{ fact: '${fact}', version: 1, valueKey:`) && !l.includes('value: {')) ?? '';

    // Assess: both dates share one schema; the price is an object and the nights are computed, so neither is listed.
    expect(line('booking.check_in')).toContain("provenByPayloadAt: ['/checkIn', '/checkOut']");
    expect(line('booking.guests')).toContain("provenByPayloadAt: ['/guests']");
    expect(line('booking.total_price')).not.toContain('provenByPayloadAt');
    expect(line('booking.nights')).not.toContain('provenByPayloadAt');
  });
});
