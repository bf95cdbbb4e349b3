import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // End-to-end tests spawn real processes; two cores cannot run many at once without
    // turning millisecond timings into noise.
    maxWorkers: 2,
    // CI asks for a JSON report too, to print one plain 'N passed, N failed' line.
    reporters: process.env.VITEST_JSON_REPORT ? ['default', 'json'] : ['default'],
    ...(process.env.VITEST_JSON_REPORT
      ? { outputFile: { json: process.env.VITEST_JSON_REPORT } }
      : {}),
  },
});
