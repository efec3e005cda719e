// Shared vitest settings: tests import workspace packages from their TypeScript sources
// (the "@factline/source" export condition), so running a test never needs a build first.
import { defineConfig } from 'vitest/config';

export const sourceCondition = '@factline/source';

export default defineConfig({
  resolve: { conditions: [sourceCondition, 'import', 'module', 'node', 'default'] },
  ssr: { resolve: { conditions: [sourceCondition, 'import', 'node', 'default'], externalConditions: [sourceCondition] } },
  test: {
    include: ['tests/**/*.test.ts'],
    // Guards against hangs, not speed goals: on a loaded 2-core machine some integration tests take tens of seconds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
