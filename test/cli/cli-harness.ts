import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { streamIo } from '../../src/cli/cli-io.js';
import { runCli } from '../../src/cli/run-cli.js';

/** Repository root (tests spawn the CLI from here). */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** What a CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

class TextSink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Runs the program in-process with captured stdout/stderr (fast: no new Node process). */
export async function runInProcess(argv: string[]): Promise<CliRun> {
  const stdout = new TextSink();
  const stderr = new TextSink();
  const code = await runCli(argv, streamIo(stdout, stderr));
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/**
 * Starts `node --import tsx src/cli/main.ts …` as a child process in `cwd`. tsx runs as a loader
 * inside the one process (not the `tsx` CLI, whose parent process relays signals and SIGKILLs a
 * child that does not acknowledge SIGINT within 30 ms — i.e. one busy in a PPO update).
 */
export function spawnCli(argv: string[], cwd = ROOT): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), ...argv], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs the CLI as a child process to completion. */
export function runSubprocess(argv: string[], cwd = ROOT): Promise<CliRun> {
  const child = spawnCli(argv, cwd);
  return collect(child);
}

/** Collects a child's output and exit code (128 + n for a signal). */
export function collect(child: ChildProcess): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal === 'SIGINT' ? 130 : 1), stdout, stderr }));
  });
}

/** The last non-empty line of stdout, parsed as JSON (the `--json` contract). */
export function lastJsonLine(stdout: string): Record<string, unknown> {
  const lines = stdout.split('\n').filter((l) => l.trim() !== '');
  return JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
}

/** A fresh temporary directory. */
export function tempDir(prefix = 'tradegym-cli-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}
