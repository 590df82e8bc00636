/**
 * Child process for the SIGINT and load tests: serves the temp folders under argv[2] on a
 * free loopback port with signal handling on, prints the port, samples its own memory every
 * 10 ms, and on a clean close prints the peaks (so the server is measured without clients).
 */
import { join } from 'node:path';
import { startServer } from '../../src/server/start-server.js';

const root = process.argv[2]!;
const server = await startServer({
  port: 0,
  dataDir: join(root, 'data'),
  checkpointsDir: join(root, 'checkpoints'),
  runsDir: join(root, 'runs'),
  logger: false,
  handleSignals: true,
});
let peakRss = 0;
let peakHeap = 0;
const sample = () => {
  const { rss, heapUsed } = process.memoryUsage();
  peakRss = Math.max(peakRss, rss);
  peakHeap = Math.max(peakHeap, heapUsed);
};
sample();
const baseline = { rss: peakRss, heap: peakHeap };
const sampler = setInterval(sample, 10);
sampler.unref();
process.stdout.write(`listening on ${server.port}\n`);
server.app.server.once('close', () => {
  sample();
  process.stdout.write(`memory ${JSON.stringify({ baselineRss: baseline.rss, baselineHeap: baseline.heap, peakRss, peakHeap })}\n`);
  process.stdout.write('closed cleanly\n');
});
