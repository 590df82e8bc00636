import type { Writable } from 'node:stream';

/**
 * Where the CLI writes. Results (tables, the final `--json` line) go to `stdout`; progress,
 * notes and errors go to `stderr`, so `tradegym … --json | jq` sees only results.
 * Tests pass in-memory streams to run the program in-process.
 */
export interface CliIo {
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable & { isTTY?: boolean };
  /** Writes one line (a newline is appended) to stdout. */
  out(line: string): void;
  /** Writes one line (a newline is appended) to stderr. */
  err(line: string): void;
}

/** A `CliIo` over two writable streams. */
export function streamIo(stdout: CliIo['stdout'], stderr: CliIo['stderr']): CliIo {
  return {
    stdout,
    stderr,
    out: (line) => void stdout.write(`${line}\n`),
    err: (line) => void stderr.write(`${line}\n`),
  };
}

/** The process's own stdout and stderr. */
export function processIo(): CliIo {
  return streamIo(process.stdout, process.stderr);
}
