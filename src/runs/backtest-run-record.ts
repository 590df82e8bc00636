import type { BacktestSpec } from '../backtest/backtest-spec.js';
import { formatMoney, formatTimestamp } from '../backtest/format-number.js';
import type { LabeledResult } from '../backtest/labeled-result.js';
import { type BarSeries, barCount } from '../data/bar-series.js';
import { dataFingerprint } from '../data/fingerprint.js';
import { DEFAULT_COSTS } from '../market/cost-model.js';
import { tradegymVersion } from '../nn/tradegym-version.js';
import { describeDataSpec } from './backtest-spec-data.js';
import type { BacktestWindow } from './backtest-window.js';
import type { SpecStrategy } from './build-spec-strategies.js';

/** Inputs of {@link backtestRunRecord}. */
export interface BacktestRunRecordInput {
  readonly spec: BacktestSpec;
  readonly specPath: string;
  readonly full: BarSeries;
  readonly window: BacktestWindow;
  readonly strategies: readonly SpecStrategy[];
  readonly results: readonly LabeledResult[];
  readonly actionLevels: readonly number[];
  readonly backend: string;
  readonly now: Date;
}

/**
 * manifest.json (everything needed to reproduce and audit the run: the spec, data source and
 * fingerprint, bar window, seed, costs, sizing, levels, strategies with their checkpoints,
 * tradegym version, tfjs backend, Node version) and the report's human-readable details table.
 */
export function backtestRunRecord(input: BacktestRunRecordInput): { manifest: Record<string, unknown>; details: Record<string, string> } {
  const { spec } = input;
  const facts: RunFacts = {
    costs: {
      commissionBps: spec.costs?.commissionBps ?? DEFAULT_COSTS.commissionBps,
      slippageBps: spec.costs?.slippageBps ?? DEFAULT_COSTS.slippageBps,
      borrowBpsPerYear: spec.costs?.borrowBpsPerYear ?? 0,
      rebalanceBand: spec.costs?.rebalanceBand ?? DEFAULT_COSTS.rebalanceBand,
    },
    fingerprint: dataFingerprint(input.full),
    seed: spec.seed ?? 0,
    initialCash: spec.initialCash ?? 100_000,
    sizing: spec.sizing ?? 'fractional',
  };
  return { manifest: runManifest(input, facts), details: runDetails(input, facts) };
}

/** Resolved values shared by the manifest and the details table. */
interface RunFacts {
  readonly costs: { commissionBps: number; slippageBps: number; borrowBpsPerYear: number; rebalanceBand: number };
  readonly fingerprint: string;
  readonly seed: number;
  readonly initialCash: number;
  readonly sizing: string;
}

function runManifest(input: BacktestRunRecordInput, facts: RunFacts): Record<string, unknown> {
  const { spec, full, window, results } = input;
  const n = barCount(full);
  return {
    kind: 'backtest',
    name: spec.name,
    createdAt: input.now.toISOString(),
    tradegymVersion: tradegymVersion(),
    backend: input.backend,
    node: process.version,
    specPath: input.specPath,
    spec,
    data: {
      source: describeDataSpec(spec.data),
      symbol: full.symbol,
      bars: n,
      fingerprint: facts.fingerprint,
      first: formatTimestamp(full.timestamps[0]!),
      last: formatTimestamp(full.timestamps[n - 1]!),
      window: window.description,
      range: { start: window.offset + window.range.start, end: window.offset + window.range.end },
    },
    seed: facts.seed,
    initialCash: facts.initialCash,
    costs: facts.costs,
    sizing: facts.sizing,
    actionLevels: input.actionLevels,
    periodsPerYear: results[0]!.result.metrics.periodsPerYear,
    strategies: input.strategies.map((s, i) => ({ label: s.label, strategy: results[i]!.result.strategyName, ...s.source })),
  };
}

function runDetails(input: BacktestRunRecordInput, facts: RunFacts): Record<string, string> {
  const { spec, full, results } = input;
  const { costs } = facts;
  const metrics = results[0]!.result.metrics;
  return {
    Data: `${describeDataSpec(spec.data)} — ${full.symbol}, ${barCount(full)} bars, fingerprint ${facts.fingerprint}`,
    Window: input.window.description,
    Costs: `commission ${costs.commissionBps} bps, slippage ${costs.slippageBps} bps, short borrow ${costs.borrowBpsPerYear} bps/year` +
      (costs.rebalanceBand > 0 ? `, rebalance band ${costs.rebalanceBand} of equity` : ''),
    Sizing: facts.sizing,
    'Initial cash': formatMoney(facts.initialCash),
    Seed: String(facts.seed),
    'Action levels': `[${input.actionLevels.join(', ')}]`,
    'Periods per year': `${metrics.periodsPerYear} (${metrics.periodsPerYearSource})`,
    'tradegym / backend': `${tradegymVersion()} / ${input.backend}`,
    Spec: input.specPath,
  };
}
