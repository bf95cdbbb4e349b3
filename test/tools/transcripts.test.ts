import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAttempt } from '../../src/engine/classify.js';
import type { AttemptResult } from '../../src/engine/types.js';
import { normalizeConditions } from '../../src/config/normalize.js';
import { commandFacts } from '../../src/runners/command/command-facts.js';
import { BUILTIN_COMMANDS, builtinTools } from '../../src/tools/builtin.js';

const BUILTIN_TOOLS = builtinTools();
import { unsafePattern } from '../../src/tools/compile.js';

/** Transcripts of the real tools (scripts/capture-tool-transcripts.js), replayed. */
const DIR = new URL('../fixtures/tools/transcripts/', import.meta.url);
interface Transcript {
  tool: string;
  version: string;
  cases: {
    case: string;
    argv: string[];
    exitCode: number | null;
    stdout: string;
    stderr: string;
  }[];
}
const transcripts: Transcript[] = readdirSync(DIR).map(
  (name) => JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as Transcript,
);
const defaults = normalizeConditions({}, 'command');

function classify(argv0: string, exitCode: number, stdout: string, stderr: string) {
  const result: AttemptResult = {
    ok: false,
    exitCode,
    durationMs: 1,
    stdoutTail: stdout,
    stderrTail: stderr,
  };
  return classifyAttempt({ ...result, ...commandFacts(argv0, result, 0) }, defaults);
}

/** What the status-aware default decides for each captured case: retried or not. */
const EXPECTED: Record<string, Record<string, boolean>> = {
  curl: { 503: true, 429: true, 404: false, 403: false, 401: false, closed: true },
  wget: { 503: true, 429: true, 404: false, 403: false, 401: false, closed: true },
  git: { 503: true, 429: true, 404: false, 403: false, 401: false, closed: true },
  npm: { 503: true, 429: true, 404: false, 403: false, 401: false, closed: true },
  kubectl: {
    503: true,
    429: true,
    '429-no-retry-after': true,
    404: false,
    403: false,
    401: false,
    closed: true,
  },
  aws: { 503: true, 429: true, 404: false, 403: false, 401: false, closed: true },
  terraform: { 503: true, 429: true, 404: false, 403: false, 401: false, closed: true },
  ssh: { closed: true },
  scp: { closed: true },
  docker: { closed: true },
  gcloud: { 'no-account': false },
};

describe('the tool table against transcripts of the real tools', () => {
  for (const transcript of transcripts) {
    for (const c of transcript.cases) {
      const expected = EXPECTED[transcript.tool]?.[c.case];
      if (expected === undefined || c.exitCode === null) continue;
      it(`${transcript.tool} (${transcript.version.slice(0, 40)}) ${c.case}: ${expected ? 'retried' : 'not retried'}`, () => {
        const verdict = classify(c.argv[0]!, c.exitCode!, c.stdout, c.stderr);
        expect(verdict.retryable, verdict.explanation).toBe(expected);
        // A status the tool printed is the reason; a permanent error without one keeps exit:N.
        if (/^\d+$/.test(c.case))
          expect(verdict.reason).toMatch(new RegExp(`^(status:${c.case}|exit:\\d+)$`));
      });
    }
  }

  it("reads kubectl's 429 without Retry-After (TooManyRequests) as the 429 it is", () => {
    const kubectl = transcripts
      .find((t) => t.tool === 'kubectl')!
      .cases.find((c) => c.case === '429-no-retry-after')!;
    const verdict = classify('kubectl', kubectl.exitCode!, '', kubectl.stderr);
    expect(verdict.reason).toBe('status:429');
    expect(verdict.explanation).toBe(
      'retryable: kubectl says TooManyRequests (429) is retried by default',
    );
  });

  it('says why in words', () => {
    const curl = transcripts.find((t) => t.tool === 'curl')!.cases.find((c) => c.case === '404')!;
    expect(classify('curl', 22, '', curl.stderr).explanation).toBe(
      'not retried: HTTP 404 from curl is permanent (--retry-on any retries it)',
    );
    const kubectl = transcripts
      .find((t) => t.tool === 'kubectl')!
      .cases.find((c) => c.case === '403')!;
    expect(classify('kubectl', 1, '', kubectl.stderr).explanation).toBe(
      'not retried: kubectl says Forbidden (403) is permanent (--retry-on any retries it)',
    );
  });

  it('lists every command the built-in tools are known by, for runs that never build the table', () => {
    const names = Object.values(BUILTIN_TOOLS).flatMap((entry) => entry.commands);
    expect([...BUILTIN_COMMANDS]).toEqual(names);
  });

  it('keeps every pattern simple (linear-time) and cites a source', () => {
    for (const [name, entry] of Object.entries(BUILTIN_TOOLS)) {
      for (const message of entry.messages ?? []) {
        expect(unsafePattern(message.match), `${name}: ${message.match}`).toBeUndefined();
        expect(message.source.length, `${name}: ${message.match}`).toBeGreaterThan(5);
      }
    }
  });

  it('classifies any output and exit code, never throwing', () => {
    const names = Object.values(BUILTIN_TOOLS).flatMap((entry) => entry.commands);
    fc.assert(
      fc.property(
        fc.constantFrom(...names, 'sh', 'make'),
        fc.integer({ min: 1, max: 255 }),
        fc.string({ maxLength: 300 }),
        fc.string({ maxLength: 300 }),
        (argv0, code, stdout, stderr) => {
          const verdict = classify(argv0, code, stdout, stderr);
          expect(typeof verdict.retryable).toBe('boolean');
        },
      ),
    );
  });
});
