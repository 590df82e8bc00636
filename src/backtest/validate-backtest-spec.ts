import { TradegymError } from '../core/errors.js';
import { validateActionLevels } from '../market/action-levels.js';
import { type BacktestSpec, BacktestSpecSchema } from './backtest-spec.js';
import { strategyLabel } from './strategy-label.js';
import { validateWithSchema } from './validate-with-schema.js';

/**
 * Validates a parsed backtest spec: first its shape (TypeBox; every problem with its field
 * path, expected type or valid values), then the rules a schema cannot say — `range` and
 * `split` exclusive, split fractions leaving a non-empty part, `from` before `to`, unique
 * strategy labels, `trained` strategies only with a `transfer` section, distinct action levels.
 * Strategy names and params are checked when the strategies are built.
 * @param file the spec's path, named in every message.
 * @throws TradegymError `E_BAD_CONFIG`.
 */
export function validateBacktestSpec(value: unknown, file = 'backtest spec'): BacktestSpec {
  const spec = validateWithSchema(BacktestSpecSchema, value, `backtest spec ${file}`, file);
  const problems = [...rangeProblems(spec), ...strategyProblems(spec)];
  if (spec.actionLevels !== undefined) {
    try {
      validateActionLevels(spec.actionLevels);
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e));
    }
  }
  if (problems.length > 0) {
    throw new TradegymError('E_BAD_CONFIG', `backtest spec ${file} is invalid:\n  - ${problems.join('\n  - ')}`, { file });
  }
  return spec;
}

function rangeProblems(spec: BacktestSpec): string[] {
  const problems: string[] = [];
  if (spec.range !== undefined && spec.split !== undefined) {
    problems.push('range and split: give one of them (dates with "range", or fractions with "split"), not both');
  }
  const { from, to } = spec.range ?? {};
  if (from !== undefined && Number.isNaN(Date.parse(from))) problems.push(`range.from: "${from}" is not a valid date`);
  if (to !== undefined && Number.isNaN(Date.parse(to))) problems.push(`range.to: "${to}" is not a valid date`);
  if (from !== undefined && to !== undefined && Date.parse(from) > Date.parse(to)) {
    problems.push(`range: from (${from}) is after to (${to})`);
  }
  const split = spec.split;
  if (split !== undefined) {
    const validation = split.validation ?? 0;
    if (split.train + validation >= 1) {
      problems.push(`split: train (${split.train}) + validation (${validation}) must be < 1 so the test part is not empty`);
    }
    if (split.part === 'validation' && validation === 0) problems.push('split.validation: part "validation" needs a validation fraction > 0');
  }
  return problems;
}

function strategyProblems(spec: BacktestSpec): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  spec.strategies.forEach((strategy, i) => {
    const label = strategyLabel(strategy);
    const previous = seen.get(label);
    if (previous !== undefined) {
      problems.push(`strategies[${i}]: label "${label}" is already used by strategies[${previous}]; add a distinct "label"`);
    }
    seen.set(label, i);
    if ('trained' in strategy && spec.transfer === undefined) {
      problems.push(`strategies[${i}].trained: "${strategy.trained}" refers to a model of the transfer experiment; add a "transfer" section or use "checkpoint"`);
    }
  });
  if (spec.transfer !== undefined && spec.split === undefined) {
    problems.push('transfer: the experiment fine-tunes on the training part and reports on a held-out part; add "split", e.g. {"train": 0.7, "part": "test"}');
  }
  return problems;
}
