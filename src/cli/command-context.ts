import type { CliIo } from './cli-io.js';

/**
 * What every command's action receives besides its flags: where to write, and a way to
 * report a non-zero exit code without throwing (e.g. `data validate` found problems).
 */
export interface CommandContext {
  readonly io: CliIo;
  /** Exit code the program returns once the action finishes (default 0). */
  exitCode: number;
}

/** Prints `value` as one JSON line on stdout: the machine-readable result of `--json` (always the last line). */
export function printJsonResult(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)));
}
