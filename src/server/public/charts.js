/**
 * The run's three charts on lightweight-charts v5: candlesticks with buy/sell markers,
 * equity against buy & hold, and drawdown. Bars are appended as they stream; markers are
 * redrawn once per animation frame. Drawn counts are mirrored in `data-` attributes.
 */
import { BaselineSeries, CandlestickSeries, LineSeries, createChart, createSeriesMarkers } from '/vendor/lightweight-charts.mjs';

const COLORS = { up: '#26a69a', down: '#ef5350', equity: '#58a6ff', bh: '#d29922', grid: '#21262d', text: '#8b949e' };
/** Most trade markers kept on the chart (the latest ones). */
const MAX_MARKERS = 2000;

/** Shared dark chart options. */
export function chartOptions(extra = {}) {
  return {
    autoSize: true,
    layout: { background: { color: 'transparent' }, textColor: COLORS.text, attributionLogo: false },
    grid: { vertLines: { color: COLORS.grid }, horzLines: { color: COLORS.grid } },
    rightPriceScale: { borderColor: COLORS.grid, minimumWidth: 84 },
    timeScale: { borderColor: COLORS.grid, timeVisible: true },
    ...extra,
  };
}

/**
 * The streamed-bar bookkeeping of a line chart: accepts only strictly later times (a replayed
 * or duplicate bar is skipped) and mirrors the drawn point count in `data-points`.
 */
function createPointCounter(container) {
  let lastTime = -Infinity;
  let points = 0;
  return {
    reset() {
      lastTime = -Infinity;
      points = 0;
      container.dataset.points = '0';
    },
    /** True (and counted) when `time` is after the last drawn point. */
    advance(time) {
      if (!(time > lastTime)) return false;
      lastTime = time;
      container.dataset.points = String(++points);
      return true;
    },
  };
}

/** Candlesticks plus trade markers (arrow up below the bar = buy, arrow down above = sell). */
export function createPriceView(container) {
  const chart = createChart(container, chartOptions());
  const candles = chart.addSeries(CandlestickSeries, {
    upColor: COLORS.up, downColor: COLORS.down, borderVisible: false, wickUpColor: COLORS.up, wickDownColor: COLORS.down,
  });
  const markerLayer = createSeriesMarkers(candles, []);
  let markers = [];
  let lastTime = -Infinity;
  let candleCount = 0;
  let markersDirty = false;
  return {
    chart,
    reset() {
      candles.setData([]);
      markers = [];
      markerLayer.setMarkers([]);
      lastTime = -Infinity;
      candleCount = 0;
      this.flush();
    },
    addBar(bar) {
      const time = bar.timestamp / 1000;
      if (!(time > lastTime)) return false;
      candles.update({ time, open: bar.open, high: bar.high, low: bar.low, close: bar.close });
      lastTime = time;
      candleCount++;
      return true;
    },
    addTrade(trade) {
      const buy = trade.side === 'buy';
      markers.push({
        time: trade.timestamp / 1000,
        position: buy ? 'belowBar' : 'aboveBar',
        shape: buy ? 'arrowUp' : 'arrowDown',
        color: buy ? COLORS.up : COLORS.down,
        text: buy ? 'B' : 'S',
      });
      if (markers.length > MAX_MARKERS) markers = markers.slice(-MAX_MARKERS);
      markersDirty = true;
    },
    flush() {
      if (markersDirty) markerLayer.setMarkers(markers.filter((m) => m.time <= lastTime));
      markersDirty = markers.some((m) => m.time > lastTime);
      container.dataset.candles = String(candleCount);
      container.dataset.markers = String(markerLayer.markers().length);
    },
  };
}

/** Strategy equity against buy & hold from the first streamed bar (no costs). */
export function createEquityView(container) {
  const chart = createChart(container, chartOptions());
  const priceFormat = { type: 'price', precision: 0, minMove: 1 };
  const equity = chart.addSeries(LineSeries, { color: COLORS.equity, lineWidth: 2, priceLineVisible: false, priceFormat });
  const buyAndHold = chart.addSeries(LineSeries, { color: COLORS.bh, lineWidth: 1, priceLineVisible: false, priceFormat });
  let base = null;
  const counter = createPointCounter(container);
  return {
    chart,
    reset() {
      equity.setData([]);
      buyAndHold.setData([]);
      base = null;
      counter.reset();
    },
    addBar(bar) {
      const time = bar.timestamp / 1000;
      if (!counter.advance(time)) return;
      base ??= { equity: bar.equity, close: bar.close };
      equity.update({ time, value: bar.equity });
      buyAndHold.update({ time, value: (base.equity * bar.close) / base.close });
    },
  };
}

/** Drawdown from the running equity peak, in percent (drawn below zero). */
export function createDrawdownView(container) {
  const chart = createChart(container, chartOptions());
  const series = chart.addSeries(BaselineSeries, {
    baseValue: { type: 'price', price: 0 },
    bottomLineColor: COLORS.down, bottomFillColor1: 'rgba(239, 83, 80, 0.15)', bottomFillColor2: 'rgba(239, 83, 80, 0.45)',
    topLineColor: COLORS.down, topFillColor1: 'transparent', topFillColor2: 'transparent',
    lineWidth: 1, priceLineVisible: false,
    priceFormat: { type: 'custom', formatter: (v) => `${v.toFixed(1)}%` },
    autoscaleInfoProvider: (original) => {
      const info = original();
      return info && { ...info, priceRange: { minValue: Math.min(info.priceRange.minValue, 0), maxValue: 0 } };
    },
  });
  const counter = createPointCounter(container);
  return {
    chart,
    reset() {
      series.setData([]);
      counter.reset();
    },
    addBar(bar) {
      const time = bar.timestamp / 1000;
      if (!counter.advance(time)) return;
      series.update({ time, value: -100 * bar.drawdown });
    },
  };
}

/** Keeps the charts' visible bar ranges in step: scrolling or zooming one moves the others. */
export function syncTimeScales(charts) {
  let syncing = false;
  for (const source of charts) {
    source.timeScale().subscribeVisibleLogicalRangeChange((range) => {
      if (syncing || range === null) return;
      syncing = true;
      for (const other of charts) if (other !== source) other.timeScale().setVisibleLogicalRange(range);
      syncing = false;
    });
  }
}

/** Fits every chart's time scale to all its data (e.g. once a run has finished). */
export function fitAll(charts) {
  for (const chart of charts) chart.timeScale().fitContent();
}
