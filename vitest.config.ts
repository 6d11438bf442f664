/**
 * `npm test`: every *.test.ts, then, alone, the memory-bound test (100,000 conversations, a few
 * minutes of one core), so that its load never slows the tests that measure time.
 */
import { defineConfig } from 'vitest/config';

const MEMORY_TEST = 'test/channels/memoryBound.test.ts';

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'tests', include: ['test/**/*.test.ts'], exclude: [MEMORY_TEST] } },
      { extends: true, test: { name: 'memory', include: [MEMORY_TEST], sequence: { groupOrder: 1 } } },
    ],
  },
});
