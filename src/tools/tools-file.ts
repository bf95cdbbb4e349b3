import { readFileSync } from 'node:fs';
import { UsageError } from '../shared/errors.js';
import { unsafePattern } from './compile.js';
import { TOOL_CLASSES, type ToolTable } from './types.js';

/**
 * Reads a `--tools-file` (README "Known tools"): JSON of the built-in table's shape, whose
 * entries add tools or replace built-in ones by name. Every field is checked here, and a bad
 * one is a usage error naming the file and the field, before anything runs.
 */
export function loadToolsFile(path: string): ToolTable {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `--tools-file: cannot read '${path}': ${(error as Error).message}`,
      'ERR_UNREADABLE_FILE',
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--tools-file: '${path}' is not JSON: ${(error as Error).message}`);
  }
  return validateTable(data, (field, problem) => {
    throw new UsageError(`--tools-file: '${path}': ${field}: ${problem}`);
  });
}

type Fail = (field: string, problem: string) => never;

function validateTable(data: unknown, fail: Fail): ToolTable {
  if (!isObject(data)) fail('(top level)', 'expected an object of tool name → entry');
  for (const [name, entry] of Object.entries(data)) validateEntry(name, entry, fail);
  return data as ToolTable;
}

const ENTRY_FIELDS = [
  'commands',
  'scriptPrefixes',
  'exitLine',
  'exits',
  'messages',
  'readsRetryAfter',
];

function validateEntry(name: string, entry: unknown, fail: Fail): void {
  if (!isObject(entry)) fail(name, 'expected an object');
  for (const key of Object.keys(entry)) {
    if (!ENTRY_FIELDS.includes(key))
      fail(`${name}.${key}`, `unknown field (expected ${ENTRY_FIELDS.join(', ')})`);
  }
  const commands = entry.commands;
  if (!Array.isArray(commands) || commands.length === 0 || !commands.every(isWord))
    fail(`${name}.commands`, 'expected a non-empty array of command names');
  if (
    entry.scriptPrefixes !== undefined &&
    !(Array.isArray(entry.scriptPrefixes) && entry.scriptPrefixes.every(isWord))
  )
    fail(`${name}.scriptPrefixes`, 'expected an array of non-empty strings');
  if (entry.exitLine !== undefined) validatePattern(`${name}.exitLine`, entry.exitLine, fail);
  if (entry.readsRetryAfter !== undefined && typeof entry.readsRetryAfter !== 'boolean')
    fail(`${name}.readsRetryAfter`, 'expected true or false');
  if (entry.exits !== undefined) {
    if (!isObject(entry.exits))
      fail(`${name}.exits`, 'expected an object of exit code → {class, meaning}');
    for (const [code, exit] of Object.entries(entry.exits)) {
      const field = `${name}.exits.${code}`;
      if (!/^\d{1,3}$/.test(code) || Number(code) > 255)
        fail(field, 'the key must be an exit code 0-255');
      if (!isObject(exit)) fail(field, 'expected an object with class and meaning');
      validateClass(`${field}.class`, exit.class, fail);
      if (!isWord(exit.meaning)) fail(`${field}.meaning`, 'expected a non-empty string');
    }
  }
  if (entry.messages !== undefined) {
    if (!Array.isArray(entry.messages)) fail(`${name}.messages`, 'expected an array');
    entry.messages.forEach((message: unknown, index: number) => {
      const field = `${name}.messages[${index}]`;
      if (!isObject(message)) fail(field, 'expected an object with match, class and source');
      validatePattern(`${field}.match`, message.match, fail);
      validateClass(`${field}.class`, message.class, fail);
      if (
        message.status !== undefined &&
        !(
          Number.isInteger(message.status) &&
          (message.status as number) >= 100 &&
          (message.status as number) <= 599
        )
      )
        fail(`${field}.status`, 'expected an HTTP status 100-599');
      if (message.says !== undefined && !isWord(message.says))
        fail(`${field}.says`, 'expected a non-empty string');
      if (message.source !== undefined && typeof message.source !== 'string')
        fail(`${field}.source`, 'expected a string');
    });
  }
}

function validatePattern(field: string, pattern: unknown, fail: Fail): void {
  if (!isWord(pattern)) fail(field, 'expected a regular expression as a non-empty string');
  const problem = unsafePattern(pattern);
  if (problem) fail(field, `unusable regular expression: ${problem}`);
}

function validateClass(field: string, value: unknown, fail: Fail): void {
  if (!(TOOL_CLASSES as readonly unknown[]).includes(value))
    fail(field, `expected one of ${TOOL_CLASSES.join(', ')}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWord(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}
