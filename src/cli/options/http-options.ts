import { DEFAULTS } from '../../shared/defaults.js';
import { formatDuration } from '../../shared/duration.js';
import type { OptionSpec } from './spec.js';

/** README, HTTP mode: the request of HTTP mode, curl-like. */
export const HTTP_OPTIONS: readonly OptionSpec[] = [
  { flags: '-X, --method <method>', description: 'HTTP method (default: GET, POST with a body)' },
  {
    flags: '-H, --header <header>',
    description: "request header 'Name: value' (repeatable)",
    list: true,
  },
  { flags: '-d, --data <data>', description: 'request body: text, @file, or @- for stdin' },
  {
    flags: '--json <data>',
    description: 'JSON body (text, @file or @-); sets Content-Type and Accept',
  },
  {
    flags: '-o, --output <file>',
    description: "write the body to a file, only on success ('-': stdout)",
  },
  {
    flags: '--connect-timeout <duration>',
    description: `limit for making the connection (default: ${formatDuration(DEFAULTS.connectTimeoutMs)})`,
  },
  {
    flags: '--idle-timeout <duration>',
    description: `no byte from the server for this long: a timeout; 0: off (default: ${formatDuration(DEFAULTS.idleTimeoutMs)})`,
  },
  { flags: '-k, --insecure', description: 'accept any TLS certificate' },
  { flags: '--cacert <file>', description: 'trust the CA certificates in this PEM file' },
  {
    flags: '--max-redirs <n>',
    description: `redirects followed (default: ${DEFAULTS.maxRedirects})`,
  },
  {
    flags: '--location-trusted',
    description: 'send every -H header to the origins redirects lead to',
  },
  {
    flags: '--expect <statuses>',
    description: `success statuses, e.g. 200,204 or 2xx (default: ${DEFAULTS.expect})`,
  },
  { flags: '--expect-body <regex>', description: 'the body must match too (a readiness poll)' },
  {
    flags: '--idempotency-key <key>',
    description:
      "Idempotency-Key sent on every attempt ('auto': a UUID); lets POST/PATCH be retried",
  },
  { flags: '--retry-unsafe', description: 'retry POST and PATCH without an idempotency key' },
];
