/**
 * The control bar: data and strategy/checkpoint pickers filled from the REST API (ids the
 * server built), params, speed, start/pause/resume/stop, and a picker of runs to watch.
 */

const $ = (id) => document.getElementById(id);

function option(value, label) {
  const el = document.createElement('option');
  el.value = value;
  el.textContent = label;
  return el;
}

async function getJson(path) {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

/**
 * @param {{ onStart: (request: object) => void, onCommand: (type: string) => void,
 *           onSpeed: (speed: number | 'max') => void, onWatch: (runId: string) => void,
 *           onInvalid: (message: string) => void, onRefresh: () => void }} handlers
 */
export function createControls(handlers) {
  const data = $('data-select');
  const strategy = $('strategy-select');
  const params = $('params-input');
  const speed = $('speed-select');
  const runs = $('run-select');
  const status = $('run-status');
  const buttons = { start: $('start-btn'), pause: $('pause-btn'), resume: $('resume-btn'), stop: $('stop-btn') };
  let defaults = {};

  const speedValue = () => (speed.value === 'max' ? 'max' : Number(speed.value));
  strategy.addEventListener('change', () => {
    const d = defaults[strategy.value];
    params.placeholder = d && Object.keys(d).length > 0 ? JSON.stringify(d) : 'no parameters';
  });
  speed.addEventListener('change', () => handlers.onSpeed(speedValue()));
  // New checkpoints appear when the picker is focused (training writes them after it ends).
  for (const picker of [data, strategy]) picker.addEventListener('focus', () => handlers.onRefresh());
  runs.addEventListener('change', () => runs.value && handlers.onWatch(runs.value));
  buttons.pause.addEventListener('click', () => handlers.onCommand('sim.pause'));
  buttons.resume.addEventListener('click', () => handlers.onCommand('sim.resume'));
  buttons.stop.addEventListener('click', () => handlers.onCommand('sim.stop'));
  buttons.start.addEventListener('click', () => {
    const [kind, id] = strategy.value.split(/:(.*)/s);
    if (!data.value || !id) return handlers.onInvalid('Pick a data file and a strategy or checkpoint first.');
    const request = { dataId: data.value, speed: speedValue() };
    request[kind === 'checkpoint' ? 'checkpointId' : 'strategyId'] = id;
    if (params.value.trim() !== '') {
      try {
        request.params = JSON.parse(params.value);
      } catch {
        return handlers.onInvalid('Params must be a JSON object, e.g. {"fast": 10, "slow": 30}.');
      }
    }
    handlers.onStart(request);
  });

  return {
    /** Refills the pickers from the server's lists, keeping the current choices when still listed. */
    async loadCatalog() {
      const [dataList, strategyList, checkpointList] = await Promise.all([getJson('/api/data'), getJson('/api/strategies'), getJson('/api/checkpoints')]);
      const keepData = data.value;
      data.replaceChildren(...dataList.data.map((d) => option(d.id, d.id)));
      if (dataList.data.some((d) => d.id === keepData)) data.value = keepData;
      const keepStrategy = strategy.value;
      defaults = Object.fromEntries(strategyList.strategies.map((s) => [`strategy:${s.id}`, s.defaults]));
      const rules = document.createElement('optgroup');
      rules.label = 'Rule strategies';
      rules.append(...strategyList.strategies.map((s) => option(`strategy:${s.id}`, s.id)));
      const checkpoints = document.createElement('optgroup');
      checkpoints.label = 'Checkpoints';
      checkpoints.append(...checkpointList.checkpoints.map((c) => option(`checkpoint:${c.id}`, `${c.id}${c.kind ? ` (${c.kind})` : ''}`)));
      strategy.replaceChildren(rules, ...(checkpointList.checkpoints.length > 0 ? [checkpoints] : []));
      if ([...strategy.options].some((o) => o.value === keepStrategy)) strategy.value = keepStrategy;
      strategy.dispatchEvent(new Event('change'));
    },
    /** Shows the watched run's status and enables the buttons that apply to it. */
    setRunState(state, controllable) {
      status.textContent = state;
      status.dataset.status = state;
      buttons.pause.disabled = !(controllable && state === 'running');
      buttons.resume.disabled = !(controllable && state === 'paused');
      buttons.stop.disabled = !(controllable && (state === 'running' || state === 'paused'));
    },
    /** Lists the server's runs in the watch picker. */
    setRuns(list, currentRunId) {
      runs.replaceChildren(option('', '—'), ...list.map((r) => option(r.runId, `${r.runId} · ${r.title} · ${r.status}`)));
      runs.value = list.some((r) => r.runId === currentRunId) ? currentRunId : '';
    },
  };
}
