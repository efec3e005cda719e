// Deployment order: every view after the views of the same deployment it reads; otherwise the order given.
import { ViewsError, viewsErrorCodes } from './errors.js';
import type { ViewDefinition } from './types.js';

/** `schema.name` (or `name`), lower case: how definitions and their dependencies are matched. */
export function qualifiedKey(view: Pick<ViewDefinition, 'schema' | 'name'>): string {
  return (view.schema === undefined ? view.name : `${view.schema}.${view.name}`).toLowerCase();
}

/**
 * Sorts definitions so that each comes after those it depends on (a stable topological sort). Throws `ViewsError`
 * for a duplicate name or a cycle.
 *
 * @example
 * const ordered = orderDefinitions([current, history]); // [history, current]
 */
export function orderDefinitions(views: readonly ViewDefinition[]): ViewDefinition[] {
  const byKey = new Map<string, ViewDefinition>();
  for (const view of views) {
    const key = qualifiedKey(view);
    const other = byKey.get(key);
    if (other !== undefined) throw new ViewsError(viewsErrorCodes.duplicate, `${key} is defined twice: in ${other.source} and in ${view.source}`, { view: key, source: view.source });
    byKey.set(key, view);
  }
  const ordered: ViewDefinition[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (view: ViewDefinition, path: string[]): void => {
    const key = qualifiedKey(view);
    if (state.get(key) === 'done') return;
    if (state.get(key) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(key)), key].join(' -> ');
      throw new ViewsError(viewsErrorCodes.dependencyCycle, `the views depend on each other in a circle: ${cycle}`, { view: key, source: view.source });
    }
    state.set(key, 'visiting');
    for (const dependency of view.dependsOn) {
      const target = byKey.get(dependency.toLowerCase());
      if (target !== undefined) visit(target, [...path, key]);
    }
    state.set(key, 'done');
    ordered.push(view);
  };
  for (const view of views) visit(view, []);
  return ordered;
}
