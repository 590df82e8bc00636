/**
 * `npm run bench [-- --json] [-- --quick]`: runs the benchmark suite, logs progress to stderr
 * and prints the figures; with `--json`, one JSON object as stdout's last line.
 */
import { runBench } from './bench.js';

const args = process.argv.slice(2);
const report = await runBench({ quick: args.includes('--quick'), log: (line) => process.stderr.write(`${line}\n`) });
if (args.includes('--json')) {
  process.stdout.write(`${JSON.stringify(report)}\n`);
} else {
  const width = Math.max(...Object.keys(report).map((k) => k.length));
  for (const [key, value] of Object.entries(report)) {
    const shown = typeof value === 'number' && !Number.isInteger(value) ? value.toPrecision(4) : String(value);
    process.stdout.write(`${key.padEnd(width)}  ${shown}\n`);
  }
}
