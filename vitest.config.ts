import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Limits catch a hang, they time nothing: an end-to-end test starts the binary a few times,
    // and on a loaded 2-core runner one start can take seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
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
