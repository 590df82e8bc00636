import Type, { type Static } from 'typebox';

/** A CSV market: path relative to the spec file (or absolute). */
export const CsvDataSpecSchema = Type.Object(
  {
    csv: Type.String({ minLength: 1, description: 'path to an OHLCV CSV, relative to the spec file' }),
    adjClose: Type.Optional(Type.Boolean({ description: 'use Adj Close (scales O/H/L by the same factor)' })),
    symbol: Type.Optional(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false },
);

const Finite = (description: string) => Type.Number({ description });

/**
 * A seeded synthetic market: `seed` and `bars`, plus any option of the synthetic generator
 * (`SyntheticMarketOptions` field names; the generator checks their values and defaults the rest).
 */
export const SyntheticDataSpecSchema = Type.Object(
  {
    synthetic: Type.Object(
      {
        seed: Type.Integer({ description: 'generator seed' }),
        bars: Type.Integer({ minimum: 2, description: 'number of bars' }),
        symbol: Type.Optional(Type.String({ minLength: 1 })),
        kind: Type.Optional(Type.Union([Type.Literal('regime-garch'), Type.Literal('random-walk')])),
        startTimestampMs: Type.Optional(Finite('first bar open time, epoch ms')),
        intervalMs: Type.Optional(Type.Integer({ minimum: 1, description: 'bar spacing, ms (default business days)' })),
        startPrice: Type.Optional(Finite('first open')),
        driftPerBar: Type.Optional(Finite('log drift per bar')),
        volatilityPerBar: Type.Optional(Finite('volatility of log returns per bar')),
        regimes: Type.Optional(Type.Object({})),
        garch: Type.Optional(Type.Object({})),
        degreesOfFreedom: Type.Optional(Finite('Student-t ν > 2')),
        signal: Type.Optional(
          Type.Object(
            { kind: Type.Union([Type.Literal('momentum'), Type.Literal('mean-reversion')]), strength: Type.Number({ minimum: 0, exclusiveMaximum: 1 }) },
            { additionalProperties: false },
          ),
        ),
        intrabarSteps: Type.Optional(Type.Integer({ minimum: 1 })),
        gapFraction: Type.Optional(Finite('open gap std as a fraction of bar volatility')),
        volume: Type.Optional(Type.Object({})),
        priceDecimals: Type.Optional(Type.Integer({ minimum: 0, maximum: 12 })),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/** Where a backtest's bars come from: `{ "csv": "…" }` or `{ "synthetic": { "seed", "bars", … } }`. */
export const DataSpecSchema = Type.Union([CsvDataSpecSchema, SyntheticDataSpecSchema]);

/** A validated data source. */
export type DataSpec = Static<typeof DataSpecSchema>;
