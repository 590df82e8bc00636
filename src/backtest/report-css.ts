/** The inline stylesheet of report.html (system fonts only; light and dark schemes). */
export const REPORT_CSS = `
:root { color-scheme: light dark; --fg: #1d2430; --muted: #5b6677; --grid: #e3e7ee; --bg: #fff; --row: #f6f8fb; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e9ef; --muted: #9aa4b5; --grid: #2c3340; --bg: #141820; --row: #1b212b; } }
body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { margin: 0 0 4px; font-size: 24px; } h2 { margin: 28px 0 8px; font-size: 17px; }
.subtitle, .note { color: var(--muted); } .note { font-size: 12px; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 5px 8px; border-bottom: 1px solid var(--grid); text-align: right; white-space: nowrap; }
th[scope="row"], thead th:first-child, .details td { text-align: left; }
.details td { white-space: normal; word-break: break-word; }
tbody tr:nth-child(odd) { background: var(--row); }
.metrics { display: block; overflow-x: auto; }
figure { margin: 0; } svg { width: 100%; height: auto; display: block; }
svg text { fill: var(--fg); font-size: 11px; } svg .chart-title { font-size: 13px; font-weight: 600; }
svg .tick, svg .legend { fill: var(--muted); } svg .grid { stroke: var(--grid); stroke-width: 1; }
svg .buy { fill: #2ca02c; } svg .sell { fill: #d62728; }
details { margin: 8px 0; border-left: 4px solid var(--grid); padding-left: 10px; }
summary { cursor: pointer; font-weight: 600; padding: 4px 0; }
`;
