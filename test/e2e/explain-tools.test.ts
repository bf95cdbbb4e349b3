import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinTools } from '../../src/tools/builtin.js';

const BUILTIN_TOOLS = builtinTools();
import { runCli } from '../helpers/cli.js';

const widest = (text: string) => Math.max(...text.split('\n').map((line) => line.length));
const dir = mkdtempSync(join(tmpdir(), 'explain-tools-'));
const toolsFile = join(dir, 'tools.json');
writeFileSync(
  toolsFile,
  JSON.stringify({
    deploy: {
      commands: ['deploy', 'deploy.sh'],
      scriptPrefixes: ['deploy: '],
      exits: { 3: { class: 'connection', meaning: 'backend unreachable' } },
      messages: [{ match: '^deploy: token expired', class: 'auth', source: 'deploy docs' }],
    },
    git: { commands: ['git'], messages: [] },
  }),
);

describe('retry-run explain --tools', () => {
  it('prints every tool, whether each kind of evidence is retried, and what it recognises, in 80 columns', async () => {
    const result = await runCli(['explain', '--tools']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(widest(result.stdout)).toBeLessThanOrEqual(80);
    expect(result.stdout).toMatch(/^tool +status +connection +timeout +rate limit +permanent$/m);
    expect(result.stdout).toMatch(/^curl +by status +yes +yes +- +-$/m);
    expect(result.stdout).toMatch(/^git +by status +- +- +- +auth, not-found$/m);
    expect(result.stdout).toMatch(/^npm +argv\[0\] npm, npx; lines 'npm error ', 'npm ERR! '$/m);
    for (const name of Object.keys(BUILTIN_TOOLS))
      expect(result.stdout.match(new RegExp(`^${name} `, 'gm'))).toHaveLength(2);
  });

  it('prints the table as JSON: each exit code and message with its class and whether it is retried', async () => {
    const result = await runCli(['explain', '--tools', '--format', 'json']);
    expect(result.code).toBe(0);
    const { retriedStatuses, tools } = JSON.parse(result.stdout);
    expect(retriedStatuses).toEqual([408, 429, 500, 502, 503, 504]);
    expect(tools.map((tool: { name: string }) => tool.name)).toEqual(Object.keys(BUILTIN_TOOLS));
    const curl = tools.find((tool: { name: string }) => tool.name === 'curl');
    expect(curl).toMatchObject({ commands: ['curl'], scriptPrefixes: ['curl: ('] });
    expect(curl.retries).toEqual({ connection: true, status: 'by status', timeout: true });
    expect(curl.evidence).toContainEqual(
      expect.objectContaining({ exit: 7, class: 'connection', retried: true }),
    );
    const kubectl = tools.find((tool: { name: string }) => tool.name === 'kubectl');
    expect(kubectl.evidence).toContainEqual(
      expect.objectContaining({ status: 403, says: 'Forbidden', retried: false }),
    );
  });

  it('applies a --tools-file: its tools are added, a built-in one replaced', async () => {
    for (const format of ['text', 'json']) {
      const result = await runCli([
        'explain',
        '--tools',
        '--tools-file',
        toolsFile,
        '--format',
        format,
      ]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      if (format === 'text') {
        expect(result.stdout).toMatch(/^deploy +- +yes +- +- +auth$/m);
        expect(result.stdout).toMatch(/^deploy +argv\[0\] deploy, deploy\.sh; lines 'deploy: '$/m);
        expect(result.stdout).toMatch(/^git +- +- +- +- +-$/m);
      } else {
        const { tools } = JSON.parse(result.stdout);
        expect(tools.find((tool: { name: string }) => tool.name === 'deploy').retries).toEqual({
          connection: true,
          permanent: false,
        });
      }
    }
  });

  it('refuses a bad --tools-file as a run would: exit 125 naming the file and the field', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ t: { commands: ['t'], messages: [{ match: 'a', class: 'x' }] } }),
    );
    const result = await runCli(['explain', '--tools', '--tools-file', bad]);
    expect(result.code).toBe(125);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /--tools-file: '.*bad\.json': t\.messages\[0\]\.class: expected one of/,
    );
  });
});
