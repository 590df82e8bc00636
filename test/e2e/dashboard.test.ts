/**
 * The dashboard in a real browser: Debian's chromium (headless, via playwright-core) loads
 * the page from a real server on a free loopback port, starts a simulation from the page's
 * controls, pauses and resumes it, and checks candles, trade markers and metrics against
 * the server's own record of the run. Then the server goes away (the page says so) and
 * comes back on the same port (the page reconnects). Saves a screenshot to test-results/.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TelemetryEvent } from '../../src/core/telemetry.js';
import { runPretrain } from '../../src/runs/pretrain.js';
import { DEFAULT_TRAINING_SETTINGS } from '../../src/runs/training-settings.js';
import { startServer, type RunningServer } from '../../src/server/start-server.js';
import { makeTempFolders, writeMarketCsv, type TempFolders } from '../server/fixtures.js';

const BARS = 400;
let folders: TempFolders;
let server: RunningServer;
let browser: BrowserContext;
let page: Page;
let profileDir: string;
const pageErrors: string[] = [];

const serverOptions = () => ({ ...folders, port: server?.port ?? 0, logger: false as const });

beforeAll(async () => {
  folders = await makeTempFolders();
  await writeMarketCsv(join(folders.dataDir, 'market.csv'), BARS);
  server = await startServer(serverOptions());
  profileDir = await mkdtemp(join(tmpdir(), 'tradegym-chromium-'));
  // A fresh profile per run (playwright takes it as launchPersistentContext's userDataDir
  // rather than as a --user-data-dir flag).
  browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 1050 },
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource/.test(message.text())) pageErrors.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await folders?.remove();
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
});

const attr = async (selector: string, name: string) => Number(await page.getAttribute(selector, name));

describe('dashboard in chromium', () => {
  it('starts a simulation from the controls and draws candles, trade markers and live metrics', async () => {
    await page.goto(server.url);
    await page.waitForSelector('#connection-status[data-state="connected"]');
    await page.waitForFunction(() => (document.querySelector('#data-select') as HTMLSelectElement).options.length > 0);
    await page.selectOption('#data-select', 'market.csv');
    await page.selectOption('#strategy-select', 'strategy:sma-crossover');
    await page.fill('#params-input', '{"fast": 5, "slow": 20}');
    await page.selectOption('#speed-select', '200');
    await page.click('#start-btn');

    await page.waitForFunction(() => Number(document.querySelector('#price-chart')!.getAttribute('data-candles')) >= 40);
    await page.click('#pause-btn');
    await page.waitForSelector('#run-status[data-status="paused"]');
    const pausedAt = await attr('#price-chart', 'data-candles');
    await page.waitForTimeout(400);
    expect(await attr('#price-chart', 'data-candles')).toBeLessThanOrEqual(pausedAt + 2);
    await page.click('#resume-btn');
    await page.waitForSelector('#run-status[data-status="completed"]', { timeout: 30_000 });

    const run = server.hub.list().find((r) => r.kind === 'simulation')!;
    const record = server.hub.get(run.runId)!;
    const summary = record.finished!.summary as { trades: number; finalEquity: number };
    expect(await attr('#price-chart', 'data-candles')).toBe(BARS - 1);
    expect(summary.trades).toBeGreaterThan(2);
    expect(await attr('#price-chart', 'data-markers')).toBe(summary.trades);
    expect(await attr('#equity-chart', 'data-points')).toBe(BARS - 1);
    expect(await attr('#metrics-panel', 'data-updates')).toBeGreaterThan(5);
    const totalReturn = record.lastMetrics!.totalReturn;
    const shown = `${totalReturn > 0 ? '+' : ''}${(totalReturn * 100).toFixed(2)}%`;
    expect(await page.textContent('#metrics-total-return')).toBe(shown);
    expect(await page.textContent('#metrics-trades')).toBe(String(summary.trades));
    expect(await page.textContent('#metrics-bars')).toBe(`${BARS - 1} / ${BARS - 1}`);
    expect(await page.textContent('#run-title')).toBe('sma-crossover(5,20) on market.csv');
    expect(await page.locator('#action-probs .prob-row').count()).toBe(5);
    expect(await page.locator('#action-probs .prob-row.chosen').count()).toBe(1);

    await mkdir(resolve('test-results'), { recursive: true });
    const screenshot = resolve('test-results', 'dashboard.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`dashboard screenshot: ${screenshot}`);
    expect(pageErrors).toEqual([]);
  });

  it('says when the server is unreachable and reconnects on its own after a restart', async () => {
    const port = server.port;
    await server.close();
    await page.waitForSelector('#server-unreachable:not([hidden])', { timeout: 10_000 });
    expect(await page.textContent('#server-unreachable')).toMatch(/unreachable.*retrying in \d+ s/s);
    expect(await page.getAttribute('#connection-status', 'data-state')).toBe('offline');
    server = await startServer({ ...folders, port, logger: false });
    await page.waitForSelector('#connection-status[data-state="connected"]', { timeout: 20_000 });
    expect(await page.isHidden('#server-unreachable')).toBe(true);
    await page.waitForFunction(() => (document.querySelector('#data-select') as HTMLSelectElement).options.length > 0);
    expect(pageErrors).toEqual([]);
  });

  it('draws training curves while a pretraining run streams, then replays its checkpoint with live action probabilities', async () => {
    const updates: TelemetryEvent[] = [];
    const training = runPretrain(
      { ...DEFAULT_TRAINING_SETTINGS, steps: 6_144, nEnvs: 2, nSteps: 128, episodeLength: 128, markets: [join(folders.dataDir, 'market.csv')],
        out: join(folders.checkpointsDir, 'e2e-base'), actorHidden: [16], criticHidden: [16] },
      { runId: 'pretrain-e2e', featureCacheDir: join(folders.root, 'cache'), hooks: { log: () => {}, onEvent: (e) => {
        if (e.type === 'train.update') updates.push(e);
        server.publish(e); // what `tradegym pretrain --serve` does
      } } },
    );
    await page.waitForSelector('#training-panel:not([hidden])', { timeout: 30_000 });
    const outcome = await training;
    await page.waitForFunction((n) => Number(document.querySelector('#training-panel')!.getAttribute('data-updates')) === n, updates.length);
    expect(updates.length).toBe(outcome.progress.updatesDone);
    expect(await page.textContent('#train-update')).toBe(String(updates.length));
    expect(await page.textContent('#training-title')).toMatch(/pretrain/);
    // The monitor's fields (e.g. per-layer drift from the initial weights) are listed by name.
    const lastExtra = Object.keys((updates.at(-1) as { extra?: Record<string, number> }).extra ?? {});
    expect(lastExtra.length).toBeGreaterThan(0);
    const shownExtra = await page.$$eval('#train-extra dt', (dts) => dts.map((dt) => dt.textContent));
    expect(shownExtra.length).toBeGreaterThan(0);
    expect(lastExtra).toEqual(expect.arrayContaining(shownExtra));

    await page.focus('#strategy-select'); // the pickers refresh their lists on focus
    await page.waitForFunction(() => Array.from((document.querySelector('#strategy-select') as HTMLSelectElement).options).some((o) => o.value === 'checkpoint:e2e-base'));
    await page.selectOption('#strategy-select', 'checkpoint:e2e-base');
    await page.fill('#params-input', '');
    await page.selectOption('#speed-select', '1000');
    await page.click('#start-btn');
    await page.waitForFunction(() => document.querySelector('#run-title')!.textContent!.startsWith('policy:e2e-base'));
    await page.waitForSelector('#run-status[data-status="completed"]', { timeout: 30_000 });
    expect(await page.textContent('#probs-source')).toBe('(policy)');
    const shown = await page.locator('#action-probs .prob-value').allTextContents();
    const total = shown.reduce((sum, text) => sum + Number(text.replace('%', '')), 0);
    expect(Math.abs(total - 100)).toBeLessThanOrEqual(3); // five rounded percentages
    expect(await page.textContent('#value-estimate')).toMatch(/^value estimate -?\d+\.\d{3}$/);
    expect(await attr('#price-chart', 'data-candles')).toBeGreaterThan(BARS / 2);

    const screenshot = resolve('test-results', 'dashboard-policy.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`dashboard screenshot (policy + training): ${screenshot}`);
    expect(pageErrors).toEqual([]);
  });
});
