/**
 * Training curves for a run that streams `train.update` events (e.g. `tradegym finetune
 * --serve`): mean episode return, policy and value loss, entropy and approx KL per PPO
 * update, plus the latest update's figures. Hidden until the first update arrives.
 */
import { LineSeries, createChart } from '/vendor/lightweight-charts.mjs';
import { chartOptions } from './charts.js';
import { count, fixed } from './format.js';

/** The x axis is the update number (used as the chart's time value). */
const updateAxis = {
  timeScale: { tickMarkFormatter: (t) => String(t), borderColor: '#21262d' },
  localization: { timeFormatter: (t) => `update ${t}` },
};

function miniChart(id, lines) {
  const twoScales = lines.some(([, scale]) => scale === 'left');
  const chart = createChart(document.getElementById(id), chartOptions({
    ...updateAxis,
    leftPriceScale: { visible: twoScales, borderColor: '#21262d', minimumWidth: 50 },
    rightPriceScale: { borderColor: '#21262d', minimumWidth: 50 },
  }));
  return lines.map(([color, scale]) => chart.addSeries(LineSeries, { color, lineWidth: 2, priceLineVisible: false, priceScaleId: scale }));
}

/** Shows the update's `extra` fields (monitor and auxiliary losses) as a name → value list. */
function renderExtra(list, extra) {
  const rows = Object.entries(extra).filter(([, v]) => typeof v === 'number' && Number.isFinite(v)).sort(([a], [b]) => a.localeCompare(b));
  list.replaceChildren(...rows.flatMap(([name, value]) => {
    const dt = document.createElement('dt');
    dt.textContent = name;
    const dd = document.createElement('dd');
    dd.textContent = Math.abs(value) >= 1000 ? count(Math.round(value)) : fixed(value, 4);
    return [dt, dd];
  }));
}

export function createTrainingPanel() {
  const $ = (id) => document.getElementById(id);
  const panel = $('training-panel');
  let charts = null;
  let lastUpdate = -Infinity;
  let updates = 0;
  const ensureCharts = () => {
    panel.hidden = false;
    charts ??= {
      episodeReturn: miniChart('train-return-chart', [['#26a69a', 'right']])[0],
      losses: miniChart('train-loss-chart', [['#58a6ff', 'left'], ['#d29922', 'right']]),
      entropy: miniChart('train-entropy-chart', [['#a371f7', 'left'], ['#ef5350', 'right']]),
    };
    return charts;
  };
  return {
    reset(title = '') {
      $('training-title').textContent = title;
      lastUpdate = -Infinity;
      updates = 0;
      panel.dataset.updates = '0';
      if (!charts) return;
      charts.episodeReturn.setData([]);
      for (const s of [...charts.losses, ...charts.entropy]) s.setData([]);
    },
    onUpdate(u) {
      const c = ensureCharts();
      if (!(u.update > lastUpdate)) return;
      lastUpdate = u.update;
      const time = u.update;
      if (u.meanEpisodeReturn !== null) c.episodeReturn.update({ time, value: u.meanEpisodeReturn });
      c.losses[0].update({ time, value: u.policyLoss });
      c.losses[1].update({ time, value: u.valueLoss });
      c.entropy[0].update({ time, value: u.entropy });
      c.entropy[1].update({ time, value: u.approxKl });
      $('train-update').textContent = count(u.update);
      $('train-steps').textContent = count(u.totalSteps);
      $('train-sps').textContent = count(Math.round(u.stepsPerSec));
      $('train-kl').textContent = fixed(u.approxKl, 4);
      $('train-clip').textContent = fixed(u.clipFraction, 3);
      $('train-delta').textContent = u.adapterDeltaNorm === null ? 'n/a (full training)' : fixed(u.adapterDeltaNorm, 4);
      renderExtra($('train-extra'), u.extra ?? {});
      panel.dataset.updates = String(++updates);
    },
  };
}
