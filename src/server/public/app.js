/**
 * tradegym live dashboard: connects to /ws (reconnecting on its own), starts and controls
 * simulations, draws the watched run, and shows training curves when a training run
 * streams. Messages are applied in batches once per animation frame.
 */
import { createActionProbs } from './action-probs.js';
import { createDrawdownView, createEquityView, createPriceView, fitAll, syncTimeScales } from './charts.js';
import { ReconnectingSocket } from './connection.js';
import { createControls } from './controls.js';
import { createMetricsPanel } from './metrics-panel.js';
import { createTrainingPanel } from './training-panel.js';

const PROTOCOL_VERSION = 1;
const $ = (id) => document.getElementById(id);

const price = createPriceView($('price-chart'));
const equity = createEquityView($('equity-chart'));
const drawdown = createDrawdownView($('drawdown-chart'));
const runCharts = [price.chart, equity.chart, drawdown.chart];
syncTimeScales(runCharts);
const metrics = createMetricsPanel();
const probs = createActionProbs();
const training = createTrainingPanel();

const state = { runId: null, trainingRunId: null, runs: [], startRequestId: null, nextRequest: 1, finished: false };

function showMessage(text) {
  const area = $('message-area');
  area.textContent = text;
  area.hidden = !text;
}

const socket = new ReconnectingSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`, {
  onMessage: enqueue,
  onOpen: () => {
    controls.loadCatalog().catch((e) => showMessage(`Could not load the data and strategy lists: ${e.message}`));
    if (state.runId) socket.send({ type: 'subscribe', runId: state.runId });
  },
  onStatus: (status, retryInSec) => {
    const pill = $('connection-status');
    pill.dataset.state = status;
    pill.textContent = status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting…' : 'offline';
    const banner = $('server-unreachable');
    banner.hidden = status !== 'offline';
    if (status === 'offline') $('server-unreachable-detail').textContent = `No connection to ${location.host}; retrying in ${retryInSec} s.`;
  },
});

const controls = createControls({
  onStart(request) {
    showMessage('');
    state.startRequestId = `start-${state.nextRequest++}`;
    if (!socket.send({ type: 'sim.start', requestId: state.startRequestId, ...request })) showMessage('Not connected to the server.');
  },
  onCommand(type) {
    if (state.runId) socket.send({ type, runId: state.runId });
  },
  onSpeed(speed) {
    if (state.runId && !state.finished) socket.send({ type: 'sim.speed', runId: state.runId, speed });
  },
  onWatch(runId) {
    watch(runId);
    socket.send({ type: 'subscribe', runId });
  },
  onInvalid: showMessage,
  onRefresh: () => controls.loadCatalog().catch(() => {}),
});

/** Switches the main view to `runId` (its replay arrives after the subscription). */
function watch(runId) {
  if (state.runId && state.runId !== runId && state.runId !== state.trainingRunId) socket.send({ type: 'unsubscribe', runId: state.runId });
  state.runId = runId;
  state.finished = false;
  resetViews();
  refreshRunState();
}

function resetViews(totalBars = 0, actionLevels = undefined, startBarIndex = 0) {
  price.reset();
  equity.reset();
  drawdown.reset();
  metrics.reset(totalBars, startBarIndex);
  probs.reset(actionLevels);
}

function refreshRunState() {
  const run = state.runs.find((r) => r.runId === state.runId);
  if (run) controls.setRunState(run.status, run.controllable);
  else controls.setRunState(state.runId ? 'waiting' : 'idle', false);
}

const handlers = {
  hello(m) {
    if (m.version !== PROTOCOL_VERSION) showMessage(`This page speaks protocol v${PROTOCOL_VERSION}, the server v${m.version}; reload the page.`);
  },
  runs(m) {
    // A training run that just ended may have written a checkpoint: refresh the pickers.
    const wasRunning = new Set(state.runs.filter((r) => r.status === 'running').map((r) => r.runId));
    if (m.runs.some((r) => r.kind === 'training' && r.status !== 'running' && wasRunning.has(r.runId))) {
      controls.loadCatalog().catch(() => {});
    }
    state.runs = m.runs;
    controls.setRuns(m.runs, state.runId);
    const live = m.runs.find((r) => r.kind === 'training' && r.status === 'running' && r.runId !== state.trainingRunId);
    if (live && !m.runs.some((r) => r.runId === state.trainingRunId && r.status === 'running')) {
      state.trainingRunId = live.runId;
      training.reset(live.title);
      socket.send({ type: 'subscribe', runId: live.runId });
    }
    refreshRunState();
  },
  ack(m) {
    if (m.command === 'sim.start' && m.requestId === state.startRequestId) watch(m.runId);
  },
  error(m) {
    if (m.code === 'E_UNKNOWN_RUN' && m.runId !== undefined && m.runId === state.runId) {
      showMessage(`Run ${m.runId} is no longer on the server (it restarted); start a new simulation.`);
      state.runId = null;
      refreshRunState();
      return;
    }
    showMessage(`${m.message} (${m.code})`);
  },
  'run.started'(m) {
    if (m.runId === state.runId) {
      resetViews(m.totalBars ?? 0, m.actionLevels, Number(m.config?.startBarIndex ?? 0));
      $('run-title').textContent = m.title;
    }
    if (m.runId === state.trainingRunId) training.reset(m.title);
  },
  bar(m) {
    if (m.runId !== state.runId) return;
    price.addBar(m);
    equity.addBar(m);
    drawdown.addBar(m);
    metrics.onBar(m);
    probs.onBar(m);
  },
  trade(m) {
    if (m.runId !== state.runId) return;
    price.addTrade(m);
    metrics.onTrade(m);
  },
  metrics(m) {
    if (m.runId === state.runId) metrics.onMetrics(m);
  },
  'train.update'(m) {
    if (m.runId === state.trainingRunId) training.onUpdate(m);
  },
  'run.finished'(m) {
    if (m.runId !== state.runId) return;
    state.finished = true;
    price.flush();
    fitAll(runCharts);
    metrics.onFinished(m.summary);
    controls.setRunState(m.status, false);
    if (m.status === 'failed') showMessage(`The run failed: ${m.error ?? 'see the server log'}`);
  },
};

const pending = [];
let scheduled = false;
function enqueue(message) {
  pending.push(message);
  if (scheduled) return;
  scheduled = true;
  // requestAnimationFrame batches drawing; the timer keeps a hidden tab from stalling the queue.
  const timer = setTimeout(flush, 100);
  requestAnimationFrame(() => {
    clearTimeout(timer);
    flush();
  });
}

function flush() {
  if (!scheduled) return;
  scheduled = false;
  for (const message of pending.splice(0)) handlers[message.type]?.(message);
  price.flush();
}

socket.start();
