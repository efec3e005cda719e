// Every generator `factline generate` runs. A new output registers here.
import { catalogDocsGenerator } from './docs/catalog-docs-generator.js';
import { rulesDocsGenerator } from './docs/rules-docs-generator.js';
import type { Generator } from './generator.js';
import { domainGenerator } from './typescript/domain-generator.js';
import { typesGenerator } from './typescript/types-generator.js';
import { validatorsGenerator } from './typescript/validators-generator.js';
import { viewsGenerator } from './views/generators.js';
import { warehouseGenerators } from './warehouse/generators.js';

export const generators: readonly Generator[] = [typesGenerator, validatorsGenerator, domainGenerator, catalogDocsGenerator, rulesDocsGenerator, ...warehouseGenerators, viewsGenerator];
