import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http-server.js';

/**
 * README "What is masked": every sink retry-run writes (text log, -v, JSON events, --dry-run,
 * --report, the step summary and annotations, history, stats, metrics) is searched for every
 * secret of a run at once. The command's own output passes through untouched.
 */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Secrets that only the environment holds, as a CI system sets them. */
const ENV_SECRETS = { DEPLOY_TOKEN: 'envtok-4815162342', MY_API_SECRET: 'envsec-9182736450' };
const EXTRA = 'extra-redacted-1212';

interface Sinks {
  dir: string;
  stepSummary: string;
  report: string;
  metrics: string;
  state: string;
  env: NodeJS.ProcessEnv;
  flags: string[];
}

async function sinks(name: string): Promise<Sinks> {
  const dir = await mkdtemp(join(tmpdir(), 'retry-run-secrets-'));
  const stepSummary = join(dir, 'step-summary.md');
  await writeFile(stepSummary, '');
  const report = join(dir, 'report.json');
  const metrics = join(dir, 'metrics.prom');
  const state = join(dir, 'state');
  return {
    dir,
    stepSummary,
    report,
    metrics,
    state,
    env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: stepSummary, ...ENV_SECRETS },
    flags: [
      '--name',
      name,
      '--report',
      report,
      '--metrics-file',
      metrics,
      '--state',
      state,
      '--redact',
      EXTRA,
      '-n',
      '2',
      '-b',
      '0',
    ],
  };
}

/** Every text retry-run wrote, by where it went. */
async function everySink(s: Sinks, runs: Record<string, CliResult>): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const [label, run] of Object.entries(runs)) texts.set(`${label} stderr`, run.stderr);
  for (const path of [s.stepSummary, s.report, s.metrics]) {
    texts.set(path, await readFile(path, 'utf8'));
  }
  for (const entry of await readdir(s.state, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    texts.set(path, await readFile(path, 'utf8'));
  }
  for (const format of ['table', 'json', 'openmetrics']) {
    const stats = await runCli(['stats', '--state', s.state, '--format', format]);
    expect(stats.code).toBe(0);
    texts.set(`stats ${format}`, stats.stdout + stats.stderr);
  }
  return texts;
}

function expectNoSecret(texts: Map<string, string>, secrets: readonly string[]) {
  const found = [...texts].flatMap(([where, text]) =>
    secrets.filter((secret) => text.includes(secret)).map((secret) => `${secret} in ${where}`),
  );
  expect(found).toEqual([]);
}

describe('command mode', () => {
  const secrets = [
    'scripttok-1111',
    'pgpass-2222',
    'awskey-3333',
    'argtok-4444',
    'argkey-5555',
    'hdrkey-6666',
    'urlpass-7777',
    'sassig-8888',
    'gkey-9999',
    'fncode-1010',
    'bearer-abcdef',
    ...Object.values(ENV_SECRETS),
    EXTRA,
  ];
  // `:` ignores its arguments; the script's own output echoes the secrets on stdout.
  const script = [
    `FOO_TOKEN=scripttok-1111 PGPASSWORD=pgpass-2222 AWS_SECRET_ACCESS_KEY=awskey-3333 : --token argtok-4444 --api-key=argkey-5555 -H 'X-Custom-Key: hdrkey-6666' 'https://u:urlpass-7777@h.test/x?sig=sassig-8888&key=gkey-9999&code=fncode-1010&page=2'`,
    `echo "seen $DEPLOY_TOKEN $MY_API_SECRET ${EXTRA} Authorization: Bearer bearer-abcdef"`,
    'exit 3',
  ].join('; ');
  const argv = [
    'sh',
    '-c',
    'echo "seen $DEPLOY_TOKEN $MY_API_SECRET"; exit 3',
    'sh',
    '--token',
    'argtok-4444',
    '--api-key=argkey-5555',
    '-H',
    'X-Custom-Key: hdrkey-6666',
    'PGPASSWORD=pgpass-2222',
    'https://u:urlpass-7777@h.test/x?sig=sassig-8888&key=gkey-9999&code=fncode-1010&page=2',
  ];

  it.each([
    ['a script (-S)', ['-S', script]],
    ['an argv (--)', ['--', ...argv]],
  ])('%s: no sink shows a secret', async (_label, target) => {
    const s = await sinks('secrets-command');
    // Tails are kept (a condition reads output), so the summary echoes the output's last lines.
    const flags = [...s.flags, '--retry-on', 'exit:3,stdout:/never/'];
    const text = await runCli([...flags, ...target], { env: s.env });
    const verbose = await runCli(['-v', ...flags, ...target], { env: s.env });
    const json = await runCli(['--log-format', 'json', ...flags, ...target], { env: s.env });
    const dryRun = await runCli(['--dry-run', ...flags, ...target], { env: s.env });
    for (const run of [text, verbose, json]) expect(run.code).toBe(3);
    expect(dryRun.code).toBe(0);
    // The command's own output is never rewritten.
    expect(text.stdout).toContain(`seen ${ENV_SECRETS.DEPLOY_TOKEN} ${ENV_SECRETS.MY_API_SECRET}`);
    expect(text.stderr).toMatch(/^::error /m);
    expect(text.stderr).toContain('  | seen *** ***');
    expectNoSecret(await everySink(s, { text, verbose, json, dryRun }), secrets);
    // Harmless parts stay readable, and the script keeps every `;`.
    for (const run of [verbose, dryRun]) {
      expect(run.stderr).toContain('page=2');
      expect(run.stderr).toContain('--token ');
      expect(run.stderr).toContain('X-Custom-Key: ***');
    }
    if (target[0] === '-S') expect(dryRun.stderr).toContain('page=2\'; echo "seen');
  });
});

