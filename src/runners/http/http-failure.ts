import type { AttemptResult } from '../../engine/types.js';
import { formatDuration } from '../../shared/duration.js';
import { EXIT_CODES } from '../../shared/exit-codes.js';

/** curl's exit codes for HTTP mode (README, Exit codes). */
export const HTTP_EXIT = {
  /** The response was not the one --expect / --expect-body ask for (curl -f). */
  status: 22,
  dns: 6,
  connect: 7,
  /** Also a connect timeout (curl exits 28 for both). */
  timeout: 28,
  tls: 35,
  /** Connection reset or closed mid-response. */
  reset: 56,
  /** The body could not be written (curl's 23). */
  write: EXIT_CODES.WRITE,
  /** A redirect to a scheme other than http and https (curl's "unsupported protocol"). */
  unsupportedProtocol: 1,
  /** More redirects than --max-redirs, or a loop. */
  tooManyRedirects: 47,
} as const;

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EADDRNOTAVAIL',
]);
const CONNECT_TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);
/** undici's headersTimeout and bodyTimeout, which carry --idle-timeout. */
const IDLE_TIMEOUT_MESSAGES = new Map<string, (duration: string) => string>([
  ['UND_ERR_HEADERS_TIMEOUT', (d) => `no complete response head within ${d} (--idle-timeout)`],
  ['UND_ERR_BODY_TIMEOUT', (d) => `no data received for ${d} (--idle-timeout)`],
]);
const TLS_CODES = new Set([
  'EPROTO',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
]);

export type RequestFailure = Omit<AttemptResult, 'durationMs'> & {
  /** The request certainly never reached the server, so even a POST may be sent again. */
  neverSent: boolean;
};

/**
 * A socket or protocol error as one AttemptResult: the curl exit code, the failure class the
 * conditions match (`connection`, `timeout`) and the system code (`ECONNREFUSED`).
 * `idleTimeoutMs` names the limit when --idle-timeout ended the request.
 */
export function requestFailure(error: unknown, idleTimeoutMs = 0): RequestFailure {
  const code = errorCode(error);
  const idle = IDLE_TIMEOUT_MESSAGES.get(code);
  const message = idle ? idle(formatDuration(idleTimeoutMs)) : errorMessage(error);
  const connection = (exitCode: number, neverSent: boolean): RequestFailure => ({
    ok: false,
    exitCode,
    failureClass: 'connection',
    errorCode: code,
    message,
    neverSent,
  });
  if (DNS_CODES.has(code)) return connection(HTTP_EXIT.dns, true);
  if (CONNECT_CODES.has(code)) return connection(HTTP_EXIT.connect, true);
  if (isTls(code)) {
    return { ...connection(HTTP_EXIT.tls, true), message: `${message} (see --cacert, -k)` };
  }
  if (CONNECT_TIMEOUT_CODES.has(code) || idle) {
    return {
      ok: false,
      exitCode: HTTP_EXIT.timeout,
      failureClass: 'timeout',
      errorCode: code,
      message,
      neverSent: code === 'UND_ERR_CONNECT_TIMEOUT',
    };
  }
  return connection(HTTP_EXIT.reset, false);
}

function isTls(code: string): boolean {
  return TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_');
}

/** The most specific code: undici wraps socket errors (`UND_ERR_SOCKET` ← `ECONNRESET`). */
function errorCode(error: unknown): string {
  const outer = (error as { code?: unknown } | undefined)?.code;
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  if (typeof cause === 'string' && (outer === undefined || outer === 'UND_ERR_SOCKET'))
    return cause;
  if (outer === 'UND_ERR_SOCKET') return 'ECONNRESET';
  return typeof outer === 'string' ? outer : 'EUNKNOWN';
}

function errorMessage(error: unknown): string {
  const message = (error as Error | undefined)?.message ?? String(error);
  return message.length > 200 ? `${message.slice(0, 197)}...` : message;
}
