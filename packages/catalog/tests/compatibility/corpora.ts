// Readers for the real-world corpora in ../shared/corpora (next to the repository; never copied into it).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonSchema } from '@factline/catalog';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
/** The corpora folder: FACTLINE_CORPORA when the repository is not cloned next to shared/. */
export const corpora = process.env['FACTLINE_CORPORA'] ?? path.resolve(repositoryRoot, '../shared/corpora');

export interface ApicurioCase {
  id: string;
  compatibility: 'backward' | 'both' | 'none';
  original: JsonSchema;
  updated: JsonSchema;
}

/** Apicurio Registry's 145 JSON Schema compatibility cases (Apache-2.0). */
export function apicurioCases(): ApicurioCase[] {
  const file = path.join(corpora, 'compat-apicurio/compatibility-test-data.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { tests: ApicurioCase[] }).tests;
}

export interface IgluStep {
  /** vendor/name, e.g. com.snowplowanalytics.snowplow/client_session */
  schema: string;
  from: string;
  to: string;
  /** Which part of SchemaVer MODEL-REVISION-ADDITION the step bumps. */
  bump: 'model' | 'revision' | 'addition';
  old: JsonSchema;
  new: JsonSchema;
}

const version = (name: string) => name.split('-').map(Number) as [number, number, number];

/** Every pair of consecutive versions of the same Iglu Central schema (Apache-2.0). */
export function igluSteps(): IgluStep[] {
  const root = path.join(corpora, 'iglu-central/schemas');
  const steps: IgluStep[] = [];
  for (const vendor of readdirSync(root)) {
    for (const name of readdirSync(path.join(root, vendor))) {
      const folder = path.join(root, vendor, name, 'jsonschema');
      if (!existsSync(folder)) continue; // other formats (thrift)
      const versions = readdirSync(folder).sort((a, b) => {
        const [x, y] = [version(a), version(b)];
        return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
      });
      const read = (v: string) => JSON.parse(readFileSync(path.join(folder, v), 'utf8')) as JsonSchema;
      for (let i = 1; i < versions.length; i++) {
        const [a, b] = [version(versions[i - 1]!), version(versions[i]!)];
        const bump = a[0] !== b[0] ? 'model' : a[1] !== b[1] ? 'revision' : 'addition';
        steps.push({ schema: `${vendor}/${name}`, from: versions[i - 1]!, to: versions[i]!, bump, old: read(versions[i - 1]!), new: read(versions[i]!) });
      }
    }
  }
  return steps;
}

/** Every Iglu Central schema, for robustness checks. */
export function igluSchemas(): { file: string; schema: JsonSchema }[] {
  const root = path.join(corpora, 'iglu-central/schemas');
  const out: { file: string; schema: JsonSchema }[] = [];
  for (const vendor of readdirSync(root)) {
    for (const name of readdirSync(path.join(root, vendor))) {
      const folder = path.join(root, vendor, name, 'jsonschema');
      if (!existsSync(folder)) continue;
      for (const v of readdirSync(folder)) out.push({ file: `${vendor}/${name}/${v}`, schema: JSON.parse(readFileSync(path.join(folder, v), 'utf8')) as JsonSchema });
    }
  }
  return out;
}
