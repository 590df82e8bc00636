import { TradegymError } from '../src/core/errors.js';

/** An account feature a policy may observe after the market features (as `TradingEnv` appends them). */
export type AccountSlot = 'position' | 'drawdown';

const ACCOUNT_SLOTS: readonly AccountSlot[] = ['position', 'drawdown'];

/**
 * Checks that a policy's observation names are the backtest's feature names, in order,
 * followed only by account features, and returns those account features in observation order.
 * @throws TradegymError `E_BAD_CONFIG` naming what differs and how to fix it.
 */
export function accountSlots(
  strategyName: string,
  observationNames: readonly string[],
  featureNames: readonly string[],
  observationSize: number,
): AccountSlot[] {
  if (observationNames.length !== observationSize) {
    throw new TradegymError('E_BAD_CONFIG', `${strategyName}: ${observationNames.length} observation names for a policy of observation size ${observationSize}`);
  }
  const head = observationNames.slice(0, featureNames.length);
  if (head.length !== featureNames.length || head.some((n, i) => n !== featureNames[i])) {
    throw new TradegymError(
      'E_BAD_CONFIG',
      `${strategyName} was trained on features [${observationNames.join(', ')}] but the backtest computes [${featureNames.join(', ')}]; ` +
        'backtest with the feature configuration the checkpoint was trained with',
    );
  }
  const tail = observationNames.slice(featureNames.length);
  const unknown = tail.filter((n) => !ACCOUNT_SLOTS.includes(n as AccountSlot));
  if (unknown.length > 0 || new Set(tail).size !== tail.length) {
    throw new TradegymError(
      'E_BAD_CONFIG',
      `${strategyName} observes [${tail.join(', ')}] after the features; only the account features ${ACCOUNT_SLOTS.join(', ')} (each once) can be supplied by a backtest`,
    );
  }
  return tail as AccountSlot[];
}
