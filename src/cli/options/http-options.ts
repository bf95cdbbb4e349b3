import { DEFAULTS } from '../../shared/defaults.js';
import { formatDuration } from '../../shared/duration.js';
import type { OptionSpec } from './spec.js';

/** README, HTTP mode: the request of HTTP mode, curl-like. */
export const HTTP_OPTIONS: readonly OptionSpec[] = [
  {
    short: '-X',
    long: '--method',
    value: '<method>',
    description: 'HTTP method (default: GET, POST with a body)',
  },
  {
    short: '-H',
    long: '--header',
    value: '<header>',
    description: "request header 'Name: value' (repeatable)",
    list: true,
  },
  {
    short: '-d',
    long: '--data',
    value: '<data>',
    description: 'request body: text, @file, or @- for stdin',
  },
  {
    long: '--json',
    value: '<data>',
    description: 'JSON body (text, @file or @-); sets Content-Type and Accept',
  },
  {
    short: '-o',
    long: '--output',
    value: '<file>',
    description: "write the body to a file, only on success ('-': stdout)",
  },
  {
    long: '--connect-timeout',
    value: '<duration>',
    description: `limit for making the connection (default: ${formatDuration(DEFAULTS.connectTimeoutMs)})`,
  },
  {
    long: '--idle-timeout',
    value: '<duration>',
    description: `no byte from the server for this long: a timeout; 0: off (default: ${formatDuration(DEFAULTS.idleTimeoutMs)})`,
  },
  { short: '-k', long: '--insecure', description: 'accept any TLS certificate' },
  { long: '--cacert', value: '<file>', description: 'trust the CA certificates in this PEM file' },
  {
    long: '--max-redirs',
    value: '<n>',
    description: `redirects followed (default: ${DEFAULTS.maxRedirects})`,
  },
  {
    long: '--location-trusted',
    description: 'send every -H header to the origins redirects lead to',
  },
  {
    long: '--expect',
    value: '<statuses>',
    description: `success statuses, e.g. 200,204 or 2xx (default: ${DEFAULTS.expect})`,
  },
  {
    long: '--expect-body',
    value: '<regex>',
    description: 'the body must match too (a readiness poll)',
  },
  {
    long: '--idempotency-key',
    value: '<key>',
    description:
      "Idempotency-Key sent on every attempt ('auto': a UUID); lets POST/PATCH be retried",
  },
  { long: '--retry-unsafe', description: 'retry POST and PATCH without an idempotency key' },
];
