import { CommanderError } from 'commander';
import { isTradegymError } from '../core/errors.js';
import { type CliIo, processIo } from './cli-io.js';
import type { CommandContext } from './command-context.js';
import { buildProgram } from './program.js';

/** Exit code of a usage error (unknown command, invalid flag value). */
export const EXIT_USAGE = 2;
/** Exit code of a run-time failure (bad data, missing file, TradegymError). */
export const EXIT_FAILURE = 1;

/**
 * Runs the `tradegym` program on `argv` (user arguments, without `node` and the script) and
 * returns the exit code instead of exiting, so tests can run it in-process.
 * Exit codes: 0 success (or `--help`), 1 a run-time error (one line `error [CODE]: …`, stack
 * only with `--debug`) or a command that found problems (`data validate`), 2 a usage error
 * (commander's one-line message naming the valid values), 130 a second Ctrl-C.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const context: CommandContext = { io, exitCode: 0 };
  const program = buildProgram(context);
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USAGE;
    reportError(io, error, debug);
    return EXIT_FAILURE;
  }
}

function reportError(io: CliIo, error: unknown, debug: boolean): void {
  if (isTradegymError(error)) {
    io.err(`error [${error.code}]: ${error.message}`);
  } else {
    io.err(`error: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (debug && error instanceof Error && error.stack) io.err(error.stack);
  else if (!isTradegymError(error)) io.err('(this looks like a bug in tradegym; run again with --debug for the stack trace)');
}
