import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { TradingEnv } from '../../envs/trading-env.js';
import { createRng } from '../core/rng.js';
import { barCount, sliceBars, type BarSeries } from '../data/bar-series.js';
import { generateSyntheticMarket } from '../data/synthetic-market.js';
import { computeFeatures } from '../features/compute-features.js';
import { sharpeRatio } from '../metrics/sharpe-ratio.js';
import { selectBackend, type BackendPreference } from '../nn/backend.js';
import type { PpoConfig } from '../ppo/ppo-config.js';
import { bootstrapSharpeInterval } from './bootstrap-sharpe.js';
import { ar1OracleDecision } from './signal-oracle.js';
import { tradingEpisodeReturns } from './trading-episode-returns.js';
import { trainTradingPpo } from './train-trading-ppo.js';

/** Options of `validateSignal` (defaults in parentheses). */
export interface ValidateSignalOptions {
  /** |φ| of the planted AR(1) momentum (0.3). */
  strength?: number;
  /** Bars of each synthetic market (8,000: ≈ 32 years of business days). */
  bars?: number;
  /** Share of the bars used for training; the rest is the out-of-sample range (0.7). */
  trainFraction?: number;
  /** PPO env steps per market (100,000). */
  trainSteps?: number;
  reward?: string;
  seed?: number;
  onLine?: (line: string) => void;
}

/** The figures the validation prints. */
export interface SignalValidationResult {
  strength: number;
  trainSteps: number;
  testBars: number;
  /** Out-of-sample Sharpe of the AR(1) oracle on the signal market. */
  oracleSharpe: number | null;
  /** Out-of-sample Sharpe of the greedy PPO policy on the signal market. */
  ppoSharpe: number | null;
  /** ppoSharpe / oracleSharpe (goal ≥ 0.8). */
  ppoToOracle: number | null;
  buyAndHoldSharpe: number | null;
  /** On a pure random walk: PPO's out-of-sample Sharpe and its 95 % block-bootstrap interval (must contain 0). */
  randomWalk: { ppoSharpe: number | null; low: number | null; high: number | null; containsZero: boolean };
  wallSeconds: number;
}

/** PPO settings of the validation (SB3 defaults, 8 × 256 rollouts, short horizon γ = 0.9). */
export const SIGNAL_PPO: Partial<PpoConfig> = {
  nSteps: 256,
  minibatchSize: 256,
  nEpochs: 10,
  gamma: 0.9,
  gaeLambda: 0.95,
  learningRate: 3e-4,
  annealLearningRate: true,
  clipRange: 0.2,
  entCoef: 0.01,
};

const DRIFT_PER_BAR = 0.0002;

/**
 * Proves PPO (arXiv:1707.06347) learns a real edge and no leak: on a regime-GARCH market with a
 * planted AR(1) momentum of strength φ, it trains on the first part and is evaluated greedily on
 * the rest against the oracle that knows φ (`ar1OracleDecision`); on a pure random walk, where no
 * strategy can have an edge, its out-of-sample Sharpe must be statistically indistinguishable
 * from 0. Each split's features are computed from its own bars only.
 */
export async function validateSignal(options: ValidateSignalOptions = {}): Promise<SignalValidationResult> {
  const strength = options.strength ?? 0.3;
  const bars = options.bars ?? 8000;
  const seed = options.seed ?? 0;
  const trainSteps = options.trainSteps ?? 100_000;
  const rng = createRng(seed);
  const start = performance.now();
  const signalMarket = generateSyntheticMarket({ bars, symbol: 'AR1', driftPerBar: DRIFT_PER_BAR, signal: { kind: 'momentum', strength } }, rng.fork('signal-market')).series;
  const signal = await trainAndEvaluate(signalMarket, { ...options, trainSteps, seed }, strength);
  options.onLine?.(`signal φ=${strength}: oracle Sharpe ${fmt(signal.oracleSharpe)}, PPO ${fmt(signal.ppoSharpe)}, buy & hold ${fmt(signal.buyAndHoldSharpe)} (test ${signal.testBars} bars)`);
  const walk = generateSyntheticMarket({ bars, symbol: 'RW', kind: 'random-walk', driftPerBar: DRIFT_PER_BAR }, rng.fork('random-walk')).series;
  const noise = await trainAndEvaluate(walk, { ...options, trainSteps, seed }, 0);
  const interval = bootstrapSharpeInterval(noise.ppoReturns, rng.fork('bootstrap'));
  const containsZero = interval.low !== null && interval.high !== null && interval.low <= 0 && interval.high >= 0;
  options.onLine?.(`random walk: PPO Sharpe ${fmt(interval.sharpe)}, 95% CI [${fmt(interval.low)}, ${fmt(interval.high)}] ${containsZero ? 'contains' : 'EXCLUDES'} 0`);
  const ratio = signal.ppoSharpe !== null && signal.oracleSharpe ? signal.ppoSharpe / signal.oracleSharpe : null;
  return {
    strength,
    trainSteps,
    testBars: signal.testBars,
    oracleSharpe: signal.oracleSharpe,
    ppoSharpe: signal.ppoSharpe,
    ppoToOracle: ratio,
    buyAndHoldSharpe: signal.buyAndHoldSharpe,
    randomWalk: { ppoSharpe: interval.sharpe, low: interval.low, high: interval.high, containsZero },
    wallSeconds: (performance.now() - start) / 1000,
  };
}

