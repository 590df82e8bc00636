import type { RunKind, TelemetryEvent } from '../core/telemetry.js';
import type { OutboundMessage } from './client-channel.js';
import type { RunInfo } from './protocol.js';
import { DEFAULT_REPLAY_LIMITS, RunRecord, type HubSubscriber, type ReplayLimits, type RunControl } from './run-record.js';

/** Options of a {@link RunHub}. */
export interface RunHubOptions {
  /** Finished runs kept for late viewers and the REST API; older ones are forgotten. Default 50. */
  maxFinishedRuns?: number;
  replayLimits?: ReplayLimits;
  /** Clock for `startedAt`, epoch milliseconds. */
  now?: () => number;
}

/** Event types whose intermediate values a slow client may skip (only the latest matters). */
const COALESCIBLE = new Set<TelemetryEvent['type']>(['bar', 'metrics', 'episode']);

/**
 * The live-run hub: every run (simulation, backtest or training, in this process or
 * published by the CLI) sends its telemetry here; the hub serializes each event once and
 * relays it to the run's subscribers, keeps a bounded replay for late subscribers, and
 * holds the control handle of runs that accept pause/resume/speed/stop.
 */
export class RunHub {
  private readonly runs = new Map<string, RunRecord>();
  private readonly listListeners = new Set<(runs: RunInfo[]) => void>();
  private readonly maxFinished: number;
  private readonly limits: ReplayLimits;
  private readonly now: () => number;

  constructor(options: RunHubOptions = {}) {
    this.maxFinished = options.maxFinishedRuns ?? 50;
    this.limits = options.replayLimits ?? DEFAULT_REPLAY_LIMITS;
    this.now = options.now ?? Date.now;
  }

  /**
   * Relays one telemetry event to the run's subscribers. A `TelemetryListener`, so it can be
   * handed straight to any run. Events of an unknown run register it (as its kind implies).
   */
  readonly publish = (event: TelemetryEvent): void => {
    const record = this.recordFor(event);
    const message: OutboundMessage = {
      data: JSON.stringify(event),
      coalesceKey: COALESCIBLE.has(event.type) ? `${event.type}:${event.runId}` : null,
    };
    record.record(event, message);
    for (const subscriber of record.subscribers) subscriber.send(message);
    if (event.type === 'run.started' || event.type === 'run.finished') this.listChanged();
    if (event.type === 'run.finished') this.evictFinished();
  };

  /** Attaches the control handle of a run (its `run.started` must have been published). */
  attachControl(runId: string, control: RunControl): void {
    const record = this.runs.get(runId);
    if (!record || record.finished) return;
    record.control = control;
    record.info.controllable = true;
    this.listChanged();
  }

  /** The control handle of a running run, if it has one. */
  control(runId: string): RunControl | undefined {
    return this.runs.get(runId)?.control ?? undefined;
  }

  /** Marks a controllable run paused or running again (shown in the run list). */
  setPaused(runId: string, paused: boolean): void {
    const record = this.runs.get(runId);
    if (!record || record.finished) return;
    record.info.status = paused ? 'paused' : 'running';
    this.listChanged();
  }

  /** Adds a subscriber and replays the run so far to it; false for an unknown run. */
  subscribe(runId: string, subscriber: HubSubscriber): boolean {
    const record = this.runs.get(runId);
    if (!record) return false;
    if (record.subscribers.has(subscriber)) return true;
    record.subscribers.add(subscriber);
    for (const message of record.replay()) subscriber.send(message);
    return true;
  }

  /** Removes a subscriber from one run. */
  unsubscribe(runId: string, subscriber: HubSubscriber): void {
    this.runs.get(runId)?.subscribers.delete(subscriber);
  }

  /** Removes a subscriber from every run (its client disconnected; the runs go on). */
  removeSubscriber(subscriber: HubSubscriber): void {
    for (const record of this.runs.values()) record.subscribers.delete(subscriber);
  }

  /** The run's list entry, last metrics and (once finished) its summary. */
  get(runId: string): RunRecord | undefined {
    return this.runs.get(runId);
  }

  /** All known runs, oldest first. */
  list(): RunInfo[] {
    return [...this.runs.values()].map((r) => ({ ...r.info }));
  }

  /** Calls `listener` with the run list whenever a run starts, pauses, resumes or ends. */
  onListChange(listener: (runs: RunInfo[]) => void): () => void {
    this.listListeners.add(listener);
    return () => this.listListeners.delete(listener);
  }

  /** Stops every controllable run and waits until each has published `run.finished`. */
  async stopAll(): Promise<void> {
    const controls = [...this.runs.values()].flatMap((r) => (r.control ? [r.control] : []));
    for (const control of controls) control.stop();
    await Promise.allSettled(controls.map((c) => c.done));
  }

  private recordFor(event: TelemetryEvent): RunRecord {
    let record = this.runs.get(event.runId);
    if (!record) {
      const kind: RunKind = event.type === 'run.started' ? event.kind : event.type === 'train.update' || event.type === 'episode' ? 'training' : 'simulation';
      record = new RunRecord(event.runId, kind, event.runId, this.now(), this.limits);
      this.runs.set(event.runId, record);
    }
    return record;
  }

  private evictFinished(): void {
    const finished = [...this.runs.values()].filter((r) => r.finished !== null);
    for (const record of finished.slice(0, Math.max(0, finished.length - this.maxFinished))) {
      this.runs.delete(record.info.runId);
    }
  }

  private listChanged(): void {
    if (this.listListeners.size === 0) return;
    const runs = this.list();
    for (const listener of this.listListeners) listener(runs);
  }
}
