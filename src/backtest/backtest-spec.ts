import Type, { type Static } from 'typebox';
import { DataSpecSchema } from './data-spec.js';
import { TRAINED_MODELS, TransferSpecSchema } from './transfer-spec.js';

const DatePattern = '^\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?)?$';
const Label = Type.String({ minLength: 1, description: 'column label in tables and charts' });
const Greedy = Type.Boolean({ description: 'arg-max action (default true) instead of sampling with the seeded RNG' });

/** A rule strategy by registry name with params, e.g. `{ "name": "sma-crossover", "params": { "fast": 10, "slow": 30 } }`. */
export const RuleStrategySpecSchema = Type.Object(
  { name: Type.String({ minLength: 1 }), params: Type.Optional(Type.Object({})), label: Type.Optional(Label) },
  { additionalProperties: false },
);

/** A policy from a checkpoint directory (base, adapter — then also `base` — or merged). */
export const CheckpointStrategySpecSchema = Type.Object(
  {
    checkpoint: Type.String({ minLength: 1, description: 'checkpoint directory, relative to the spec file' }),
    base: Type.Optional(Type.String({ minLength: 1, description: 'base checkpoint an adapter applies to' })),
    greedy: Type.Optional(Greedy),
    label: Type.Optional(Label),
  },
  { additionalProperties: false },
);

/** A policy trained by the spec's `transfer` section. */
export const TrainedStrategySpecSchema = Type.Object(
  {
    trained: Type.Union(TRAINED_MODELS.map((m) => Type.Literal(m))),
    greedy: Type.Optional(Greedy),
    label: Type.Optional(Label),
  },
  { additionalProperties: false },
);

/** One entry of `strategies`. */
export const StrategySpecSchema = Type.Union([RuleStrategySpecSchema, CheckpointStrategySpecSchema, TrainedStrategySpecSchema]);

/**
 * A backtest spec file (`tradegym backtest <spec.json>`): which market, which part of it,
 * which strategies to compare, under which costs, sizing, cash and seed.
 * `range` (dates, `from` and `to` inclusive, UTC) and `split` (fractions of the bars) are
 * alternatives; without either the whole series is used.
 */
export const BacktestSpecSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    name: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', description: 'letters, digits, ".", "_", "-"' }),
    description: Type.Optional(Type.String()),
    data: DataSpecSchema,
    range: Type.Optional(
      Type.Object(
        {
          from: Type.Optional(Type.String({ pattern: DatePattern, description: 'YYYY-MM-DD or an ISO date-time' })),
          to: Type.Optional(Type.String({ pattern: DatePattern, description: 'YYYY-MM-DD or an ISO date-time' })),
        },
        { additionalProperties: false },
      ),
    ),
    split: Type.Optional(
      Type.Object(
        {
          train: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }),
          validation: Type.Optional(Type.Number({ minimum: 0, exclusiveMaximum: 1 })),
          part: Type.Union([Type.Literal('train'), Type.Literal('validation'), Type.Literal('test')]),
        },
        { additionalProperties: false },
      ),
    ),
    strategies: Type.Array(StrategySpecSchema, { minItems: 1 }),
    actionLevels: Type.Optional(Type.Array(Type.Number(), { minItems: 2 })),
    costs: Type.Optional(
      Type.Object(
        {
          commissionBps: Type.Optional(Type.Number({ minimum: 0, maximum: 500 })),
          slippageBps: Type.Optional(Type.Number({ minimum: 0, maximum: 500 })),
          borrowBpsPerYear: Type.Optional(Type.Number({ minimum: 0 })),
          rebalanceBand: Type.Optional(Type.Number({ minimum: 0, exclusiveMaximum: 1 })),
        },
        { additionalProperties: false },
      ),
    ),
    sizing: Type.Optional(Type.Union([Type.Literal('fractional'), Type.Literal('whole-shares')])),
    initialCash: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    seed: Type.Optional(Type.Integer()),
    periodsPerYear: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    transfer: Type.Optional(TransferSpecSchema),
  },
  { additionalProperties: false },
);

/** A schema-valid backtest spec. */
export type BacktestSpec = Static<typeof BacktestSpecSchema>;

/** One validated `strategies` entry. */
export type StrategySpec = Static<typeof StrategySpecSchema>;
