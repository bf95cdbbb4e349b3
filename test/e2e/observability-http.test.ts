import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/report/report-file.js';
import { encodeName } from '../../src/store/file-store.js';
import { runCli } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('observability in HTTP mode', () => {
  it('reports and records a request without its secrets, named after the host', async () => {
    server = await startServer((_request, response, n) => {
      response.writeHead(n < 3 ? 503 : 200);
      response.end(n < 3 ? 'busy\n' : 'ok\n');
    });
    const dir = await mkdtemp(join(tmpdir(), 'retry-run-http-obs-'));
    const reportPath = join(dir, 'report.json');
    const url = server.url.replace('http://', 'http://deploy:pa55word@') + '/v1?token=tok-999';
    const result = await runCli([
      '--state',
      dir,
      '--report',
      reportPath,
      '-s',
      'fixed',
      '-b',
      '1ms',
      '-H',
      'Authorization: Bearer s3cr3t-value',
      url,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('ok\n');

    const reportText = await readFile(reportPath, 'utf8');
    const report = JSON.parse(reportText) as RunReport;
    expect(report.mode).toBe('http');
    expect(report.request).toEqual({
      method: 'GET',
      url: `${server.url}/v1?token=***`,
      headers: expect.arrayContaining(['Authorization: ***']),
      retryable: true,
    });
    expect(report.attempts.map((a) => [a.reason, a.status])).toEqual([
      ['status:503', 503],
      ['status:503', 503],
      ['success', 200],
    ]);
    const host = new URL(server.url).host;
    expect(report.name).toBe(host);
    const historyText = await readFile(join(dir, 'history', `${encodeName(host)}.jsonl`), 'utf8');
    expect(JSON.parse(historyText)).toMatchObject({
      name: host,
      mode: 'http',
      attempts: 3,
      failures: { 'status:503': 2 },
    });
    for (const secret of ['pa55word', 's3cr3t-value', 'tok-999']) {
      expect(reportText).not.toContain(secret);
      expect(historyText).not.toContain(secret);
      expect(result.stderr).not.toContain(secret);
    }
  });
});
