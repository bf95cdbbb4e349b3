import { monotonicMs } from '../monotonic.js';
import { eachChunk, STOP } from '../each-chunk.js';
import type { Readable, Writable } from 'node:stream';
import { MAX_TIMER_MS, setLongTimeout } from '../../shared/clock.js';
import type { AttemptContext, AttemptResult, Runner } from '../../engine/types.js';
import { DEFAULTS } from '../../shared/defaults.js';
import { formatDuration } from '../../shared/duration.js';
import type { HttpConfig, StatusRange } from './request.js';
import { serverWaitFromHeaders } from '../server-wait.js';
import { createRedactor } from '../../shared/redact.js';
import { isBodyWriteError } from '../../shared/errors.js';
import {
  fileSink,
  loadRequestBody,
  readInputFile,
  resolveOutput,
  streamSink,
  type BodySink,
} from './http-body.js';
import { HTTP_EXIT, requestFailure } from './http-failure.js';
import {
  pathOf,
  REDIRECT_NOT_RETRYABLE,
  startRedirectChain,
  type HttpRequest,
} from './http-redirect.js';
import { openTransport, type HttpTransport, type TransportResponse } from './transport.js';

/**
 * What `createHttpRunner` sends, and where the body goes.
 *
 * @example
 * ```ts
 * import { createHttpRunner, normalizeHttpConfig, type HttpRunnerOptions } from 'retry-run';
 *
 * const options: HttpRunnerOptions = {
 *   http: normalizeHttpConfig({ output: 'health.json' }, 'https://example.com/health'),
 *   stdout: process.stdout, // where the successful body streams without `output`
 *   stdin: process.stdin, // read only for a body of '@-'
 * };
 * const runner = await createHttpRunner(options);
 * ```
 */
export interface HttpRunnerOptions {
  http: HttpConfig;
  /** Where the successful body goes without `--output`. */
  stdout: Writable;
  /** Read once for `-d @-`. */
  stdin: Readable;
  /** Wall clock for server-directed waits; injected in tests. */
  now?: () => number;
}

/** How much of a failed response's body the `-v` log shows. */
const SNIPPET_BYTES = 2048;
/** `--expect-body` must hold the body to match it; past this it fails instead of growing. */
const MAX_MATCHED_BODY_BYTES = 16 * 1024 * 1024;

type Outcome = Omit<AttemptResult, 'durationMs'>;

/**
 * HTTP mode (README, HTTP mode): one request per attempt, through Node's own client, or undici
 * when a proxy is set (transport.ts). Expected failures (a status,
 * a socket error, a timeout) come back as an AttemptResult; only retry-run's own problems
 * (an unreadable --data file or --cacert) throw, before the first attempt.
 */
export async function createHttpRunner(options: HttpRunnerOptions): Promise<Runner> {
  const { http } = options;
  // Read only for `-d @-`: creating process.stdin alone costs a run milliseconds.
  const body = await loadRequestBody(http.body, () => options.stdin);
  const ca = http.cacert === undefined ? undefined : await readInputFile(http.cacert, '--cacert');
  const output = http.output === undefined ? undefined : await resolveOutput(http.output);
  const tls = { rejectUnauthorized: !http.insecure, ...(ca ? { ca } : {}) };
  const transport = await openTransport({
    // The connect timeout is one timer: one too long for it is no limit (the kernel gives up a
    // connect within minutes), never a limit that fires at once.
    connectTimeoutMs: timerOrNone(http.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs),
    idleTimeoutMs: http.idleTimeoutMs,
    tls,
  });
  const redact = createRedactor().with(http.secrets);
  const stdoutSink = output ? undefined : streamSink(options.stdout);
  const url = new URL(http.url);
  const attempt: AttemptRunner = {
    http,
    transport,
    request: { url, method: http.method, headers: http.headers, body: body ?? null },
    redact,
    now: options.now ?? Date.now,
    newSink: () => stdoutSink ?? fileSink(output!),
  };
  return {
    description: http.description,
    run: (context) => runOnce(attempt, context),
    // Every request is over by now: end the sockets at once rather than wait out keep-alive.
    close: async () => void (await transport.destroy()),
  };
}

