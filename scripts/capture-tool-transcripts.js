#!/usr/bin/env node
// Captures what real command-line tools print when a server answers 503, 429, 404, 403, 401,
// and when the port is closed, into test/fixtures/tools/transcripts/<tool>.json. The tool
// table (src/tools/) cites these files as the source of its patterns; the tests replay them
// through the classifier. Re-run after upgrading a tool: `node scripts/capture-tool-transcripts.js`.
// The ephemeral port is written as PORT so that a capture can be compared with the last one.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const OUT = new URL('../test/fixtures/tools/transcripts/', import.meta.url);
const REASONS = { 503: 'Service Unavailable', 429: 'Too Many Requests', 404: 'Not Found' };
Object.assign(REASONS, { 403: 'Forbidden', 401: 'Unauthorized' });
const STATUSES = [503, 429, 404, 403, 401];

// The first path segment is the status to answer: /503/..., /429/... (429 says Retry-After: 7;
// /429n/ is a 429 without it, which clients such as kubectl do not retry on their own).
const server = createServer((request, response) => {
  const segment = request.url.split('/')[1];
  const status = Number.parseInt(segment, 10) || 200;
  const headers = { 'content-type': 'text/plain' };
  if (status === 429 && segment !== '429n') headers['retry-after'] = '7';
  if (status === 401) headers['www-authenticate'] = 'Basic realm="test"';
  response.writeHead(status, headers).end(`${REASONS[status] ?? 'OK'}\n`);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = server.address().port;
const closed = await closedPort();
const home = mkdtempSync(join(tmpdir(), 'transcripts-'));
const env = {
  PATH: process.env.PATH,
  HOME: home,
  LANG: 'C.UTF-8',
  NO_COLOR: '1',
  GIT_TERMINAL_PROMPT: '0',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'example',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_MAX_ATTEMPTS: '1',
  npm_config_cache: join(home, 'npm-cache'),
  npm_config_fetch_retries: '0',
  npm_config_update_notifier: 'false',
  PIP_DISABLE_PIP_VERSION_CHECK: '1',
  KUBECONFIG: join(home, 'kubeconfig'),
  CLOUDSDK_CONFIG: join(home, 'gcloud'),
  TF_IN_AUTOMATION: '1',
};

/** argv for each case: `base` is http://127.0.0.1:<port>/<status> or the closed port. */
const TOOLS = {
  curl: { version: ['curl', '--version'], argv: (base) => ['curl', '-fsS', `${base}/x`] },
  wget: {
    version: ['wget', '--version'],
    argv: (base) => ['wget', '-O', '/dev/null', `${base}/x`],
  },
  git: {
    version: ['git', '--version'],
    argv: (base) => ['git', 'ls-remote', `${base}/repo.git`],
  },
  npm: {
    version: ['npm', '--version'],
    argv: (base) => ['npm', 'view', 'left-pad', 'version', `--registry=${base}/`],
  },
  kubectl: {
    version: ['kubectl', 'version', '--client'],
    argv: (base) => ['kubectl', `--server=${base}`, '--request-timeout=5s', 'get', 'pods'],
  },
  aws: {
    version: ['aws', '--version'],
    argv: (base) => ['aws', 's3', 'ls', `--endpoint-url=${base}`],
  },
  pip: {
    version: ['pip', '--version'],
    argv: (base) => [
      'pip',
      'download',
      '--no-deps',
      '--retries=0',
      '--dest',
      join(home, 'pip'),
      `--index-url=${base}/simple`,
      'left-pad',
    ],
  },
  ssh: {
    version: ['ssh', '-V'],
    closedOnly: true,
    argv: () => ['ssh', '-o', 'BatchMode=yes', '-p', String(closed), 'user@127.0.0.1', 'true'],
  },
  scp: {
    version: ['ssh', '-V'],
    closedOnly: true,
    argv: () => ['scp', '-o', 'BatchMode=yes', '-P', String(closed), 'user@127.0.0.1:x', home],
  },
  gcloud: {
    version: ['gcloud', '--version'],
    closedOnly: true,
    caseName: 'no-account',
    // A fresh configuration: no account, so the first call fails on credentials.
    argv: () => ['gcloud', 'projects', 'list', '--quiet'],
  },
  terraform: {
    version: ['terraform', 'version'],
    // A module whose source is an archive on the server: `terraform init` downloads it.
    argv: (base) => {
      const dir = mkdtempSync(join(home, 'tf-'));
      writeFileSync(join(dir, 'main.tf'), `module "m" {\n  source = "${base}/m.zip"\n}\n`);
      return ['terraform', `-chdir=${dir}`, 'init', '-input=false', '-no-color'];
    },
  },
  docker: {
    version: ['docker', '--version'],
    closedOnly: true,
    // No daemon here: what the client prints when it cannot reach one.
    argv: () => ['docker', '-H', `tcp://127.0.0.1:${closed}`, 'pull', 'alpine'],
  },
};

mkdirSync(OUT, { recursive: true });
const only = process.argv.slice(2);
for (const [tool, spec] of Object.entries(TOOLS)) {
  if (only.length > 0 && !only.includes(tool)) continue;
  const version = await run(spec.version);
  if (version.error) {
    console.warn(`skipped ${tool}: not installed (${version.error.message})`);
    continue;
  }
  const cases = [];
  const targets = spec.closedOnly
    ? [[spec.caseName ?? 'closed', null]]
    : [...STATUSES.map((s) => [String(s), `http://127.0.0.1:${port}/${s}`])];
  if (!spec.closedOnly) {
    targets.push(['429-no-retry-after', `http://127.0.0.1:${port}/429n`]);
    targets.push(['closed', `http://127.0.0.1:${closed}/503`]);
  }
  for (const [name, base] of targets) {
    const argv = spec.argv(base);
    const result = await run(argv);
    cases.push({
      case: name,
      argv: argv.map(scrub),
      exitCode: result.status,
      stdout: scrub(result.stdout),
      stderr: scrub(result.stderr),
    });
  }
  const document = {
    tool,
    version: (version.stdout + version.stderr).trim().split('\n')[0],
    captured: new Date().toISOString().slice(0, 10),
    by: 'scripts/capture-tool-transcripts.js',
    cases,
  };
  writeFileSync(new URL(`${tool}.json`, OUT), `${JSON.stringify(document, null, 2)}\n`);
  console.log(`${tool}: ${cases.map((c) => `${c.case}→${c.exitCode}`).join(' ')}`);
}
server.close();

/** Runs asynchronously: the server above answers from this same event loop. */
function run(argv) {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { env, timeout: 60_000 });
    const out = { stdout: '', stderr: '', status: null, error: undefined };
    child.stdout.on('data', (chunk) => (out.stdout += chunk));
    child.stderr.on('data', (chunk) => (out.stderr += chunk));
    child.on('error', (error) => resolve({ ...out, error }));
    child.on('close', (status) => resolve({ ...out, status }));
  });
}

function scrub(text) {
  return String(text ?? '')
    .replaceAll(String(port), 'PORT')
    .replaceAll(String(closed), 'CLOSED')
    .replaceAll(home, '$HOME');
}

async function closedPort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port: free } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return free;
}
