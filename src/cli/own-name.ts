/**
 * How deep this run is nested: 0 at the top, 1 inside one retry-run (whose attempts see
 * RETRY_RUN_DEPTH=1), and so on.
 */
export const NESTING_DEPTH = Number(process.env.RETRY_RUN_DEPTH ?? 0) || 0;

/**
 * The name retry-run's own lines start with: `retry-run`, or `retry-run[2]` inside another
 * retry-run, so that the lines of nested runs, interleaved on one stderr, can be told apart
 * (README "Nested runs").
 */
export const OWN_NAME = NESTING_DEPTH > 0 ? `retry-run[${NESTING_DEPTH + 1}]` : 'retry-run';