interface AttemptRunner {
  http: HttpConfig;
  transport: HttpTransport;
  /** The same request on every attempt: built once. */
  request: HttpRequest;
  redact: (text: string) => string;
  now: () => number;
  newSink: () => BodySink;
}

async function runOnce(runner: AttemptRunner, context: AttemptContext): Promise<AttemptResult> {
  const started = monotonicMs();
  let timedOut: 'timeout' | 'deadline' | undefined;
  // Without a time limit the attempt ends only with the run: no signal of its own to combine
  // (AbortSignal.any cost a fresh process 0.3 ms).
  const limit = context.timeLimit && new AbortController();
  const cancelLimit =
    context.timeLimit &&
    setLongTimeout(() => {
      timedOut = context.timeLimit!.reason;
      limit!.abort(new Error('time limit'));
    }, context.timeLimit.ms);
  const signal = limit ? AbortSignal.any([context.signal, limit.signal]) : context.signal;
  let sink: BodySink | undefined;
  let outcome: Outcome;
  let neverSent = false;
  try {
    const { response, refused, note } = await send(runner, signal);
    if (refused) {
      outcome = refused;
    } else {
      sink = expected(response.statusCode, runner.http.expect) ? runner.newSink() : undefined;
      outcome = await handleResponse(runner, response, sink, note);
    }
  } catch (error) {
    ({ neverSent, ...outcome } = failedAttempt(runner, context, error, timedOut, sink));
  } finally {
    if (cancelLimit) cancelLimit();
  }
  if (sink && !outcome.ok) await sink.discard();
  if (!outcome.ok && !neverSent && !runner.http.retryable) {
    outcome.notRetryableBecause ??= `${runner.http.method} is not idempotent and may have taken effect; give --idempotency-key or --retry-unsafe to retry it`;
  }
  if (outcome.message) outcome.message = runner.redact(outcome.message);
  return { ...outcome, durationMs: Math.round(monotonicMs() - started) };
}

/**
 * Sends the request and follows its redirects (README "Redirects"). A redirect whose status is
 * in --expect is the answer; one that cannot be followed ends the attempt, never retried.
 */
async function send(
  runner: AttemptRunner,
  signal: AbortSignal,
): Promise<{ response: TransportResponse; refused?: Outcome; note?: string }> {
  const chain = startRedirectChain(runner.request, runner.http);
  for (;;) {
    const { url, method, headers, body } = chain.current;
    const response = await runner.transport.request({
      origin: url.origin,
      path: pathOf(url),
      method,
      headers: headers.flat(),
      body,
      signal,
    });
    const status = response.statusCode;
    const decision = expected(status, runner.http.expect)
      ? { kind: 'answer' as const }
      : chain.next(status, headerOf(response, 'location'));
    if (decision.kind === 'answer') return { response, note: decision.note };
    await response.body.dump();
    if (decision.kind === 'refuse') {
      const { exitCode, message } = decision;
      const refused = { ok: false, status, exitCode, message };
      return { response, refused: { ...refused, notRetryableBecause: REDIRECT_NOT_RETRYABLE } };
    }
  }
}

