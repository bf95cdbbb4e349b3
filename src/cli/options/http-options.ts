import type { Command } from 'commander';
import { DEFAULTS } from '../../shared/defaults.js';
import { formatDuration } from '../../shared/duration.js';
import { envOption, listOption } from './option.js';

/** README, HTTP mode: the request of HTTP mode, curl-like. */
export function addHttpOptions(command: Command): Command {
  return command
    .addOption(envOption('-X, --method <method>', 'HTTP method (default: GET, POST with a body)'))
    .addOption(listOption('-H, --header <header>', "request header 'Name: value' (repeatable)"))
    .addOption(envOption('-d, --data <data>', 'request body: text, @file, or @- for stdin'))
    .addOption(
      envOption('--json <data>', 'JSON body (text, @file or @-); sets Content-Type and Accept'),
    )
    .addOption(
      envOption('-o, --output <file>', "write the body to a file, only on success ('-': stdout)"),
    )
    .addOption(
      envOption(
        '--connect-timeout <duration>',
        `limit for making the connection (default: ${formatDuration(DEFAULTS.connectTimeoutMs)})`,
      ),
    )
    .addOption(
      envOption(
        '--idle-timeout <duration>',
        `no byte from the server for this long: a timeout; 0: off (default: ${formatDuration(DEFAULTS.idleTimeoutMs)})`,
      ),
    )
    .addOption(envOption('-k, --insecure', 'accept any TLS certificate'))
    .addOption(envOption('--cacert <file>', 'trust the CA certificates in this PEM file'))
    .addOption(
      envOption('--max-redirs <n>', `redirects followed (default: ${DEFAULTS.maxRedirects})`),
    )
    .addOption(
      envOption('--location-trusted', 'send every -H header to the origins redirects lead to'),
    )
    .addOption(
      envOption(
        '--expect <statuses>',
        `success statuses, e.g. 200,204 or 2xx (default: ${DEFAULTS.expect})`,
      ),
    )
    .addOption(envOption('--expect-body <regex>', 'the body must match too (a readiness poll)'))
    .addOption(
      envOption(
        '--idempotency-key <key>',
        "Idempotency-Key sent on every attempt ('auto': a UUID); lets POST/PATCH be retried",
      ),
    )
    .addOption(envOption('--retry-unsafe', 'retry POST and PATCH without an idempotency key'));
}
