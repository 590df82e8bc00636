import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type AppHarness } from './app-harness.js';

let h: AppHarness;

beforeAll(async () => {
  h = await startHarness(300);
  await mkdir(join(h.folders.checkpointsDir, 'base-1'));
  await writeFile(join(h.folders.checkpointsDir, 'base-1', 'manifest.json'), JSON.stringify({ kind: 'base' }));
  await mkdir(join(h.folders.runsDir, 'demo-2024'));
  await writeFile(join(h.folders.runsDir, 'demo-2024', 'metrics.json'), JSON.stringify({ sharpe: 0.8 }));
});
afterAll(() => h.close());

const get = async (url: string) => {
  const response = await h.server.app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
};

describe('REST API', () => {
  it('lists data files, strategies, checkpoints and runs by server-built ids', async () => {
    expect(await get('/api/health')).toEqual({ status: 200, body: { ok: true, protocolVersion: 1 } });
    const data = await get('/api/data');
    expect(data.body.data).toEqual([{ id: 'market.csv', sizeBytes: expect.any(Number), modifiedMs: expect.any(Number) }]);
    const strategies = (await get('/api/strategies')).body.strategies as { id: string; defaults: Record<string, number> }[];
    expect(strategies.find((s) => s.id === 'sma-crossover')!.defaults).toEqual({ fast: 10, slow: 30 });
    expect((await get('/api/checkpoints')).body.checkpoints).toEqual([{ id: 'base-1', kind: 'base', modifiedMs: expect.any(Number) }]);
    expect((await get('/api/runs')).body).toEqual({ live: [], stored: [{ id: 'demo-2024', modifiedMs: expect.any(Number) }] });
  });

  it('starts a simulation, then reports its status and summary', async () => {
    const response = await h.server.app.inject({ method: 'POST', url: '/api/simulations', payload: { dataId: 'market.csv', strategyId: 'buy-and-hold', speed: 'max' } });
    expect(response.statusCode).toBe(202);
    const { runId } = response.json() as { runId: string };
    await h.server.hub.control(runId)?.done;
    const detail = await get(`/api/runs/${runId}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ source: 'live', run: { runId, kind: 'simulation', status: 'completed', controllable: false }, error: null });
    expect(detail.body.summary).toMatchObject({ strategy: 'buy-and-hold', bars: 300, steps: 299, trades: 1 });
    expect((detail.body.metrics as { barIndex: number }).barIndex).toBe(299);
    expect(((await get('/api/runs')).body.live as unknown[]).length).toBe(1);
  });

  it('returns a stored run\'s metrics.json as its summary', async () => {
    expect((await get('/api/runs/demo-2024')).body).toMatchObject({ source: 'stored', summary: { sharpe: 0.8 }, metrics: null });
  });

  it('answers bad requests with a stable code and a message', async () => {
    expect(await get('/api/runs/nope')).toEqual({ status: 404, body: { code: 'E_UNKNOWN_RUN', message: expect.stringMatching(/no run "nope"/) } });
    expect((await get('/api/runs/..%2f..%2fetc')).status).toBe(400);
    const post = (payload: object) => h.server.app.inject({ method: 'POST', url: '/api/simulations', payload });
    const noSpeed = await post({ dataId: 'market.csv', strategyId: 'buy-and-hold' });
    expect(noSpeed.statusCode).toBe(400);
    expect(noSpeed.json()).toMatchObject({ code: 'E_SCHEMA', message: expect.stringMatching(/speed/) });
    const unknownData = await post({ dataId: 'other.csv', strategyId: 'buy-and-hold', speed: 10 });
    expect(unknownData.statusCode).toBe(404);
    expect(unknownData.json()).toMatchObject({ code: 'E_UNKNOWN_ID' });
    const badParams = await post({ dataId: 'market.csv', strategyId: 'sma-crossover', params: { fast: 30, slow: 10 }, speed: 10 });
    expect(badParams.statusCode).toBe(400);
    expect(badParams.json()).toMatchObject({ code: 'E_BAD_CONFIG', message: expect.stringMatching(/fast < slow/) });
  });
});
