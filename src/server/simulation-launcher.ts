import { startSimulation, type BarLoader } from '../runs/simulate.js';
import type { SimulationStrategySpec } from '../runs/simulation-strategy.js';
import type { SimulationRequest } from './api-schemas.js';
import { ProtocolError } from './protocol-error.js';
import type { RunHub } from './run-hub.js';
import type { ServerCatalog } from './server-catalog.js';
import type { SimulationStarter } from './ws-session.js';

/** Options of a {@link SimulationLauncher}. */
export interface SimulationLauncherOptions {
  /** Most simulations running at once. Default 16. */
  maxConcurrent?: number;
  /** Loads a data file (the server passes a cache); default reads the CSV each time. */
  loadBars?: BarLoader;
  /** Progress notes of simulations (e.g. the tfjs backend chosen for a checkpoint). */
  log?: (line: string) => void;
}

/**
 * Turns a client's simulation request into a run: resolves its data, strategy or
 * checkpoint id through the catalog (ids the server listed, never paths), starts the
 * simulation use case with the hub as its telemetry listener, and hands the hub its controls.
 */
export class SimulationLauncher implements SimulationStarter {
  private nextId = 1;
  private running = 0;
  private readonly maxConcurrent: number;

  constructor(
    private readonly catalog: ServerCatalog,
    private readonly hub: RunHub,
    private readonly options: SimulationLauncherOptions = {},
  ) {
    this.maxConcurrent = options.maxConcurrent ?? 16;
  }

  /** Starts a simulation; resolves with its run id once `run.started` has been published. */
  async start(request: SimulationRequest): Promise<string> {
    if (this.running >= this.maxConcurrent) {
      throw new ProtocolError('E_TOO_MANY_RUNS', `${this.running} simulations are running (the limit is ${this.maxConcurrent}); stop one first`);
    }
    const dataPath = await this.catalog.dataPath(request.dataId);
    if (dataPath === undefined) {
      throw new ProtocolError('E_UNKNOWN_ID', `no data file "${request.dataId}"; pick an id from GET /api/data`);
    }
    const strategy = await this.strategySpec(request);
    const runId = `sim-${this.nextId++}`;
    this.running++;
    try {
      const handle = await startSimulation(
        { runId, dataPath, dataLabel: request.dataId, strategy, fromMs: request.from, toMs: request.to, speed: request.speed, seed: request.seed, log: this.options.log },
        this.hub.publish,
        this.options.loadBars,
      );
      void handle.done.finally(() => this.running--);
      this.hub.attachControl(runId, {
        pause: () => (handle.pause(), this.hub.setPaused(runId, true)),
        resume: () => (handle.resume(), this.hub.setPaused(runId, false)),
        setSpeed: (speed) => handle.setSpeed(speed),
        stop: () => handle.stop(),
        done: handle.done,
      });
      return runId;
    } catch (error) {
      this.running--;
      throw error;
    }
  }

  private async strategySpec(request: SimulationRequest): Promise<SimulationStrategySpec> {
    const { strategyId, checkpointId } = request;
    if ((strategyId === undefined) === (checkpointId === undefined)) {
      throw new ProtocolError('E_SCHEMA', 'give exactly one of "strategyId" (GET /api/strategies) or "checkpointId" (GET /api/checkpoints)');
    }
    if (strategyId !== undefined) {
      if (!this.catalog.hasStrategy(strategyId)) {
        const valid = this.catalog.strategies().map((s) => s.id).join(', ');
        throw new ProtocolError('E_UNKNOWN_ID', `no strategy "${strategyId}"; valid ids: ${valid}`);
      }
      return { kind: 'rule', name: strategyId, params: request.params };
    }
    const checkpoint = await this.catalog.checkpointWithBase(checkpointId!);
    if (checkpoint === undefined) throw new ProtocolError('E_UNKNOWN_ID', `no checkpoint "${checkpointId}"; pick an id from GET /api/checkpoints`);
    if (checkpoint.kind === 'adapter' && checkpoint.baseDir === undefined) {
      throw new ProtocolError('E_UNKNOWN_ID', `checkpoint "${checkpointId}" is an adapter and the checkpoints folder holds no base it was trained on; add that base (or a merged checkpoint)`);
    }
    return { kind: 'checkpoint', dir: checkpoint.dir, label: checkpointId!, ...(checkpoint.baseDir !== undefined && { baseDir: checkpoint.baseDir }) };
  }
}
