import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../core/rng.js';
import { writeBarsCsv } from '../data/csv-writer.js';
import { generateSyntheticMarket } from '../data/synthetic-market.js';
import { median } from '../runs/bench-timing.js';
import { openWsClient, type WsClient } from './open-ws-client.js';
import { startServer, type RunningServer } from './start-server.js';

/** Figures of {@link benchWs}: `bar` events delivered per second over loopback WebSockets. */
export interface WsBenchResult {
  /** One client watching a full-speed simulation. */
  wsEventsPerSec1Client: number;
  /** Twenty clients watching one full-speed simulation, summed over clients. */
  wsEventsPerSec20Clients: number;
}

/** Options of {@link benchWs}. */
export interface WsBenchOptions {
  /** Bars of the simulated market. Default 20,000. */
  bars?: number;
  /** Runs per figure; the median is reported. Default 3. */
  repeats?: number;
}

/**
 * Measures WebSocket telemetry throughput: a real server on a loopback port replays an SMA
 * crossover over a seeded synthetic market at full speed while N real `ws` clients (same
 * process) watch it; the figure is bar events received by all clients / wall seconds from
 * switching to full speed until every client has `run.finished`.
 */
export async function benchWs(options: WsBenchOptions = {}): Promise<WsBenchResult> {
  const bars = options.bars ?? 20_000;
  const repeats = options.repeats ?? 3;
  const root = await mkdtemp(join(tmpdir(), 'tradegym-bench-ws-'));
  const dataDir = join(root, 'data');
  await mkdir(dataDir);
  await writeBarsCsv(join(dataDir, 'bench.csv'), generateSyntheticMarket({ bars, symbol: 'BENCH' }, createRng(1)).series);
  const server = await startServer({ port: 0, dataDir, checkpointsDir: join(root, 'checkpoints'), runsDir: join(root, 'runs'), logger: false });
  try {
    const rate = async (clients: number) => {
      const rates: number[] = [];
      for (let i = 0; i < repeats; i++) rates.push(await deliveryRate(server, clients));
      return median(rates);
    };
    return { wsEventsPerSec1Client: await rate(1), wsEventsPerSec20Clients: await rate(20) };
  } finally {
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
}

/** Bar events per second delivered to `count` clients watching one full-speed run. */
async function deliveryRate(server: RunningServer, count: number): Promise<number> {
  const watchers = await Promise.all(Array.from({ length: count }, () => Watcher.connect(`ws://127.0.0.1:${server.port}/ws`)));
  try {
    const [owner, ...others] = watchers;
    const runId = await owner!.request({ type: 'sim.start', dataId: 'bench.csv', strategyId: 'sma-crossover', speed: 1 });
    await Promise.all(others.map((w) => w.request({ type: 'subscribe', runId })));
    for (const w of watchers) w.bars = 0;
    const finished = Promise.all(watchers.map((w) => w.finished(runId)));
    const started = performance.now();
    await owner!.request({ type: 'sim.speed', runId, speed: 'max' });
    await finished;
    const seconds = (performance.now() - started) / 1000;
    return watchers.reduce((sum, w) => sum + w.bars, 0) / seconds;
  } finally {
    for (const w of watchers) w.socket.terminate();
  }
}

/** A bench client: counts bars, resolves requests by their ack and runs by their finish. */
class Watcher {
  bars = 0;
  private nextRequest = 1;
  private readonly waiting = new Map<string, (value: string) => void>();

  private constructor(readonly socket: WsClient) {
    socket.on('message', (data) => {
      const text = data.toString();
      if (text.startsWith('{"type":"bar"')) {
        this.bars++;
        return;
      }
      const m = JSON.parse(text) as { type: string; requestId?: string; runId?: string; message?: string };
      if (m.type === 'ack' || m.type === 'error') this.waiting.get(m.requestId ?? '')?.(m.type === 'ack' ? (m.runId ?? '') : `error: ${m.message}`);
      if (m.type === 'run.finished') this.waiting.get(`finished:${m.runId}`)?.(m.runId ?? '');
    });
  }

  static async connect(url: string): Promise<Watcher> {
    let watcher: Watcher | undefined;
    await openWsClient(url, (socket) => (watcher = new Watcher(socket)));
    return watcher!;
  }

  /** Sends a command and resolves with the run id of its ack (rejects on an error reply). */
  async request(message: Record<string, unknown>): Promise<string> {
    const requestId = `b${this.nextRequest++}`;
    const reply = new Promise<string>((resolve) => this.waiting.set(requestId, resolve));
    this.socket.send(JSON.stringify({ ...message, requestId }));
    const value = await reply;
    if (value.startsWith('error: ')) throw new Error(`bench-ws: ${value}`);
    return value;
  }

  finished(runId: string): Promise<string> {
    return new Promise((resolve) => this.waiting.set(`finished:${runId}`, resolve));
  }
}