interface SplitEvaluation {
  oracleSharpe: number | null;
  ppoSharpe: number | null;
  buyAndHoldSharpe: number | null;
  ppoReturns: Float64Array;
  testBars: number;
}

async function trainAndEvaluate(series: BarSeries, options: ValidateSignalOptions & { trainSteps: number; seed: number }, phi: number): Promise<SplitEvaluation> {
  const n = barCount(series);
  const cut = Math.round(n * (options.trainFraction ?? 0.7));
  const train = sliceBars(series, 0, cut);
  const test = sliceBars(series, cut, n);
  const trained = await trainTradingPpo({
    series: train,
    features: computeFeatures(train),
    ppo: { ...SIGNAL_PPO, totalSteps: options.trainSteps },
    nEnvs: 8,
    episodeLength: 256,
    hidden: [64, 64],
    reward: options.reward,
    seed: options.seed,
    onUpdate: (s) => s.update % 20 === 0 && options.onLine?.(`  ${series.symbol} update ${s.update}: ${s.totalSteps} steps, mean episode return ${fmt(s.meanEpisodeReturn)}, entropy ${s.entropy.toFixed(3)}, ${s.stepsPerSec.toFixed(0)} steps/s`),
  });
  const testFeatures = computeFeatures(test);
  const evaluate = (decide: Parameters<typeof tradingEpisodeReturns>[1]) =>
    tradingEpisodeReturns(new TradingEnv({ bars: test, features: testFeatures, mode: 'evaluate' }), decide);
  const levels = new TradingEnv({ bars: test, features: testFeatures, mode: 'evaluate' }).actionLevels;
  const ppoReturns = evaluate(trained.greedy);
  trained.policy.dispose();
  const oracleReturns = evaluate(ar1OracleDecision(test, { phi, driftPerBar: DRIFT_PER_BAR }, levels));
  const buyAndHold = evaluate(() => levels.indexOf(Math.max(...levels)));
  return {
    oracleSharpe: sharpeRatio(oracleReturns) ?? null,
    ppoSharpe: sharpeRatio(ppoReturns) ?? null,
    buyAndHoldSharpe: sharpeRatio(buyAndHold) ?? null,
    ppoReturns,
    testBars: ppoReturns.length,
  };
}

function fmt(x: number | null | undefined): string {
  return x === null || x === undefined ? 'n/a' : x.toFixed(2);
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      strength: { type: 'string', default: '0.3' },
      bars: { type: 'string', default: '8000' },
      steps: { type: 'string', default: '100000' },
      reward: { type: 'string' },
      seed: { type: 'string', default: '0' },
      backend: { type: 'string', default: 'auto' },
      json: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
  });
  const backend = await selectBackend(values.backend as BackendPreference);
  const result = await validateSignal({
    strength: Number(values.strength),
    bars: Number(values.bars),
    trainSteps: Number(values.steps),
    reward: values.reward,
    seed: Number(values.seed),
    onLine: (line) => (!values.quiet || !line.startsWith('  ')) && console.log(line),
  });
  const pass = result.ppoToOracle !== null && result.ppoToOracle >= 0.8 && result.randomWalk.containsZero;
  console.log(`PPO reaches ${((result.ppoToOracle ?? 0) * 100).toFixed(0)}% of the oracle's Sharpe; random-walk interval ${result.randomWalk.containsZero ? 'contains' : 'excludes'} 0 → ${pass ? 'PASS' : 'FAIL'} (${result.wallSeconds.toFixed(0)} s)`);
  if (values.json) console.log(JSON.stringify({ backend, pass, ...result }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  });
}
