import path from 'node:path';
import { runBacktest } from '../backtest/run-backtest.js';
import type { CostModelOptions } from '../market/cost-model.js';
import type { SizingMode } from '../market/sizing.js';
import { loadCheckpoint } from '../nn/model-store.js';
import { policyStrategy } from '../../strategies/policy-strategy.js';
import type { Market } from './load-market.js';

/** Backtest metrics of a policy on one market range. */
export interface MarketMetrics {
  label: string;
  sharpe: number | null;
  cagr: number | null;
  /** Largest peak-to-trough fall, as a positive fraction. */
  maxDrawdown: number | null;
  totalReturn: number | null;
}

/** A market and the bar range to backtest on ([start, end); start is moved past the warm-up). */
export interface MarketRange {
  market: Market;
  start: number;
  end: number;
}

/** How the backtests fill. */
export interface MarketBacktestSettings {
  costs?: CostModelOptions;
  sizing?: SizingMode;
  initialCash?: number;
  seed?: number;
}

/**
 * Greedy backtests of one checkpoint (base, merged, or an adapter with its base) on several
 * markets through the shared engine (next-open fills, costs). Used for the forgetting report
 * (the base's source markets before and after fine-tuning) and for comparing a quantized export
 * with its float32 source.
 */
export async function policyMetricsOnMarkets(checkpoint: { dir: string; base?: string }, ranges: readonly MarketRange[], settings: MarketBacktestSettings = {}): Promise<MarketMetrics[]> {
  const { policy, manifest } = await loadCheckpoint(path.resolve(checkpoint.dir), checkpoint.base === undefined ? {} : { baseDir: path.resolve(checkpoint.base) });
  try {
    return ranges.map(({ market, start, end }) => {
      const strategy = policyStrategy({ policy, name: path.basename(checkpoint.dir), greedy: true, observationNames: manifest.featureNames, actionLevels: manifest.actionLevels, ownsPolicy: false });
      const result = runBacktest({
        bars: market.series,
        features: market.features,
        strategy,
        actionLevels: manifest.actionLevels,
        range: { start: Math.max(start, market.features.firstValidIndex), end },
        ...(settings.costs !== undefined && { costs: settings.costs }),
        ...(settings.sizing !== undefined && { sizing: settings.sizing }),
        ...(settings.initialCash !== undefined && { initialCash: settings.initialCash }),
        seed: settings.seed ?? 0,
      });
      const m = result.metrics;
      return { label: market.label, sharpe: m.sharpe ?? null, cagr: m.cagr ?? null, maxDrawdown: m.maxDrawdown?.depth ?? null, totalReturn: m.totalReturn ?? null };
    });
  } finally {
    policy.dispose();
  }
}

/** Mean Sharpe over markets (markets with an undefined Sharpe are skipped; null when none). */
export function meanSharpe(metrics: readonly MarketMetrics[]): number | null {
  const values = metrics.map((m) => m.sharpe).filter((s): s is number => s !== null);
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}
