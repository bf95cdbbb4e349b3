import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tools-file-'));
const file = (name: string, data: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data));
  return path;
};

describe('--tools-file', () => {
  it.each([
    ['not JSON', '{', /'.*bad\.json' is not JSON/],
    [
      'an unsafe pattern',
      { t: { commands: ['t'], messages: [{ match: '(a+)+', class: 'status', source: 'x' }] } },
      /t\.messages\[0\]\.match: unusable regular expression: has a nested quantifier/,
    ],
    [
      'an unknown class',
      { t: { commands: ['t'], messages: [{ match: 'a', class: 'bogus' }] } },
      /t\.messages\[0\]\.class: expected one of connection/,
    ],
    ['no commands', { t: {} }, /t\.commands: expected a non-empty array/],
  ])('refuses %s with exit 125, naming the file and the field', async (_name, data, message) => {
    const result = await runCli(['--tools-file', file('bad.json', data), '--', 'true']);
    expect(result.code).toBe(125);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('adds a tool whose permanent error is then not retried', async () => {
    const tools = file('ok.json', {
      sh: {
        commands: ['sh'],
        messages: [
          { match: '^token expired$', class: 'auth', says: 'token expired', source: 'test' },
        ],
      },
    });
    const result = await runCli([
      '--tools-file',
      tools,
      '-b',
      '0',
      '-n',
      '3',
      '--',
      'sh',
      '-c',
      'echo token expired >&2; exit 4',
    ]);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('not retried: sh says token expired: permanent (auth)');
    expect(result.stderr).not.toMatch(/attempt 2/);
  });
});
