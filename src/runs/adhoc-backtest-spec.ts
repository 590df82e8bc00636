import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BacktestSpec, StrategySpec } from '../backtest/backtest-spec.js';
import { validateBacktestSpec } from '../backtest/validate-backtest-spec.js';
import { TradegymError } from '../core/errors.js';
import type { SizingMode } from '../market/sizing.js';
import { MANIFEST_JSON } from '../nn/checkpoint-manifest.js';
import { RULE_STRATEGIES } from '../../strategies/rule-strategies.js';

/** A backtest described by flags (`tradegym backtest --strategy … --data …`). */
export interface AdhocBacktest {
  /** Rule strategy names or checkpoint directories; compared side by side. */
  strategies: string[];
  /** Parameters of the first strategy (a rule strategy). */
  params?: Record<string, unknown>;
  /** Base checkpoint for adapter checkpoints among `strategies`. */
  base?: string;
  /** CSV file of the market. */
  data: string;
  from?: string;
  to?: string;
  seed: number;
  initialCash: number;
  commissionBps?: number;
  slippageBps?: number;
  /** No-trade band, fraction of equity. */
  rebalanceBand?: number;
  sizing: SizingMode;
}

/**
 * The spec file equivalent of a flag-described backtest, validated like a spec file (paths
 * relative to the current directory). A strategy that is not a rule name must be a checkpoint
 * directory (it holds manifest.json); anything else fails naming the valid rule names.
 * @throws TradegymError E_BAD_CONFIG.
 */
export function adhocBacktestSpec(request: AdhocBacktest): BacktestSpec {
  const ruleNames = RULE_STRATEGIES.map((d) => d.name);
  const strategies: StrategySpec[] = request.strategies.map((text, i): StrategySpec => {
    if (ruleNames.includes(text)) return { name: text, ...(i === 0 && request.params !== undefined && { params: request.params }) };
    if (existsSync(path.join(text, MANIFEST_JSON))) {
      if (i === 0 && request.params !== undefined) throw bad('--params applies to a rule strategy, but the first --strategy is a checkpoint');
      return { checkpoint: path.resolve(text), ...(request.base !== undefined && { base: path.resolve(request.base) }) };
    }
    throw bad(`--strategy "${text}" is neither a rule strategy (${ruleNames.join(', ')}) nor a checkpoint directory (no ${MANIFEST_JSON} in it)`);
  });
  const name = `cli-${path.basename(request.data).replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9._-]/g, '_') || 'data'}`;
  const spec: Record<string, unknown> = {
    name,
    data: { csv: path.resolve(request.data) },
    strategies,
    seed: request.seed,
    initialCash: request.initialCash,
    sizing: request.sizing,
    costs: {
      ...(request.commissionBps !== undefined && { commissionBps: request.commissionBps }),
      ...(request.slippageBps !== undefined && { slippageBps: request.slippageBps }),
      ...(request.rebalanceBand !== undefined && { rebalanceBand: request.rebalanceBand }),
    },
    ...((request.from !== undefined || request.to !== undefined) && {
      range: { ...(request.from !== undefined && { from: request.from }), ...(request.to !== undefined && { to: request.to }) },
    }),
  };
  return validateBacktestSpec(spec, 'command line');
}

function bad(problem: string): TradegymError {
  return new TradegymError('E_BAD_CONFIG', `${problem}.`);
}
