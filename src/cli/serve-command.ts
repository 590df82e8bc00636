import { type Command, Option } from 'commander';
import type { CommandContext } from './command-context.js';
import { integerValue } from './option-parsers.js';

interface ServeFlags {
  port: number;
  host: string;
  dataDir: string;
  checkpointsDir: string;
  runsDir: string;
}

/** `tradegym serve [--port 8080] [--host 127.0.0.1]`: the live dashboard until Ctrl-C. */
export function registerServeCommand(program: Command, context: CommandContext): void {
  program.command('serve')
    .description('start the live dashboard (simulations, backtests and training over WebSocket)')
    .addOption(new Option('--port <port>', 'TCP port (0 = any free port)').argParser(integerValue(0, 65535)).default(8080))
    .option('--host <host>', 'interface to bind; anything but loopback exposes the dashboard to the network', '127.0.0.1')
    .option('--data-dir <dir>', 'folder of CSV markets the dashboard offers', 'data')
    .option('--checkpoints-dir <dir>', 'folder of checkpoints the dashboard offers', 'checkpoints')
    .option('--runs-dir <dir>', 'folder of backtest runs', 'backtests/runs')
    .action(async (flags: ServeFlags) => {
      const { startServer } = await import('../server/start-server.js');
      const server = await startServer({
        port: flags.port,
        host: flags.host,
        dataDir: flags.dataDir,
        checkpointsDir: flags.checkpointsDir,
        runsDir: flags.runsDir,
        logger: { level: 'info', stream: context.io.stderr },
      });
      context.io.out(`tradegym dashboard at ${server.url} — Ctrl-C to stop`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      context.io.err('shutting down …');
      await server.close();
    });
}
