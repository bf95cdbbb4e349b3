import { describe, expect, it } from 'vitest';
import { recognizeToolFailure } from '../../../src/runners/command/known-tools.js';
import { KNOWN_TOOLS } from '../../../src/index.js';

/** What curl 7.88 and GNU wget 1.21 print (6, 7, 22, 28, 52 and wget's captured on loopback). */
const CURL = {
  6: 'curl: (6) Could not resolve host: nonexistent.invalid',
  7: "curl: (7) Failed to connect to 127.0.0.1 port 1 after 0 ms: Couldn't connect to server",
  22: 'curl: (22) The requested URL returned error: 503',
  28: 'curl: (28) Operation timed out after 1001 milliseconds with 0 bytes received',
  35: 'curl: (35) OpenSSL SSL_connect: Connection reset by peer in connection to localhost:443',
  52: 'curl: (52) Empty reply from server',
  55: 'curl: (55) Send failure: Broken pipe',
  56: 'curl: (56) Recv failure: Connection reset by peer',
} as const;
const WGET_8 = [
  '--2026-11-28 11:17:58--  http://127.0.0.1:18473/',
  'Connecting to 127.0.0.1:18473... connected.',
  'HTTP request sent, awaiting response... 503 Service Unavailable',
  '2026-11-28 11:17:58 ERROR 503: Service Unavailable.',
  '',
].join('\n');

describe('the known-tool table', () => {
  it.each([
    [6, 'connection'],
    [7, 'connection'],
    [28, 'timeout'],
    [35, 'connection'],
    [52, 'connection'],
    [55, 'connection'],
    [56, 'connection'],
  ] as const)('curl exit %i is a %s failure, quoting curl', (code, failureClass) => {
    const finding = recognizeToolFailure('curl', code, `${CURL[code]}\n`);
    expect(finding).toMatchObject({
      failureClass,
      evidence: `(curl exit ${code}: '${CURL[code]}')`,
    });
  });

  it('reads the status of curl exit 22 from "The requested URL returned error: NNN"', () => {
    expect(recognizeToolFailure('/usr/bin/curl', 22, `${CURL[22]}\n`)).toMatchObject({
      reportedStatus: 503,
      evidence: `(curl exit 22: '${CURL[22]}')`,
    });
  });

  it('names the meaning of an exit code when curl printed nothing (curl -s)', () => {
    expect(recognizeToolFailure('curl', 7, undefined)).toMatchObject({
      failureClass: 'connection',
      evidence: '(curl exit 7: failed to connect)',
    });
    expect(recognizeToolFailure('curl', 22, '')).toMatchObject({
      evidence: '(curl exit 22: HTTP error status)',
    });
  });

  it('maps wget exit 4 to connection and exit 8 to the status it prints', () => {
    const refused = 'Connecting to 127.0.0.1:1... failed: Connection refused.\n';
    expect(recognizeToolFailure('wget', 4, refused)).toMatchObject({ failureClass: 'connection' });
    expect(recognizeToolFailure('wget', 8, WGET_8)).toMatchObject({
      reportedStatus: 503,
      evidence: "(wget exit 8: '2026-11-28 11:17:58 ERROR 503: Service Unavailable.')",
    });
  });

  it('knows nothing of exit codes outside the table or of other commands', () => {
    expect(recognizeToolFailure('curl', 3, 'curl: (3) URL rejected: Malformed input\n')).toBe(
      undefined,
    );
    expect(recognizeToolFailure('make', 7, undefined)).toBeUndefined();
    expect(recognizeToolFailure('curlish', 7, undefined)).toBeUndefined();
  });

  it("recognises curl inside a script by its error line, when the exit code is curl's", () => {
    expect(recognizeToolFailure('/bin/sh', 7, `starting\n${CURL[7]}\n`)).toMatchObject({
      failureClass: 'connection',
    });
    expect(recognizeToolFailure('/bin/sh', 22, `${CURL[22]}\n`)).toMatchObject({
      reportedStatus: 503,
    });
    // The script went on after curl failed and exited for its own reason.
    expect(recognizeToolFailure('/bin/sh', 1, `${CURL[7]}\n`)).toBeUndefined();
  });

  it('is a table with an entry per documented exit code', () => {
    expect(Object.keys(KNOWN_TOOLS)).toEqual(expect.arrayContaining(['curl', 'wget', 'git']));
    expect(Object.keys(KNOWN_TOOLS.curl!.exits!).map(Number)).toEqual([
      6, 7, 22, 28, 35, 52, 55, 56,
    ]);
    expect(Object.keys(KNOWN_TOOLS.wget!.exits!).map(Number)).toEqual([2, 4, 6, 8]);
  });
});
