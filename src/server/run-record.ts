import type { MetricsEvent, RunFinishedEvent, RunKind, TelemetryEvent } from '../core/telemetry.js';
import { BoundedHistory } from './bounded-history.js';
import type { OutboundMessage } from './client-channel.js';
import type { RunInfo } from './protocol.js';

/** Commands a controllable run (a live simulation) accepts; every method is idempotent. */
export interface RunControl {
  pause(): void;
  resume(): void;
  /** Bars per second, or 'max' for unpaced. */
  setSpeed(speed: number | 'max'): void;
  /** Ends the run; it then publishes `run.finished` with status 'stopped'. */
  stop(): void;
  /** Settles once the run has published `run.finished`. */
  readonly done: Promise<unknown>;
}

/** Something that receives a run's serialized messages (a client's channel). */
export interface HubSubscriber {
  send(message: OutboundMessage): void;
}

/** How much of a run's stream the hub keeps to replay to late subscribers. */
export interface ReplayLimits {
  bars: number;
  trades: number;
  trainUpdates: number;
}

/** Default replay limits: enough to redraw a dashboard, bounded per run. */
export const DEFAULT_REPLAY_LIMITS: ReplayLimits = { bars: 2_000, trades: 1_000, trainUpdates: 2_000 };

/**
 * The hub's state of one run: its list entry, subscribers, optional control, and a bounded
 * replay (start, recent bars, trades and training updates, latest metrics, finish) so a
 * client that subscribes mid-run or after the end can redraw.
 */
export class RunRecord {
  readonly info: RunInfo;
  readonly subscribers = new Set<HubSubscriber>();
  control: RunControl | null = null;
  lastMetrics: MetricsEvent | null = null;
  finished: RunFinishedEvent | null = null;
  private started: OutboundMessage | null = null;
  private readonly bars: BoundedHistory<OutboundMessage>;
  private readonly trades: BoundedHistory<OutboundMessage>;
  private readonly updates: BoundedHistory<OutboundMessage>;
  private metricsMessage: OutboundMessage | null = null;
  private finishedMessage: OutboundMessage | null = null;

  constructor(runId: string, kind: RunKind, title: string, startedAt: number, limits: ReplayLimits) {
    this.info = { runId, kind, title, status: 'running', controllable: false, startedAt };
    this.bars = new BoundedHistory(limits.bars);
    this.trades = new BoundedHistory(limits.trades);
    this.updates = new BoundedHistory(limits.trainUpdates);
  }

  /** Folds an event (and its serialized form) into the replay state. */
  record(event: TelemetryEvent, message: OutboundMessage): void {
    switch (event.type) {
      case 'run.started':
        this.started = message;
        this.info.kind = event.kind;
        this.info.title = event.title;
        break;
      case 'bar':
        this.bars.push(message);
        break;
      case 'trade':
        this.trades.push(message);
        break;
      case 'train.update':
        this.updates.push(message);
        break;
      case 'metrics':
        this.lastMetrics = event;
        this.metricsMessage = message;
        break;
      case 'run.finished':
        this.finished = event;
        this.finishedMessage = message;
        this.info.status = event.status;
        this.info.controllable = false;
        this.control = null;
        break;
      case 'episode':
        break;
    }
  }

  /** The messages a new subscriber receives to catch up, in a drawable order. */
  replay(): OutboundMessage[] {
    const out: OutboundMessage[] = [];
    if (this.started) out.push(this.started);
    // Replayed history is must-deliver: coalescing it would leave gaps in the redraw.
    for (const m of this.bars.toArray()) out.push({ data: m.data, coalesceKey: null });
    out.push(...this.trades.toArray(), ...this.updates.toArray());
    if (this.metricsMessage) out.push(this.metricsMessage);
    if (this.finishedMessage) out.push(this.finishedMessage);
    return out;
  }
}
