/**
 * An in-memory server for protocol tests: temp folders with a market CSV, `createApp`, and
 * clients connected through `injectWS`. `close()` stops runs, closes clients and removes files.
 */
import { join } from 'node:path';
import { createApp, type AppOptions, type TradegymApp } from '../../src/server/create-app.js';
import { makeTempFolders, writeMarketCsv, type TempFolders } from './fixtures.js';
import { injectWs } from './inject-ws.js';
import { TestClient } from './test-client.js';

/** A running in-memory app plus its folders and clients. */
export interface AppHarness {
  server: TradegymApp;
  folders: TempFolders;
  /** Connects a client and waits for its `hello`. */
  connect(): Promise<TestClient>;
  close(): Promise<void>;
}

/** Starts an app over temp folders holding `market.csv` with `bars` bars. */
export async function startHarness(bars = 600, options: Partial<AppOptions> = {}): Promise<AppHarness> {
  const folders = await makeTempFolders();
  await writeMarketCsv(join(folders.dataDir, 'market.csv'), bars);
  const server = await createApp({ ...folders, logger: false, ...options });
  await server.app.ready();
  const clients: TestClient[] = [];
  return {
    server,
    folders,
    async connect() {
      let client: TestClient | undefined;
      await injectWs(server.app, (socket) => (client = new TestClient(socket)));
      clients.push(client!);
      await client!.waitFor('hello');
      return client!;
    },
    async close() {
      for (const c of clients) c.close();
      await server.app.close();
      await folders.remove();
    },
  };
}
