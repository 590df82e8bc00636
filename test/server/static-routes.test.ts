import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartsModulePath } from '../../src/server/static-routes.js';
import { startHarness, type AppHarness } from './app-harness.js';

let h: AppHarness;

beforeAll(async () => {
  h = await startHarness(10);
});
afterAll(() => h.close());

const get = (url: string) => h.server.app.inject({ method: 'GET', url });

describe('static routes', () => {
  it('serves the dashboard page and its ES modules', async () => {
    const page = await get('/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('<script type="module" src="/app.js">');
    for (const asset of ['/app.js', '/charts.js', '/connection.js', '/style.css']) expect((await get(asset)).statusCode).toBe(200);
    expect((await get('/app.js')).headers['content-type']).toMatch(/javascript/);
  });

  it('serves lightweight-charts\' standalone build straight from node_modules', async () => {
    const charts = await get('/vendor/lightweight-charts.mjs');
    expect(charts.statusCode).toBe(200);
    expect(charts.headers['content-type']).toMatch(/javascript/);
    expect(charts.body).toBe(await readFile(chartsModulePath(), 'utf8'));
    expect(charts.body).toContain('createSeriesMarkers');
  });

  it.each([
    '/..%2f..%2f..%2fpackage.json',
    '/..%2f..%2fcreate-app.ts',
    '/%2e%2e/%2e%2e/%2e%2e/package.json',
    '/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
    '/..%5c..%5c..%5cpackage.json',
    '/vendor/..%2f..%2f..%2fpackage.json',
    '/vendor/lightweight-charts.mjs/..%2f..%2fpackage.json',
    '/../../../package.json',
    '/%252e%252e%252fpackage.json',
    '/.%2e/.%2e/.%2e/package.json',
  ])('cannot escape the public folder: %s', async (url) => {
    const response = await get(url);
    expect([400, 403, 404]).toContain(response.statusCode);
    expect(response.body).not.toContain('"name": "tradegym"');
    expect(response.body).not.toContain('createApp');
  });

  it('refuses dotfiles', async () => {
    expect([403, 404]).toContain((await get('/.env')).statusCode);
  });
});
