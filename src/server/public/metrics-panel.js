/**
 * The live metrics panel: running total return, Sharpe, max drawdown and equity from
 * `metrics` events, position and bar count from `bar` events, the trade count, and a
 * progress bar. `data-updates` on the panel counts the metrics events shown.
 */
import { count, exposure, fixed, money, percent, signClass } from './format.js';

export function createMetricsPanel() {
  const $ = (id) => document.getElementById(id);
  const panel = $('metrics-panel');
  const fields = {
    totalReturn: $('metrics-total-return'), sharpe: $('metrics-sharpe'), maxDrawdown: $('metrics-max-drawdown'),
    equity: $('metrics-equity'), position: $('metrics-position'), trades: $('metrics-trades'), bars: $('metrics-bars'),
  };
  const progress = $('run-progress');
  let updates = 0;
  let trades = 0;
  let steps = 0;
  let startBar = 0;
  return {
    /** @param totalBars bars in the run's range (the first is only observed: totalBars − 1 steps) */
    reset(totalBars = 0, startBarIndex = 0) {
      updates = trades = 0;
      steps = Math.max(0, totalBars - 1);
      startBar = startBarIndex;
      for (const element of Object.values(fields)) element.textContent = '—';
      fields.trades.textContent = '0';
      fields.bars.textContent = '0';
      progress.style.width = '0';
      panel.dataset.updates = '0';
    },
    onMetrics(m) {
      fields.totalReturn.textContent = percent(m.totalReturn);
      signClass(fields.totalReturn, m.totalReturn);
      fields.sharpe.textContent = fixed(m.sharpe);
      fields.maxDrawdown.textContent = percent(-m.maxDrawdown);
      fields.equity.textContent = money(m.equity);
      panel.dataset.updates = String(++updates);
    },
    onBar(bar) {
      const done = bar.barIndex - startBar;
      fields.bars.textContent = steps > 0 ? `${count(done)} / ${count(steps)}` : count(done);
      fields.position.textContent = exposure(Math.round(bar.position * 100) / 100);
      if (steps > 0) progress.style.width = `${Math.min(100, (100 * done) / steps)}%`;
    },
    onTrade() {
      fields.trades.textContent = count(++trades);
    },
    onFinished(summary) {
      progress.style.width = '100%';
      if (typeof summary.trades === 'number') fields.trades.textContent = count(summary.trades);
      if (typeof summary.finalEquity === 'number') fields.equity.textContent = money(summary.finalEquity);
    },
  };
}
