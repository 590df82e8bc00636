import { TradegymError } from '../core/errors.js';
import { SAMPLE_MARKET_SPECS } from '../data/sample-market-specs.js';
import type { SyntheticMarketOptions } from '../data/synthetic-market-options.js';
import { parseTimestamp } from '../data/timestamp-parser.js';

/** Where a market's bars come from: a CSV file or a seeded synthetic generator. */
export type MarketSource =
  | { readonly kind: 'csv'; readonly path: string; readonly label: string; readonly adjClose?: boolean; readonly symbol?: string }
  | { readonly kind: 'synthetic'; readonly seed: number; readonly options: SyntheticMarketOptions; readonly label: string };

/** Help text for the market syntax (CLI `--markets`, `--market`). */
export const MARKET_SOURCE_HELP =
  'a CSV path, sample:<name> (' + SAMPLE_MARKET_SPECS.map((s) => s.file.replace(/\.csv$/, '')).join(', ') + '), ' +
  'or synthetic:seed=<n>,bars=<n>[,signal=momentum:0.2|mean-reversion:0.2][,kind=random-walk][,interval=1h][,drift=<log/bar>][,vol=<σ/bar>][,price=<start>][,start=<date>][,symbol=<name>][,decimals=<n>]';

const SYNTHETIC_KEYS = ['seed', 'bars', 'signal', 'kind', 'interval', 'drift', 'vol', 'price', 'start', 'symbol', 'decimals'];

/** A market as a request names it: argument text (CLI) or an already structured source (spec files). */
export type MarketArgument = string | MarketSource;

/** The source a market argument names. */
export function toMarketSource(argument: MarketArgument): MarketSource {
  return typeof argument === 'string' ? parseMarketSource(argument) : argument;
}

/**
 * Parses a market argument: `sample:<name>` (a committed sample, generated in memory with its
 * seed), `synthetic:key=value,…` (see {@link MARKET_SOURCE_HELP}) or a CSV path.
 * @throws TradegymError E_BAD_ARGUMENT naming the bad part and the accepted syntax.
 */
export function parseMarketSource(text: string): MarketSource {
  if (text.startsWith('sample:')) return sampleSource(text.slice('sample:'.length));
  if (text.startsWith('synthetic:')) return syntheticSource(text, text.slice('synthetic:'.length));
  if (text.trim() === '') throw bad(text, 'the market is empty');
  return { kind: 'csv', path: text, label: text };
}

/** Parses a bar interval: `1d`, `4h`, `15m`, `30s` → milliseconds. */
export function parseIntervalMs(text: string): number {
  const match = /^(\d+)(d|h|m|s)$/.exec(text.trim());
  const sizes: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };
  if (match === null || Number(match[1]) < 1) {
    throw new TradegymError('E_BAD_ARGUMENT', `interval "${text}" is not valid; expected a count and a unit such as 1d, 4h, 15m or 30s.`, { value: text });
  }
  return Number(match[1]) * sizes[match[2]!]!;
}

/** Parses a planted signal `momentum:0.2` / `mean-reversion:0.2`. */
export function parseSignal(text: string): NonNullable<SyntheticMarketOptions['signal']> {
  const [kind, strengthText] = text.split(':');
  const strength = Number(strengthText);
  if ((kind !== 'momentum' && kind !== 'mean-reversion') || strengthText === undefined || !(strength >= 0 && strength < 1)) {
    throw new TradegymError('E_BAD_ARGUMENT', `signal "${text}" is not valid; expected momentum:<φ> or mean-reversion:<φ> with φ in [0, 1), e.g. momentum:0.2.`, { value: text });
  }
  return { kind, strength };
}

function sampleSource(name: string): MarketSource {
  const spec = SAMPLE_MARKET_SPECS.find((s) => s.file === name || s.file === `${name}.csv`);
  if (spec === undefined) {
    const names = SAMPLE_MARKET_SPECS.map((s) => s.file.replace(/\.csv$/, '')).join(', ');
    throw new TradegymError('E_BAD_ARGUMENT', `unknown sample "${name}"; samples: ${names}.`, { value: name });
  }
  return { kind: 'synthetic', seed: spec.seed, options: spec.options, label: `sample:${spec.file.replace(/\.csv$/, '')}` };
}

function syntheticSource(text: string, body: string): MarketSource {
  const fields = new Map<string, string>();
  for (const part of body.split(',').filter((p) => p.trim() !== '')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part.trim() : part.slice(0, eq).trim();
    if (eq < 0 || !SYNTHETIC_KEYS.includes(key)) throw bad(text, `"${part}" is not one of ${SYNTHETIC_KEYS.map((k) => `${k}=…`).join(', ')}`);
    fields.set(key, part.slice(eq + 1).trim());
  }
  const seed = integerField(text, fields, 'seed');
  const bars = integerField(text, fields, 'bars');
  const options: SyntheticMarketOptions = { bars, symbol: fields.get('symbol') ?? `SYN${seed}` };
  const kind = fields.get('kind');
  if (kind !== undefined) {
    if (kind !== 'regime-garch' && kind !== 'random-walk') throw bad(text, `kind "${kind}" is not regime-garch or random-walk`);
    options.kind = kind;
  }
  if (fields.has('signal')) options.signal = parseSignal(fields.get('signal')!);
  if (fields.has('interval')) options.intervalMs = parseIntervalMs(fields.get('interval')!);
  if (fields.has('drift')) options.driftPerBar = numberField(text, fields, 'drift');
  if (fields.has('vol')) options.volatilityPerBar = numberField(text, fields, 'vol');
  if (fields.has('price')) options.startPrice = numberField(text, fields, 'price');
  if (fields.has('decimals')) options.priceDecimals = integerField(text, fields, 'decimals');
  if (fields.has('start')) options.startTimestampMs = dateField(text, fields.get('start')!);
  return { kind: 'synthetic', seed, options, label: text };
}

function integerField(text: string, fields: Map<string, string>, key: string): number {
  const raw = fields.get(key);
  const value = Number(raw);
  if (raw === undefined || raw === '' || !Number.isSafeInteger(value) || value < 0) throw bad(text, `${key}=<non-negative integer> is required`);
  return value;
}

function numberField(text: string, fields: Map<string, string>, key: string): number {
  const value = Number(fields.get(key));
  if (fields.get(key) === '' || !Number.isFinite(value)) throw bad(text, `${key} must be a number`);
  return value;
}

function dateField(text: string, raw: string): number {
  const ms = parseTimestamp(raw);
  if (!Number.isFinite(ms)) throw bad(text, `start "${raw}" is not a date such as 2010-01-04`);
  return ms;
}

function bad(text: string, problem: string): TradegymError {
  return new TradegymError('E_BAD_ARGUMENT', `market "${text}": ${problem}. Expected ${MARKET_SOURCE_HELP}.`, { value: text });
}
