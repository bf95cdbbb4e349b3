import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

interface ActionStep {
  id?: string;
  shell: string;
  run: string;
  env?: Record<string, string>;
}
interface ActionDefinition {
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  stepSummary: string;
}

/**
 * Runs a composite action's steps as the GitHub runner does: `${{ inputs.x }}` and
 * `${{ steps.id.outputs.x }}` substituted (any other expression is an error here, so the
 * test notices one it cannot imitate), each `run:` written to a file and run with its shell,
 * `GITHUB_ACTION_PATH`, `GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY` set.
 */
export async function runAction(
  actionDir: string,
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
): Promise<ActionRun> {
  const action = parse(await readFile(join(actionDir, 'action.yml'), 'utf8')) as ActionDefinition;
  if (action.runs.using !== 'composite') throw new Error('not a composite action');
  for (const name of Object.keys(inputs)) {
    if (!(name in action.inputs)) throw new Error(`action.yml has no input ${name}`);
  }
  const values = (name: string) => inputs[name] ?? action.inputs[name]?.default ?? '';
  const work = await mkdtemp(join(tmpdir(), 'retry-run-action-'));
  const summaryPath = join(work, 'step-summary');
  await writeFile(summaryPath, '');
  const steps: Record<string, Record<string, string>> = {};
  const expand = (text: string) =>
    text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => {
      const input = /^inputs\.([\w-]+)$/.exec(expression);
      if (input) return values(input[1]!);
      const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
      if (output) return steps[output[1]!]?.[output[2]!] ?? '';
      throw new Error(`expression not imitated: ${expression}`);
    });
  let last: Omit<ActionRun, 'outputs' | 'stepSummary'> = { code: 0, stdout: '', stderr: '' };
  for (const [index, step] of action.runs.steps.entries()) {
    if (step.shell !== 'bash') throw new Error(`shell not imitated: ${step.shell}`);
    const script = join(work, `step-${index}.sh`);
    const outputPath = join(work, `output-${index}`);
    await writeFile(script, expand(step.run));
    await writeFile(outputPath, '');
    const stepEnv = Object.fromEntries(
      Object.entries(step.env ?? {}).map(([key, value]) => [key, expand(String(value))]),
    );
    last = await run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION_PATH: actionDir,
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      ...env,
      ...stepEnv,
    });
    if (step.id) steps[step.id] = parseOutputFile(await readFile(outputPath, 'utf8'));
    if (last.code !== 0) break;
  }
  const outputs = Object.fromEntries(
    Object.entries(action.outputs).map(([name, output]) => [name, expand(output.value)]),
  );
  return { ...last, outputs, stepSummary: await readFile(summaryPath, 'utf8') };
}

/** `name=value` lines; the runner's `name<<DELIMITER` form is not used by retry-run. */
function parseOutputFile(text: string): Record<string, string> {
  const lines = text.split('\n').filter((line) => line !== '');
  return Object.fromEntries(lines.map((line) => line.split(/=(.*)/s).slice(0, 2)));
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<Omit<ActionRun, 'outputs' | 'stepSummary'>>((resolve, reject) => {
    const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
