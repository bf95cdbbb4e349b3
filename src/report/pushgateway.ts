import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { RetryEvent, SummaryEvent } from '../engine/events.js';
import { renderSamples, updateSamples } from './metrics-file.js';
import type { Reporter } from './reporter.js';

export interface PushgatewayOptions {
  /** The Pushgateway's base URL: `http://pushgateway:9091`. */
  url: string;
  name: string;
  /** A push that has not finished by then is abandoned with a warning. */
  timeoutMs: number;
  /** The run's `--budget`, when it names one: its refusals are pushed too. */
  budget?: string;
  warn: (message: string) => void;
}

/**
 * `--pushgateway` (README "Prometheus: --pushgateway"): at the end of the run, this run's
 * samples, the `--metrics-file` families, replace the group `job="retry_run"`, `name=<name>`.
 * An ephemeral CI job cannot be scraped; the Pushgateway keeps its last push for Prometheus.
 */
export function createPushgatewayReporter(options: PushgatewayOptions): Reporter {
  let summary: SummaryEvent | undefined;
  return {
    onEvent(event: RetryEvent) {
      if (event.event === 'summary') summary = event;
    },
    async close() {
      if (!summary) return;
      const body = renderSamples(
        updateSamples(new Map(), options.name, summary, undefined, options.budget),
      );
      try {
        await put(groupUrl(options.url, options.name), body, options.timeoutMs);
      } catch (error) {
        options.warn(`could not push metrics to ${options.url}: ${(error as Error).message}`);
      }
    },
  };
}

/** `<base>/metrics/job/retry_run/name/<name>`; a name with `/` goes base64url-encoded. */
export function groupUrl(base: string, name: string): URL {
  const segment = name.includes('/')
    ? `name@base64/${Buffer.from(name).toString('base64url')}`
    : `name/${encodeURIComponent(name)}`;
  return new URL(`${base.replace(/\/+$/, '')}/metrics/job/retry_run/${segment}`);
}

function put(url: URL, body: string, timeoutMs: number): Promise<void> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'PUT',
        headers: { 'content-type': 'text/plain; version=0.0.4' },
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else reject(new Error(`HTTP ${status} ${text.trim().slice(0, 200)}`.trim()));
        });
        response.on('error', reject);
      },
    );
    req.on('error', (error: Error) =>
      reject(error.name === 'AbortError' ? new Error(`no answer within ${timeoutMs}ms`) : error),
    );
    req.end(body);
  });
}
