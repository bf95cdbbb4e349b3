import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

/** One process as the system lists it. */
export interface ProcessRow {
  pid: number;
  ppid: number;
  pgid: number;
}

/**
 * Every live process of the system by pid: from /proc on Linux (no child process needed),
 * else from `ps`. Zombies are left out: they have exited and wait only for their parent (an
 * orphan's is init, which may take a second to reap them). Undefined when neither source
 * can be read.
 */
export async function readProcessTable(): Promise<Map<number, ProcessRow> | undefined> {
  const rows = await readProc().catch(() => readPs().catch(() => undefined));
  return rows && new Map(rows.map((row) => [row.pid, row]));
}

/** `root` and every process below it, following parent links. */
export function treeOf(table: ReadonlyMap<number, ProcessRow>, root: number): number[] {
  const children = new Map<number, number[]>();
  for (const row of table.values()) {
    children.set(row.ppid, [...(children.get(row.ppid) ?? []), row.pid]);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

async function readProc(): Promise<ProcessRow[]> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  const rows = await Promise.all(
    pids.map((pid) => readFile(`/proc/${pid}/stat`, 'utf8').then(parseStat, () => undefined)),
  );
  return rows.filter((row): row is ProcessRow => row !== undefined);
}

/** `pid (comm) state ppid pgrp …`; comm may hold spaces and parentheses, so split after it. */
function parseStat(stat: string): ProcessRow | undefined {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const pid = Number.parseInt(stat, 10);
  // A zombie has exited already: it needs no signal, only its parent's wait().
  if (fields[0] === 'Z') return undefined;
  return { pid, ppid: Number(fields[1]), pgid: Number(fields[2]) };
}

function readPs(): Promise<ProcessRow[]> {
  return new Promise((resolve, reject) => {
    execFile('ps', ['-A', '-o', 'pid=,ppid=,pgid=,stat='], (error, stdout) => {
      if (error) return reject(error);
      const rows = stdout
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        .filter((fields) => fields.length >= 4 && !fields[3]!.startsWith('Z'))
        .map(([pid, ppid, pgid]) => ({ pid: Number(pid), ppid: Number(ppid), pgid: Number(pgid) }));
      resolve(rows);
    });
  });
}
