export { diff } from './diff.js';
export { check } from './check.js';
export { breaks, bumpFor, ChangeKind, classifyChange, directionsOf, isTransitive, requiredBump, VersionBump } from './classify.js';
export { adviceFor, ChangeCategory, ChangeType, changeTypeInfo, changeTypes, type ChangeTypeInfo } from './change-types.js';
export { CompatibilityError, CompatibilityErrorCode } from './errors.js';
export {
  CompatibilityMode,
  CompatibilityPolicy,
  type CheckOptions,
  type CheckResult,
  type Comparison,
  type CompatibilityIssue,
  type DiffOptions,
  type DiffResult,
  type Direction,
  type SchemaChange,
} from './model.js';
export { evolutionPolicies, policyChanges, PolicyChangeType, policyFor, policyLabel, type EvolutionPolicy } from './policy.js';
