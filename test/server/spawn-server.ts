/**
 * Runs `serve-fixture.ts` in a child process (so its memory is the server's alone) and
 * talks to it: the port it listens on, SIGINT, its exit code and printed memory peaks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/** Peak and baseline memory of the server process, bytes (see serve-fixture.ts). */
export interface ServerMemory {
  baselineRss: number;
  /** Raw `heapUsed` at start (includes uncollected garbage). */
  baselineHeap: number;
  /** `heapUsed + external` after a forced full GC at start. */
  baselineLiveHeap: number;
  peakRss: number;
  /** Largest raw `heapUsed` seen (every 10 ms). */
  peakHeap: number;
  /** Largest `heapUsed + external` right after a forced full GC (every 100 ms): what the server retains. */
  peakLiveHeap: number;
}

/** A server child process. */
export interface SpawnedServer {
  port: number;
  child: ChildProcess;
  output(): string;
  /** Sends SIGINT and resolves with the exit code and the memory line. */
  interrupt(): Promise<{ code: number | null; memory: ServerMemory | null }>;
}

/** Starts the fixture over the temp folders under `root` and waits until it listens. */
export async function spawnServer(root: string): Promise<SpawnedServer> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', resolve('test/server/serve-fixture.ts'), root], { stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: string[] = [];
  child.stderr!.on('data', (d: Buffer) => chunks.push(d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const port = await new Promise<number>((resolvePort, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      chunks.push(d.toString());
      const match = /listening on (\d+)/.exec(chunks.join(''));
      if (match) resolvePort(Number(match[1]));
    });
    void exited.then(() => reject(new Error(`server exited early: ${chunks.join('')}`)));
  });
  return {
    port,
    child,
    output: () => chunks.join(''),
    async interrupt() {
      child.kill('SIGINT');
      const code = await exited;
      const match = /memory (\{.*\})/.exec(chunks.join(''));
      return { code, memory: match ? (JSON.parse(match[1]!) as ServerMemory) : null };
    },
  };
}
