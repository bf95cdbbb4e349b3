#!/usr/bin/env node
// Writes `retry-run explain --tools` (the built binary's, so run `npm run build` first) into
// README.md between the known-tools markers; test/readme-tools.test.ts fails when it is stale.
// `node scripts/write-readme-tools.js`.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const README = new URL('../README.md', import.meta.url);
const BIN = new URL('../bin/retry-run.js', import.meta.url).pathname;
export const START = '<!-- known-tools:start (node scripts/write-readme-tools.js) -->';
export const END = '<!-- known-tools:end -->';

const table = execFileSync(process.execPath, [BIN, 'explain', '--tools'], {
  encoding: 'utf8',
  env: { PATH: process.env.PATH, NO_COLOR: '1' },
});
const text = readFileSync(README, 'utf8');
const start = text.indexOf(START);
const end = text.indexOf(END);
if (start === -1 || end < start) throw new Error(`README.md has no ${START} … ${END} block`);
const block = `${START}\n\n\`\`\`console\n$ retry-run explain --tools\n${table}\`\`\`\n\n`;
writeFileSync(README, text.slice(0, start) + block + text.slice(end));
