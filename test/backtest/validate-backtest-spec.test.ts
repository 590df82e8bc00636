import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTradegymError } from '../../src/core/errors.js';
import { loadBacktestSpec } from '../../src/backtest/load-backtest-spec.js';
import { validateBacktestSpec } from '../../src/backtest/validate-backtest-spec.js';

const minimal = { name: 'demo', data: { csv: 'prices.csv' }, strategies: [{ name: 'buy-and-hold' }] };

function messageOf(value: unknown): string {
  try {
    validateBacktestSpec(value, 'specs/demo.json');
  } catch (e) {
    expect(isTradegymError(e, 'E_BAD_CONFIG')).toBe(true);
    return (e as Error).message;
  }
  throw new Error('expected the spec to be rejected');
}

describe('validateBacktestSpec', () => {
  it('accepts a minimal spec and a full one', () => {
    expect(validateBacktestSpec(minimal)).toEqual(minimal);
    const full = {
      ...minimal,
      data: { synthetic: { seed: 3, bars: 2520, signal: { kind: 'momentum', strength: 0.2 } } },
      split: { train: 0.6, validation: 0.2, part: 'test' },
      strategies: [
        { name: 'sma-crossover', params: { fast: 10, slow: 30 }, label: 'SMA' },
        { checkpoint: 'checkpoints/run-1', greedy: false },
        { trained: 'lora' },
      ],
      costs: { commissionBps: 5, slippageBps: 5, borrowBpsPerYear: 100, rebalanceBand: 0.05 },
      sizing: 'whole-shares',
      initialCash: 50_000,
      seed: 7,
      actionLevels: [0, 0.5, 1],
      transfer: { sources: [{ synthetic: { seed: 1, bars: 1000 } }], pretrain: { steps: 1000 }, lora: { rank: 4, alpha: 8, steps: 500 } },
    };
    expect(validateBacktestSpec(full).sizing).toBe('whole-shares');
  });

  it('names the file, the field path, the expected values and what was found', () => {
    const message = messageOf({ ...minimal, sizing: 'whole', seed: 1.5 });
    expect(message).toContain('backtest spec specs/demo.json is invalid');
    expect(message).toContain('sizing: expected one of "fractional" | "whole-shares", got string "whole"');
    expect(message).toContain('seed: expected integer, got number 1.5');
  });

  it('reports problems inside array entries with their index, narrowed to the intended variant', () => {
    const message = messageOf({ ...minimal, strategies: [{ name: 'buy-and-hold' }, { checkpoint: 'c', greedy: 'yes' }, { trained: 'lorra' }] });
    expect(message).toContain('strategies[1].greedy: expected boolean, got string "yes"');
    expect(message).toContain('strategies[2].trained: expected one of "base" | "lora" | "full-finetune" | "scratch" | "lora-ewc" | "distilled" | "quantized" | "qlora" | "robust", got string "lorra"');
    expect(message).not.toContain('strategies[1].name');
  });

  it('lists valid fields for unknown ones and the shapes for an unrecognisable entry', () => {
    expect(messageOf({ ...minimal, costs: { spread: 2 } })).toContain("costs: unknown field 'spread'; valid fields: commissionBps, slippageBps, borrowBpsPerYear, rebalanceBand");
    expect(messageOf({ ...minimal, costs: { rebalanceBand: 1 } })).toMatch(/costs\.rebalanceBand.*< 1/);
    expect(messageOf({ ...minimal, data: { path: 'x.csv' } })).toContain('data: expected one of {csv, adjClose, symbol} | {synthetic}, got an object with fields path');
    expect(messageOf({ ...minimal, extra: 1 })).toContain("(root): unknown field 'extra'");
    expect(messageOf({ ...minimal, data: { synthetic: { seed: 1, bars: 500, sigal: 0.2 } } })).toContain(
      "data.synthetic: unknown field 'sigal'; valid fields: seed, bars, symbol, kind,",
    );
    expect(messageOf({ data: minimal.data, strategies: [] })).toMatch(/name: missing \(required\)[\s\S]*strategies: expected at least 1 item/);
  });

  it('checks the rules a schema cannot express', () => {
    const message = messageOf({
      ...minimal,
      range: { from: '2021-01-01', to: '2020-01-01' },
      split: { train: 0.9, validation: 0.2, part: 'test' },
      strategies: [{ name: 'a' }, { name: 'a' }, { trained: 'base' }],
      actionLevels: [0, 0],
    });
    expect(message).toContain('range and split: give one of them');
    expect(message).toContain('range: from (2021-01-01) is after to (2020-01-01)');
    expect(message).toContain('split: train (0.9) + validation (0.2) must be < 1');
    expect(message).toContain('strategies[1]: label "a" is already used by strategies[0]');
    expect(message).toContain('strategies[2].trained: "base" refers to a model of the transfer experiment');
    expect(message).toContain('actionLevels[1] repeats the level 0');
  });
});

describe('loadBacktestSpec', () => {
  it('reads a valid file and points at the line and column of malformed JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tradegym-spec-'));
    const good = join(dir, 'good.json');
    await writeFile(good, JSON.stringify(minimal));
    expect((await loadBacktestSpec(good)).name).toBe('demo');
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{\n  "name": "demo",\n  "data": { "csv": "a.csv" },,\n}');
    await expect(loadBacktestSpec(bad)).rejects.toThrow(/bad\.json is not valid JSON \(line 3, column \d+\)/);
    await expect(loadBacktestSpec(join(dir, 'missing.json'))).rejects.toMatchObject({ code: 'E_FILE_UNREADABLE' });
  });
});
