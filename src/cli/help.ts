import { DEFAULTS } from '../shared/defaults.js';
import { formatDuration } from '../shared/duration.js';
import { EXIT_CODES } from '../shared/exit-codes.js';

const { USAGE, CIRCUIT_OPEN, TIMEOUT, INTERNAL } = EXIT_CODES;

/** Examples shown under `retry-run --help`: the commands users paste first. */
export const RUN_EXAMPLES = `
Examples:
  # Retry a flaky download with exponential backoff, at most ${DEFAULTS.maxAttempts} attempts
  retry-run --strategy exponential -- curl -fsS https://example.com/health

  # A shell pipeline, 10 attempts, 2s apart
  retry-run -n 10 -s fixed -b 2s -S 'make test | tee test.log'

  # Give up after 2 minutes in total, 30s per attempt
  retry-run --deadline 2m --timeout 30s -- ./deploy.sh

  # Retry only exit codes 1-3; see what would happen without running
  retry-run --retry-on exit:1-3 --dry-run -- ./flaky-test.sh

  # Poll until a 2xx response says ready: 2s apart, 2 minutes at most
  retry-run -s fixed -b 2s -n 60 --deadline 2m --expect-body ready \\
    https://example.com/health

  # POST safely: one Idempotency-Key for every attempt; Retry-After is honoured
  retry-run --idempotency-key auto --json '{"sku":"A-1"}' \\
    https://api.example.com/orders

  # Share a circuit breaker between parallel jobs: after ${DEFAULTS.breakerThreshold} failures in a row
  # every run naming 'registry' exits ${CIRCUIT_OPEN} at once for ${formatDuration(DEFAULTS.breakerCooldownMs)}; then one run probes
  retry-run --breaker registry -- docker pull registry.example.com/app:latest

  # Machine-readable attempt log in a file of its own; the job's stderr stays
  retry-run --log-format json --log-file attempts.jsonl -- ./job

Every option can also be set as RETRY_RUN_<OPTION>, e.g. RETRY_RUN_MAX=3;
a switch set to 0, false, no or empty is off.
Exit codes: 0 success; the last attempt's code on failure (128+N for signal N);
${TIMEOUT} timeout; 126/127 not executable/not found; ${CIRCUIT_OPEN} circuit open; ${USAGE} usage error;
130/143/129 interrupted; ${INTERNAL} internal error. HTTP mode, as curl: 22 unexpected
status or body; 6 DNS; 7 connect; 23 body not writable; 28 timeout; 35 TLS;
56 reset; 47 too many redirects or a loop; 1 a redirect to a scheme other than
http(s).
`;

export const EXPLAIN_EXAMPLES = `
Examples:
  retry-run explain                               # the strategy table
  retry-run explain -s exponential -b 500ms -n 8  # the schedule of these flags
  # where the deadline bites
  retry-run explain -s jitter -n 6 --deadline 20s -t 5s
  retry-run explain --simulate 200 --seed 1       # 200 clients fail at once
  # what each known tool retries
  retry-run explain --tools --tools-file tools.json
  retry-run explain --format json -s jitter --seed 1

The policy options read RETRY_RUN_<OPTION>, as a run does; --format,
--simulate, --capacity, --budget-tokens and --budget-ratio read
RETRY_RUN_EXPLAIN_<OPTION>, e.g. RETRY_RUN_EXPLAIN_FORMAT=json.
`;

export const STATS_EXAMPLES = `
Examples:
  retry-run stats             # every name, the last 7 days, flakiest first
  retry-run stats --name deploy --since 30d
  retry-run stats --format json |
    jq '.[] | select(.firstAttemptSuccessRate < 0.9)'
  retry-run stats --format openmetrics \\
    > /var/lib/node_exporter/retry-run-stats.prom
  # the history of a whole fleet
  retry-run stats --state redis://redis.internal:6379/2

--name, --since and --format read RETRY_RUN_STATS_<OPTION>, e.g.
RETRY_RUN_STATS_FORMAT=json; --state reads RETRY_RUN_STATE, as a run does.
`;

export const BREAKER_EXAMPLES = `
Examples:
  retry-run breaker list                      # every breaker in the state store
  retry-run breaker status api --format json  # one breaker, as JSON
  retry-run breaker open api --for 10m        # runs naming 'api' stop for 10m
  retry-run breaker reset api                 # close it and forget its failures
  retry-run breaker list --state redis://redis.internal:6379/0

A run with --breaker <name> exits ${CIRCUIT_OPEN} without running while that breaker is open.
--format and --for read RETRY_RUN_BREAKER_FORMAT and RETRY_RUN_BREAKER_FOR;
--state reads RETRY_RUN_STATE, as a run does.
`;

export const BUDGET_EXAMPLES = `
Examples:
  retry-run budget list                      # every budget in the state store
  retry-run budget status api --format json  # one budget, as JSON
  retry-run budget reset api                 # refill it: retries allowed again
  retry-run budget list --state redis://redis.internal:6379/0

A run with --budget <name> retries only while that budget has more than
half its tokens; first attempts always run.
--format reads RETRY_RUN_BUDGET_FORMAT; --state reads RETRY_RUN_STATE,
as a run does.
`;