function headerOf(response: TransportResponse, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

async function handleResponse(
  runner: AttemptRunner,
  response: TransportResponse,
  sink: BodySink | undefined,
  note: string | undefined,
): Promise<Outcome> {
  const { statusCode: status } = response;
  const header = (name: string) => headerOf(response, name);
  const serverWait = () => {
    const wait = serverWaitFromHeaders(header, status, runner.now());
    return wait ? { serverWaitMs: wait.ms, waitHeader: wait.header } : {};
  };
  if (!sink) {
    const snippet = await readSnippet(response.body);
    const { waitHeader, ...wait } = serverWait();
    const message = [response.statusText || undefined, note, waitHeader].filter(Boolean);
    return {
      ok: false,
      status,
      exitCode: HTTP_EXIT.status,
      ...wait,
      ...(message.length ? { message: message.join(', ') } : {}),
      ...(snippet ? { bodySnippet: runner.redact(snippet) } : {}),
    };
  }
  const pattern = runner.http.expectBody;
  if (pattern) {
    const text = await readForMatch(response.body);
    if (text === undefined || !pattern.test(text)) {
      const { waitHeader, ...wait } = serverWait();
      const why =
        text === undefined
          ? `the body is larger than ${MAX_MATCHED_BODY_BYTES / 1024 / 1024} MiB, too large for --expect-body`
          : `the body does not match --expect-body ${pattern.text}`;
      return {
        ok: false,
        status,
        exitCode: HTTP_EXIT.status,
        failureClass: 'body',
        ...wait,
        message: waitHeader ? `${why}, ${waitHeader}` : why,
        ...(text ? { bodySnippet: runner.redact(text.slice(0, SNIPPET_BYTES)) } : {}),
      };
    }
    await sink.write(Buffer.from(text));
  } else {
    await eachChunk(response.body, (chunk) => sink.write(chunk));
  }
  await sink.commit();
  return { ok: true, status, exitCode: 0 };
}

function failedAttempt(
  runner: AttemptRunner,
  context: AttemptContext,
  error: unknown,
  timedOut: 'timeout' | 'deadline' | undefined,
  sink: BodySink | undefined,
): Outcome & { neverSent: boolean } {
  // Bytes already on stdout cannot be taken back; a retry would print the body twice.
  const partial =
    sink && sink.written > 0 && runner.http.output === undefined
      ? {
          notRetryableBecause: `${sink.written} bytes of the body already went to stdout; use --output to make such a download retryable`,
        }
      : {};
  if (isBodyWriteError(error)) {
    return {
      ok: false,
      exitCode: HTTP_EXIT.write,
      errorCode: error.systemCode,
      message: error.message,
      notRetryableBecause: 'the body could not be written',
      neverSent: false,
    };
  }
  if (timedOut) {
    const flag = timedOut === 'timeout' ? '--timeout' : '--deadline';
    return {
      ok: false,
      exitCode: HTTP_EXIT.timeout,
      timedOut,
      message: `no complete response within ${formatDuration(context.timeLimit?.ms ?? 0)} (${flag})`,
      ...partial,
      neverSent: false,
    };
  }
  if (context.signal.aborted) {
    return { ok: false, exitCode: HTTP_EXIT.reset, message: 'interrupted', neverSent: false };
  }
  return { ...requestFailure(error, runner.http.idleTimeoutMs), ...partial };
}

function expected(status: number, ranges: readonly StatusRange[]): boolean {
  return ranges.some((range) => status >= range.min && status <= range.max);
}

/** The start of a failed body for the `-v` log; the rest is dropped unread. */
async function readSnippet(body: TransportResponse['body']): Promise<string> {
  const { bytes } = await readUpTo(body, SNIPPET_BYTES);
  return bytes.subarray(0, SNIPPET_BYTES).toString('utf8');
}

/** The whole body for --expect-body, or undefined past the limit that keeps memory bounded. */
async function readForMatch(body: TransportResponse['body']): Promise<string | undefined> {
  const { bytes, complete } = await readUpTo(body, MAX_MATCHED_BODY_BYTES + 1);
  return complete && bytes.length <= MAX_MATCHED_BODY_BYTES ? bytes.toString('utf8') : undefined;
}

/** Reads until the body ends or `limit` bytes have come; whether it ended is `complete`. */
async function readUpTo(
  body: TransportResponse['body'],
  limit: number,
): Promise<{ bytes: Buffer; complete: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let complete = true;
  await eachChunk(body, (chunk) => {
    chunks.push(chunk);
    size += chunk.length;
    if (size < limit) return undefined;
    complete = false;
    return STOP;
  });
  return { bytes: Buffer.concat(chunks), complete };
}

/** A delay for a single timer of a library, or 0 (none) when one timer cannot hold it. */
function timerOrNone(ms: number): number {
  return ms > MAX_TIMER_MS ? 0 : ms;
}
