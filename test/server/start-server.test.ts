import { Writable } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWsClient } from '../../src/server/open-ws-client.js';
import { isLoopbackHost, startServer } from '../../src/server/start-server.js';
import { makeTempFolders, writeMarketCsv } from './fixtures.js';
import { startRealHarness } from './real-harness.js';
import { spawnServer } from './spawn-server.js';
import { TestClient } from './test-client.js';

/** A pino destination that keeps the JSON log lines. */
function logCapture(): { stream: Writable; lines: { level: number; msg: string }[] } {
  const lines: { level: number; msg: string }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as { level: number; msg: string });
      done();
    },
  });
  return { stream, lines };
}

describe('startServer', () => {
  it('binds 127.0.0.1 by default and logs no exposure warning', async () => {
    const folders = await makeTempFolders();
    const log = logCapture();
    const server = await startServer({ ...folders, port: 0, logger: { level: 'info', stream: log.stream } });
    expect((server.app.server.address() as { address: string }).address).toBe('127.0.0.1');
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    await server.close();
    await server.close(); // idempotent
    expect(log.lines.some((l) => l.level === 40 && /binding to/.test(l.msg))).toBe(false);
    await folders.remove();
  });

  it('warns when told to bind anything but loopback', async () => {
    const folders = await makeTempFolders();
    const log = logCapture();
    const server = await startServer({ ...folders, port: 0, host: '0.0.0.0', logger: { level: 'info', stream: log.stream } });
    await server.close();
    expect(log.lines.find((l) => l.level === 40)?.msg).toMatch(/binding to 0\.0\.0\.0.*reachable from the network/);
    expect(['127.0.0.1', '127.1.2.3', '::1', 'localhost'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '::', '192.168.1.10', '127.0.0.1.evil.com'].some(isLoopbackHost)).toBe(false);
    await folders.remove();
  });

  it('close() stops running simulations (status "stopped"), closes client sockets (1001) and resolves', async () => {
    const h = await startRealHarness(5_000);
    const client = await h.connect();
    client.send({ type: 'sim.start', requestId: 'go', dataId: 'market.csv', strategyId: 'buy-and-hold', speed: 100 });
    const runId = (await client.waitFor('ack', (a) => a.requestId === 'go')).runId!;
    await client.waitFor('bar', (b) => b.runId === runId);
    await h.server.close();
    expect((await client.waitFor('run.finished', (m) => m.runId === runId)).status).toBe('stopped');
    expect((await client.closed).code).toBe(1001);
    expect(h.server.app.server.listening).toBe(false);
    await h.close();
  });

  it('shuts down gracefully on SIGINT: the run is stopped, the client told, the process exits 0', async () => {
    const folders = await makeTempFolders();
    await writeMarketCsv(join(folders.dataDir, 'market.csv'), 5_000);
    const server = await spawnServer(folders.root);
    let client: TestClient | undefined;
    await openWsClient(`ws://127.0.0.1:${server.port}/ws`, (s) => (client = new TestClient(s)));
    client!.send({ type: 'sim.start', requestId: 'go', dataId: 'market.csv', strategyId: 'buy-and-hold', speed: 100 });
    const runId = (await client!.waitFor('ack', (a) => a.requestId === 'go')).runId!;
    await client!.waitFor('bar', (b) => b.runId === runId);
    const exit = server.interrupt();
    expect((await client!.waitFor('run.finished', (m) => m.runId === runId)).status).toBe('stopped');
    expect((await client!.closed).code).toBe(1001);
    expect((await exit).code).toBe(0);
    expect(server.output()).toMatch(/closed cleanly/);
    await folders.remove();
  });
});
