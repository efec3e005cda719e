// What to write into a generation's manifest as "which transformer": the package version, and a fingerprint of the
// domain it ran with (every mapping, declared or typed), so that two generations made by different mappings differ.
import { createHash } from 'node:crypto';

/** The parts of a runtime domain (`domain` of `@factline/events`) a fingerprint reads. */
export interface DomainShape {
  events: Record<string, { type: string; version: number; entity: string; mapping: { kind: string; entityId: string; facts: readonly { fact: string; version: number; valueKey: string; value?: unknown }[]; mapper?: unknown } }>;
  facts: Record<string, { type: string; version: number; entity: string; valueKey: string }>;
}

/**
 * A short fingerprint of a domain's mappings: SHA-256 over every event's mapping (a typed mapper by its source text)
 * and every fact's value key, in key order.
 *
 * @example
 * domainFingerprint(domain); // 'sha256:3f1c…' (16 hex digits)
 */
export function domainFingerprint(domain: DomainShape): string {
  const events = Object.keys(domain.events)
    .sort()
    .map((key) => {
      const { mapping, ...event } = domain.events[key]!;
      const { mapper, ...rest } = mapping;
      return { key, ...event, mapping: rest, mapper: typeof mapper === 'function' ? mapper.toString() : null };
    });
  const facts = Object.keys(domain.facts)
    .sort()
    .map((key) => ({ key, ...domain.facts[key] }));
  return `sha256:${createHash('sha256').update(JSON.stringify({ events, facts })).digest('hex').slice(0, 16)}`;
}

/**
 * The transformer version a manifest records: `<package>@<version> domain <fingerprint>`.
 *
 * @example
 * describeTransformer({ name: '@factline/transformer', version: '0.1.0' }, domain); // '@factline/transformer@0.1.0 domain sha256:…'
 */
export function describeTransformer(pkg: { name: string; version: string }, domain: DomainShape): string {
  return `${pkg.name}@${pkg.version} domain ${domainFingerprint(domain)}`;
}
