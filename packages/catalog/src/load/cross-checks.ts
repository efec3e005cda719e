// Checks that span documents: lifecycles, relationship facts, mappings.
import { checkEventMapping } from '../mapping/check-mapping.js';
import type { ValueCheck } from '../mapping/assignability.js';
import { assignabilityIssues } from '../mapping/assignability.js';
import { redshiftReservedWords } from '../lint/redshift-reserved-words.js';
import type { Problem } from '../problems.js';
import { isSchemaObject } from '../schema/walk.js';
import { versionKey, type Catalog, type FactDefinition } from '../types.js';

export function crossCheck(catalog: Catalog, check: ValueCheck, problems: Problem[]): void {
  const report = (file: string, pointer: string, rule: string, message: string) => problems.push({ file, pointer, rule, severity: 'error', message });
  const facts = new Map<string, FactDefinition>(catalog.facts.map((f) => [versionKey(f.type, f.version), f]));
  const entities = new Map(catalog.entities.map((e) => [e.name, e]));

  if (catalog.envelope === undefined) report('schemas/envelope/v1.json', '', 'missing-envelope', 'there is no envelope schema; every event travels in it (see docs/architecture.md)');

  for (const entity of catalog.entities) {
    const lifecycle = entity.lifecycle;
    if (!lifecycle) continue;
    const at = '/x-factline-entity/lifecycle/fact';
    const versions = entity.facts.filter((f) => f.type === lifecycle.fact);
    if (versions.length === 0) {
      report(entity.document.file, at, 'entity-lifecycle', `"${lifecycle.fact}" is not a fact of ${entity.name}`);
      continue;
    }
    for (const fact of versions) {
      const values = fact.document.resolved['enum'];
      if (!Array.isArray(values)) {
        report(entity.document.file, at, 'entity-lifecycle', `${fact.type} v${fact.version} must be a string enum to carry a lifecycle`);
        continue;
      }
      for (const value of [...lifecycle.inactive, ...lifecycle.deleted]) {
        if (!values.includes(value)) report(entity.document.file, '/x-factline-entity/lifecycle', 'entity-lifecycle', `"${value}" is not a value of ${fact.type} v${fact.version} (${JSON.stringify(values)})`);
      }
    }
  }

  for (const fact of catalog.facts) {
    // A scalar fact's column is its value key alone; an object's columns are prefixed with it.
    const isObject = isSchemaObject(fact.document.resolved['properties']);
    const severity = catalog.config.lint.rules['reserved-word'] ?? 'warning';
    if (!isObject && severity !== 'off' && redshiftReservedWords.has(fact.valueKey)) {
      problems.push({
        file: fact.document.file,
        pointer: '',
        rule: 'reserved-word',
        severity,
        message: `the fact ${fact.type} becomes the column "${fact.valueKey}", a Redshift reserved word that every query must quote; choose another name`,
      });
    }
    if (fact.references === undefined) continue;
    const target = entities.get(fact.references);
    if (!target) {
      report(fact.document.file, '/x-factline-references', 'fact-references', `no entity "${fact.references}" to reference (entities: ${[...entities.keys()].join(', ')})`);
      continue;
    }
    for (const reason of assignabilityIssues(fact.document.resolved, target.document.resolved, check)) {
      report(fact.document.file, '/x-factline-references', 'fact-references', `a ${fact.type} value is not a valid ${target.name} id: ${reason}`);
    }
  }

  // An event whose $refs do not resolve has an incomplete schema; its mapping would only report the same cause again.
  const unresolved = new Set(problems.filter((p) => p.rule === 'ref-unresolved').map((p) => p.file));
  for (const event of catalog.events) {
    if (unresolved.has(event.document.file)) continue;
    const entityDocument = entities.get(event.entity)?.document;
    for (const issue of checkEventMapping({ event, facts, entityDocument, check })) report(event.document.file, issue.pointer, issue.rule, issue.message);
  }
}

