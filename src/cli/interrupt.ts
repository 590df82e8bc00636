import type { CliIo } from './cli-io.js';

/** Exit code after a second Ctrl-C (128 + SIGINT), and of a run stopped by Ctrl-C. */
export const EXIT_INTERRUPTED = 130;

/**
 * A second SIGINT within this many ms of the first is the same Ctrl-C delivered twice (the
 * terminal signals the whole process group and `npm run` forwards it again), not a second press.
 */
const DUPLICATE_WINDOW_MS = 1000;

/**
 * Installs a SIGINT (Ctrl-C) handler for a long-running command: the first Ctrl-C aborts the
 * returned signal (training stops after the current update and writes its checkpoint); a
 * second one, pressed at least a second later, exits at once with code 130, without saving.
 * Returns the signal and a function that removes the handler.
 */
export function interruptSignal(io: CliIo, what: string): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  let firstAt = 0;
  const onSigint = () => {
    if (controller.signal.aborted) {
      if (Date.now() - firstAt < DUPLICATE_WINDOW_MS) return;
      io.err('\nsecond Ctrl-C: exiting without saving');
      process.exit(EXIT_INTERRUPTED);
    }
    firstAt = Date.now();
    io.err(`\nCtrl-C: ${what} (press Ctrl-C again to quit without saving)`);
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  return { signal: controller.signal, release: () => void process.off('SIGINT', onSigint) };
}
