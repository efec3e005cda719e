// The TypeScript names of generated types, decided in one place so every printer agrees.
import { pascalCase, type Catalog } from '@factline/catalog';
import { CodegenError, CodegenErrorCode } from '../errors.js';

export const envelopeTypeName = 'EventEnvelopeV1';
export const commonTypeName = (name: string) => pascalCase(name);
export const entityIdTypeName = (entity: string) => `${pascalCase(entity)}Id`;
// Entity and name are joined by `_` so that `accommodation.provider` (a fact of accommodation) can never read like a
// fact of the entity `accommodation_provider`: Accommodation_ProviderValueV1 vs AccommodationProvider_NameValueV1.
const qualified = (type: string) => type.split('.').map(pascalCase).join('_');
export const eventTypeName = (type: string, version: number) => `${qualified(type)}V${version}`;
export const factTypeName = (type: string, version: number) => `${qualified(type)}ValueV${version}`;

/** Validator export names in validators.ts. */
export const envelopeValidatorName = 'validateEnvelopeV1';
export const eventValidatorName = (type: string, version: number) => `validateEvent_${type.replace('.', '__')}_v${version}`;
export const factValidatorName = (type: string, version: number) => `validateFact_${type.replace('.', '__')}_v${version}`;

/** Every type name by schema $id; fails when two schemas would get the same name. */
export function typeNamesById(catalog: Catalog): Map<string, string> {
  const names = new Map<string, string>();
  const owners = new Map<string, string>();
  const add = (id: string, name: string, file: string) => {
    const other = owners.get(name);
    if (other !== undefined) {
      throw new CodegenError(CodegenErrorCode.nameCollision, `${file} and ${other} would both generate the TypeScript type ${name}; rename one of them`);
    }
    owners.set(name, file);
    names.set(id, name);
  };
  if (catalog.envelope) add(catalog.envelope.id, envelopeTypeName, catalog.envelope.file);
  for (const common of catalog.commons) add(common.id, commonTypeName(common.file.replace(/^.*\/(.*)\.json$/, '$1')), common.file);
  for (const entity of catalog.entities) add(entity.document.id, entityIdTypeName(entity.name), entity.document.file);
  for (const event of catalog.events) add(event.document.id, eventTypeName(event.type, event.version), event.document.file);
  for (const fact of catalog.facts) add(fact.document.id, factTypeName(fact.type, fact.version), fact.document.file);
  return names;
}
