/**
 * A horizontal bar per action (labelled by its target exposure) showing the current
 * action probabilities. Rule strategies have none: the chosen action is shown as 100 %.
 * `data-action` on the container holds the chosen action index.
 */
import { exposure } from './format.js';

const DEFAULT_LEVELS = [-1, -0.5, 0, 0.5, 1];

export function createActionProbs() {
  const container = document.getElementById('action-probs');
  const source = document.getElementById('probs-source');
  const valueLine = document.getElementById('value-estimate');
  let rows = [];
  const build = (levels) => {
    container.replaceChildren();
    rows = levels.map((level) => {
      const row = document.createElement('div');
      row.className = 'prob-row';
      row.innerHTML = '<span class="prob-label"></span><div class="prob-track"><div class="prob-bar"></div></div><span class="prob-value">—</span>';
      row.querySelector('.prob-label').textContent = exposure(level);
      container.append(row);
      return { row, bar: row.querySelector('.prob-bar'), value: row.querySelector('.prob-value') };
    });
  };
  build(DEFAULT_LEVELS);
  return {
    reset(levels = DEFAULT_LEVELS) {
      build(levels);
      source.textContent = '';
      valueLine.textContent = '';
      container.dataset.action = '';
    },
    onBar(bar) {
      const probs = bar.probs ?? rows.map((_, i) => (i === bar.action ? 1 : 0));
      rows.forEach((r, i) => {
        const p = probs[i] ?? 0;
        r.bar.style.width = `${(100 * p).toFixed(1)}%`;
        r.value.textContent = `${(100 * p).toFixed(0)}%`;
        r.row.classList.toggle('chosen', i === bar.action);
      });
      source.textContent = bar.probs ? '(policy)' : '(rule strategy: chosen action)';
      valueLine.textContent = bar.value === null ? '' : `value estimate ${bar.value.toFixed(3)}`;
      container.dataset.action = String(bar.action);
    },
  };
}
