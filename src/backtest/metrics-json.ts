import type { LabeledResult } from './labeled-result.js';

/**
 * metrics.json of a comparison: per strategy its label, strategy name, final equity, fill count,
 * costs paid, bankruptcy flag, optional training facts, and the full `summarizeEquity` output.
 * Metrics the data cannot define are written as null (never dropped, never NaN).
 */
export function metricsJson(results: readonly LabeledResult[]): string {
  const strategies = results.map(({ label, result, trainableParams, trainSeconds }) => ({
    label,
    strategy: result.strategyName,
    finalEquity: result.finalEquity,
    initialCash: result.initialCash,
    trades: result.trades.length,
    costs: result.costs,
    bankrupt: result.bankrupt,
    trainableParams,
    trainSeconds,
    metrics: result.metrics,
  }));
  return `${JSON.stringify({ strategies }, (_key, value: unknown) => (value === undefined ? null : value), 2)}\n`;
}
