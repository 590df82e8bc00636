import Type, { type Static } from 'typebox';

const Interval = (description: string, minimum: number, maximum?: number) =>
  Type.Tuple([Type.Number({ minimum, ...(maximum !== undefined && { maximum }) }), Type.Number({ minimum, ...(maximum !== undefined && { maximum }) })], { description });

/**
 * Per-episode trading conditions (`EpisodeConditionRanges`): domain-randomisation ranges, or one
 * curriculum stage's settings. Intervals are [low, high].
 */
export const EpisodeConditionsSchema = Type.Object(
  {
    commissionBps: Type.Optional(Interval('commission drawn uniformly per episode, bps', 0, 500)),
    slippageBps: Type.Optional(Interval('slippage drawn uniformly per episode, bps', 0, 500)),
    volatilityScale: Type.Optional(Interval('volatility multiplier drawn log-uniformly per episode, > 0', 0)),
    regimeQuantiles: Type.Optional(Interval('episodes start where their window volatility lies in these quantiles', 0, 1)),
    episodeLength: Type.Optional(Type.Integer({ minimum: 2 })),
  },
  { additionalProperties: false },
);

/** Curriculum stages, easy to hard; every stage but the last needs `until`. */
export const CurriculumSchema = Type.Array(
  Type.Object(
    {
      name: Type.String({ minLength: 1 }),
      conditions: EpisodeConditionsSchema,
      until: Type.Optional(
        Type.Object(
          {
            steps: Type.Optional(Type.Integer({ minimum: 1, description: 'env steps in the stage' })),
            meanReturn: Type.Optional(Type.Number({ description: 'mean episode return that ends the stage' })),
            minSteps: Type.Optional(Type.Integer({ minimum: 0 })),
          },
          { additionalProperties: false },
        ),
      ),
    },
    { additionalProperties: false },
  ),
  { minItems: 1 },
);

/** Roles of named layers in a layered fine-tune (`LayerPlan`). */
export const LayerPlanSchema = Type.Record(
  Type.String({ pattern: '^(actor|critic)/(hidden_\\d+|head)$' }),
  Type.Union([
    Type.Literal('frozen'),
    Type.Literal('full'),
    Type.Object({ rank: Type.Integer({ minimum: 1 }), alpha: Type.Optional(Type.Number({ exclusiveMinimum: 0 })) }, { additionalProperties: false }),
  ]),
);

/** EWC settings (`EwcOptions` plus how many source-market states the Fisher is estimated on). */
export const EwcSpecSchema = Type.Object(
  {
    lambda: Type.Number({ minimum: 0, description: 'penalty weight λ' }),
    fisherStates: Type.Optional(Type.Integer({ minimum: 1, description: 'source-market states for the Fisher (default 2048)' })),
    normalize: Type.Optional(Type.Union([Type.Literal('mean'), Type.Literal('none')])),
    includeCritic: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** A distillation teacher: a rule strategy, a checkpoint, or a model of the transfer experiment. */
export const TeacherSpecSchema = Type.Union([
  Type.Object({ rule: Type.String({ minLength: 1 }), params: Type.Optional(Type.Object({})) }, { additionalProperties: false }),
  Type.Object({ checkpoint: Type.String({ minLength: 1 }), base: Type.Optional(Type.String({ minLength: 1 })) }, { additionalProperties: false }),
  Type.Object({ trained: Type.String({ minLength: 1, description: 'a model trained earlier in the transfer experiment, e.g. "lora"' }) }, { additionalProperties: false }),
]);

/** Distillation settings: teacher, ramp-then-hold weight schedule, targets and behaviour cloning. */
export const DistillSpecSchema = Type.Object(
  {
    teacher: TeacherSpecSchema,
    maxWeight: Type.Number({ minimum: 0, description: 'weight reached after the ramp' }),
    rampFraction: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'share of training the ramp takes (default 0.3)' })),
    after: Type.Optional(Type.Union([Type.Literal('hold'), Type.Literal('decay')])),
    final: Type.Optional(Type.Number({ minimum: 0 })),
    temperature: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    smoothing: Type.Optional(Type.Number({ minimum: 0, exclusiveMaximum: 1 })),
    batchSize: Type.Optional(Type.Integer({ minimum: 1 })),
    behaviourCloningEpochs: Type.Optional(Type.Integer({ minimum: 0, description: 'supervised epochs before PPO (default 20)' })),
  },
  { additionalProperties: false },
);

/** Weight quantization formats of tfjs. */
export const QuantizationSchema = Type.Union([Type.Literal('uint8'), Type.Literal('uint16'), Type.Literal('float16')]);

/** Validated episode conditions. */
export type EpisodeConditionsSpec = Static<typeof EpisodeConditionsSchema>;
/** Validated curriculum. */
export type CurriculumSpec = Static<typeof CurriculumSchema>;
/** Validated EWC settings. */
export type EwcSpec = Static<typeof EwcSpecSchema>;
/** Validated distillation settings. */
export type DistillSpec = Static<typeof DistillSpecSchema>;
/** Validated teacher. */
export type TeacherSpecEntry = Static<typeof TeacherSpecSchema>;
