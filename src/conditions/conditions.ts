import { constants } from 'node:os';
import { UsageError } from '../shared/errors.js';
import type { LinearRegex } from './linear-regex.js';
import { parseRegexOption } from './regex-option.js';

/** One parsed token of the condition grammar (README, What gets retried). `token` is its canonical text. */
export type Condition =
  | { kind: 'any'; token: string }
  | { kind: 'exit'; min: number; max: number; token: string }
  | { kind: 'signal'; signal?: string; token: string }
  | { kind: 'timeout'; token: string }
  | { kind: 'connection'; token: string }
  | { kind: 'status'; min: number; max: number; token: string }
  | { kind: 'output'; stream: OutputStream; regex: LinearRegex; token: string };

export type OutputStream = 'output' | 'stdout' | 'stderr';

export const VALID_TOKENS =
  'any, exit:N, exit:N-M, exit:any, signal, signal:NAME, timeout, connection, NNN, Nxx, ' +
  'output:/re/, stdout:/re/, stderr:/re/';
const MAX_LIST_LENGTH = 10_000;

/**
 * Parses a comma-separated condition list, e.g. `exit:1-3,503,output:/try again/i`.
 * A regex may itself contain commas and escaped slashes. Throws a UsageError naming `flag`.
 *
 * @example
 * ```ts
 * import { parseConditions } from 'retry-run';
 *
 * const conditions = parseConditions('exit:1-3,503,output:/try again/i', '--retry-on');
 * console.log(conditions.map((condition) => condition.kind).join(' ')); // exit status output
 * ```
 */
export function parseConditions(text: string, flag: string): Condition[] {
  if (text.length > MAX_LIST_LENGTH) throw new UsageError(`${flag}: the list is too long`);
  const conditions: Condition[] = [];
  let position = 0;
  while (position <= text.length) {
    const { raw, end } = readToken(text, position, flag);
    const token = raw.trim();
    if (token === '') throw new UsageError(`${flag}: empty condition in '${text}'`);
    conditions.push(parseToken(token, flag));
    position = end + 1;
  }
  return conditions;
}

/** Reads up to the next comma that is not inside a `/regex/`. */
function readToken(text: string, start: number, flag: string): { raw: string; end: number } {
  const regexStart = /^\s*(output|stdout|stderr):\//.exec(text.slice(start));
  if (!regexStart) {
    const comma = text.indexOf(',', start);
    const end = comma === -1 ? text.length : comma;
    return { raw: text.slice(start, end), end };
  }
  let index = start + regexStart[0].length;
  for (; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text[index] === '/') break;
  }
  if (index >= text.length) {
    throw new UsageError(`${flag}: unterminated regular expression in '${text.slice(start)}'`);
  }
  const comma = text.indexOf(',', index);
  const end = comma === -1 ? text.length : comma;
  return { raw: text.slice(start, end), end };
}

function parseToken(token: string, flag: string): Condition {
  const lower = token.toLowerCase();
  if (lower === 'any') return { kind: 'any', token: 'any' };
  if (lower === 'timeout') return { kind: 'timeout', token: 'timeout' };
  if (lower === 'connection') return { kind: 'connection', token: 'connection' };
  if (lower === 'signal') return { kind: 'signal', token: 'signal' };
  if (lower.startsWith('signal:')) return parseSignal(token.slice(7), flag);
  if (lower.startsWith('exit:')) return parseExit(token.slice(5), flag);
  const output = /^(output|stdout|stderr):(\/.*)$/s.exec(token);
  if (output) return parseOutput(output[1] as OutputStream, output[2]!, flag);
  if (/^[1-5]\d\d$/.test(token)) {
    const status = Number(token);
    return { kind: 'status', min: status, max: status, token };
  }
  if (/^[1-5]xx$/i.test(token)) {
    const hundred = Number(token[0]) * 100;
    return { kind: 'status', min: hundred, max: hundred + 99, token: `${token[0]}xx` };
  }
  throw new UsageError(
    `${flag}: unknown condition '${token}'; valid conditions are: ${VALID_TOKENS}`,
  );
}

function parseExit(range: string, flag: string): Condition {
  if (range.toLowerCase() === 'any') return { kind: 'exit', min: 0, max: 255, token: 'exit:any' };
  const match = /^(\d{1,3})(?:-(\d{1,3}))?$/.exec(range);
  const min = Number(match?.[1]);
  const max = match?.[2] === undefined ? min : Number(match[2]);
  if (!match || min > 255 || max > 255 || min > max) {
    throw new UsageError(
      `${flag}: 'exit:${range}' needs an exit code or range within 0-255, such as exit:1 or exit:2-5`,
    );
  }
  return { kind: 'exit', min, max, token: min === max ? `exit:${min}` : `exit:${min}-${max}` };
}

function parseSignal(name: string, flag: string): Condition {
  const upper = name.toUpperCase();
  const signal = upper.startsWith('SIG') ? upper : `SIG${upper}`;
  if (!(signal in constants.signals)) {
    throw new UsageError(
      `${flag}: unknown signal '${name}' (for example signal:TERM, signal:KILL)`,
    );
  }
  return { kind: 'signal', signal, token: `signal:${signal.slice(3)}` };
}

function parseOutput(stream: OutputStream, literal: string, flag: string): Condition {
  const regex = parseRegexOption(literal, flag, { bare: false });
  return { kind: 'output', stream, regex, token: `${stream}:${regex.text}` };
}

/**
 * Whether any of these conditions reads the attempt's output, so the runner must tee it and
 * keep a tail: output patterns, statuses (a whole word in the output) and `connection` (its
 * messages, e.g. "Connection refused"). `timeout` needs none: it is `--timeout` or a known
 * tool's exit code (curl 28).
 */
export function needsOutput(conditions: readonly Condition[]): boolean {
  return conditions.some(
    (c) => c.kind === 'output' || c.kind === 'status' || c.kind === 'connection',
  );
}
