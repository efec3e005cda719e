// Shared vitest settings: tests import workspace packages from their TypeScript sources
// (the "@factline/source" export condition), so running a test never needs a build first.
import { defineConfig } from 'vitest/config';

export const sourceCondition = '@factline/source';

export default defineConfig({
  resolve: { conditions: [sourceCondition, 'import', 'module', 'node', 'default'] },
  ssr: { resolve: { conditions: [sourceCondition, 'import', 'node', 'default'], externalConditions: [sourceCondition] } },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
