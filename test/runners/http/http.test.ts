import { PassThrough, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpRunner, normalizeHttpConfig, retry } from '../../../src/index.js';
import { startServer, type TestServer } from '../../helpers/http-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function collector() {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

describe('the HTTP runner as a library', () => {
  it('runs under retry() with a fake sleep, taking the server wait from Retry-After', async () => {
    server = await startServer((_request, response, n) => {
      if (n === 1) {
        response.writeHead(503, {
          Date: 'Mon, 01 Jan 2001 00:00:00 GMT',
          'Retry-After': 'Mon, 01 Jan 2001 00:00:42 GMT',
        });
        response.end('busy');
      } else {
        response.end('done');
      }
    });
    const stdout = collector();
    const runner = await createHttpRunner({
      http: normalizeHttpConfig({}, `${server.url}/job`),
      stdout: stdout.stream,
      stdin: new PassThrough(),
    });
    const sleeps: number[] = [];
    try {
      const result = await retry({
        runner,
        policy: { baseMs: 1 },
        conditions: { defaults: 'http' },
        sleep: async (ms) => void sleeps.push(ms),
      });
      expect(result).toMatchObject({ outcome: 'success', attempts: 2, exitCode: 0 });
      expect(result.attemptsLog[0]!.result).toMatchObject({
        status: 503,
        exitCode: 22,
        serverWaitMs: 42_000,
        bodySnippet: 'busy',
      });
    } finally {
      await runner.close?.();
    }
    expect(sleeps).toEqual([42_000]);
    expect(stdout.text()).toBe('done');
  });

  it('ends an attempt at its time limit with exit 28, reporting which limit', async () => {
    server = await startServer(() => {}); // never answers
    const runner = await createHttpRunner({
      http: normalizeHttpConfig({}, server.url),
      stdout: collector().stream,
      stdin: new PassThrough(),
    });
    try {
      const result = await runner.run({
        attempt: 1,
        maxAttempts: 1,
        signal: new AbortController().signal,
        timeLimit: { ms: 50, reason: 'deadline' },
      });
      expect(result).toMatchObject({ ok: false, exitCode: 28, timedOut: 'deadline' });
      expect(result.message).toContain('(--deadline)');
    } finally {
      await runner.close?.();
    }
  });
});
