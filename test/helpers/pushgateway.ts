import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './redis-server.js';

/** Debian's prometheus-pushgateway package; `.ci/run` installs it when missing. */
export const PUSHGATEWAY_BIN = '/usr/bin/prometheus-pushgateway';
export const hasPushgateway = existsSync(PUSHGATEWAY_BIN);

export interface Pushgateway {
  url: string;
  /** What Prometheus would scrape: the pushgateway's /metrics. */
  metrics(): Promise<string>;
  stop(): Promise<void>;
}

/** A real, throw-away Pushgateway on a free loopback port, with a temporary persistence file. */
export async function startPushgateway(): Promise<Pushgateway> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'retry-run-pushgateway-'));
  const child = await launch([
    `--web.listen-address=127.0.0.1:${port}`,
    `--persistence.file=${join(dir, 'metrics')}`,
  ]);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    metrics: async () => (await fetch(`${url}/metrics`)).text(),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

function launch(args: string[]): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(PUSHGATEWAY_BIN, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Listening on')) {
        child.stderr!.off('data', onData);
        child.stderr!.resume();
        resolve(child);
      }
    };
    child.stderr!.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`pushgateway exited (${code}): ${output}`)));
  });
}
