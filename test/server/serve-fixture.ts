/**
 * Child process for the SIGINT and load tests: serves the temp folders under argv[2] on a
 * free loopback port with signal handling on, prints the port, samples its own memory, and on a
 * clean close prints the peaks (so the server is measured without clients).
 *
 * Two heap figures: `peakHeap` is the raw `heapUsed` sampled every 10 ms, which includes garbage
 * V8 has not collected yet and so swings with machine load; `peakLiveHeap` is `heapUsed + external`
 * (external holds the socket write buffers) right after a forced full collection every 100 ms
 * (the child runs with `--expose-gc`), i.e. what the server actually retains. The load test
 * bounds the live figure.
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
const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error('serve-fixture needs --expose-gc');
let peakRss = 0;
let peakHeap = 0;
let peakLiveHeap = 0;
const sample = () => {
  const { rss, heapUsed } = process.memoryUsage();
  peakRss = Math.max(peakRss, rss);
  peakHeap = Math.max(peakHeap, heapUsed);
};
const sampleLive = () => {
  collect();
  const { heapUsed, external } = process.memoryUsage();
  peakLiveHeap = Math.max(peakLiveHeap, heapUsed + external);
};
sample();
sampleLive();
const baseline = { rss: peakRss, heap: peakHeap, liveHeap: peakLiveHeap };
const sampler = setInterval(sample, 10);
sampler.unref();
const liveSampler = setInterval(sampleLive, 100);
liveSampler.unref();
process.stdout.write(`listening on ${server.port}\n`);
server.app.server.once('close', () => {
  sample();
  const memory = { baselineRss: baseline.rss, baselineHeap: baseline.heap, baselineLiveHeap: baseline.liveHeap, peakRss, peakHeap, peakLiveHeap };
  process.stdout.write(`memory ${JSON.stringify(memory)}\n`);
  process.stdout.write('closed cleanly\n');
});
