import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http-server.js';

/**
 * README "What is masked": escape sequences and other control characters a command or a
 * server prints reach retry-run's own lines escaped, never raw; the command's output is
 * passed through untouched.
 */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// An OSC title, a colour, a lone CR that would overwrite the line, a bidi override.
const HOSTILE = '\x1b]0;pwned\x07\x1b[31mred\x1b[0m hidden\rshown \u202egnp.exe';
// eslint-disable-next-line no-control-regex
const RAW = /[\x07\x1b\r\u202e]/;

describe('control characters from the command or the server', () => {
  it('command mode: tails and evidence show them escaped; stdout keeps them', async () => {
    const script = `printf '%s\\n' "$HOSTILE"; exit 3`;
    const result = await runCli(
      ['-v', '-n', '2', '-b', '0', '--retry-on', 'output:/pwned/', '-S', script],
      { env: { HOSTILE } },
    );
    expect(result.code).toBe(3);
    expect(result.stdout).toBe(`${HOSTILE}\n${HOSTILE}\n`);
    expect(result.stderr).not.toMatch(RAW);
    expect(result.stderr).toContain(
      "in stdout: '\\x1b]0;pwned\\x07\\x1b[31mred\\x1b[0m hidden\\rshown \\u202egnp.exe'",
    );
    expect(result.stderr).toContain('  | \\x1b]0;pwned\\x07');
  });

  it('HTTP mode: a body snippet under -v shows them escaped', async () => {
    server = await startServer((_request, response) => {
      response.writeHead(503);
      response.end(`${HOSTILE}\nsecond line\n`);
    });
    const result = await runCli(['-v', '-n', '1', server.url]);
    expect(result.code).toBe(22);
    expect(result.stderr).not.toMatch(RAW);
    expect(result.stderr).toContain('  | \\x1b]0;pwned\\x07\\x1b[31mred');
    expect(result.stderr).toContain('  | second line');
  });
});