describe('HTTP mode', () => {
  it('no sink shows a secret, and ?page=2 stays visible', async () => {
    const echoed: string[] = [];
    server = await startServer((request, response) => {
      // A server that echoes what it got, and a secret of the environment, in its error body.
      const body = `you sent ${request.headers['x-custom-key']} ${request.headers.authorization} ${request.url} ${ENV_SECRETS.MY_API_SECRET} ${EXTRA}`;
      echoed.push(body);
      response.writeHead(503);
      response.end(body);
    });
    const s = await sinks('secrets-http');
    const url = `${server.url.replace('http://', 'http://alice:urlpass-7777@')}/p?sig=sassig-8888&key=gkey-9999&code=fncode-1010&page=2`;
    const target = ['-H', 'X-Custom-Key: hdrkey-6666', '-H', 'Cookie: sid=cookie-2121', url];
    const text = await runCli([...s.flags, ...target], { env: s.env });
    const verbose = await runCli(['-v', ...s.flags, ...target], { env: s.env });
    const json = await runCli(['--log-format', 'json', ...s.flags, ...target], { env: s.env });
    const dryRun = await runCli(['--dry-run', ...s.flags, ...target], { env: s.env });
    for (const run of [text, verbose, json]) expect(run.code).toBe(22);
    expect(echoed[0]).toContain('hdrkey-6666');
    expect(verbose.stderr).toContain('response body');
    const secrets = [
      'urlpass-7777',
      Buffer.from('alice:urlpass-7777').toString('base64'),
      'sassig-8888',
      'gkey-9999',
      'fncode-1010',
      'hdrkey-6666',
      'cookie-2121',
      ...Object.values(ENV_SECRETS),
      EXTRA,
    ];
    expectNoSecret(await everySink(s, { text, verbose, json, dryRun }), secrets);
    for (const run of [verbose, dryRun]) expect(run.stderr).toContain('page=2');
    expect(JSON.parse(await readFile(s.report, 'utf8')).target).toContain('&page=2');
  });
});

describe('usage errors', () => {
  it.each([
    'redis://user:pw-typo-3131@cache.internal:6379/abc',
    'redis://user:pw/typo-3131@cache.internal:6379',
    'redis://user:pw-typo-3131@cache.internal:6379?db=1',
  ])('a mistyped --state %s does not echo its password', async (state) => {
    const result = await runCli(['--state', state, '--', 'true']);
    expect(result.code).toBe(125);
    expect(result.stderr).toContain('--state');
    expect(result.stderr).not.toContain('typo-3131');
  });

  it('a mistyped URL does not echo a secret of the environment', async () => {
    const result = await runCli(['http://[bad/envtok-4815162342'], { env: ENV_SECRETS });
    expect(result.code).toBe(125);
    expect(result.stderr).not.toContain('envtok-4815162342');
  });
});
