/**
 * A real server on a free loopback port (port 0) over temp folders holding `market.csv`,
 * and real `ws` clients connecting to it over TCP.
 */
import { join } from 'node:path';
import { openWsClient } from '../../src/server/open-ws-client.js';
import { startServer, type RunningServer, type StartServerOptions } from '../../src/server/start-server.js';
import { makeTempFolders, writeMarketCsv, type TempFolders } from './fixtures.js';
import { TestClient } from './test-client.js';

/** A listening server plus its folders and clients. */
export interface RealHarness {
  server: RunningServer;
  folders: TempFolders;
  /** Connects a recording client over loopback and waits for its `hello`. */
  connect(): Promise<TestClient>;
  close(): Promise<void>;
}

/** Starts `startServer` on 127.0.0.1:0 with `market.csv` of `bars` bars. */
export async function startRealHarness(bars: number, options: StartServerOptions = {}): Promise<RealHarness> {
  const folders = await makeTempFolders();
  await writeMarketCsv(join(folders.dataDir, 'market.csv'), bars);
  const server = await startServer({ ...folders, port: 0, logger: false, ...options });
  const clients: TestClient[] = [];
  return {
    server,
    folders,
    async connect() {
      let client: TestClient | undefined;
      await openWsClient(`ws://127.0.0.1:${server.port}/ws`, (socket) => (client = new TestClient(socket)));
      clients.push(client!);
      await client!.waitFor('hello');
      return client!;
    },
    async close() {
      for (const c of clients) c.close();
      await server.close();
      await folders.remove();
    },
  };
}
