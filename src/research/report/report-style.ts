// The report's only stylesheet, inlined (the page loads nothing: its CSP forbids it). Readable
// from a 360 px phone to a desktop; tables scroll sideways inside their box instead of the page.

export const REPORT_STYLE = `
:root { color-scheme: light dark; --muted: #6b7280; --rule: #d1d5db; --bar: #2563eb; --card: #f9fafb; --warn: #b45309; }
@media (prefers-color-scheme: dark) { :root { --muted: #9ca3af; --rule: #4b5563; --bar: #60a5fa; --card: #111827; --warn: #f59e0b; } }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .5rem; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; line-height: 1.3; margin: 0 0 .25rem; overflow-wrap: anywhere; }
h3 { font-size: 1rem; margin: 1.25rem 0 .5rem; }
p.lead, p.meta { color: var(--muted); margin: 0 0 1rem; overflow-wrap: anywhere; }
section.question, section.participant { border: 1px solid var(--rule); border-radius: .75rem; padding: 1rem; margin: 0 0 1.5rem; background: var(--card); }
.qmeta { color: var(--muted); font-size: .85rem; margin: 0 0 .75rem; }
svg.chart { width: 100%; height: auto; display: block; max-width: 34rem; }
svg.chart .label { font: 15px system-ui, sans-serif; fill: currentColor; }
svg.chart .value { font: 13px system-ui, sans-serif; fill: var(--muted); }
svg.chart .bar { fill: var(--bar); }
.stats { color: var(--muted); font-size: .9rem; }
.table { overflow-x: auto; margin: .5rem 0; }
table { border-collapse: collapse; font-size: .9rem; min-width: 100%; }
th, td { border: 1px solid var(--rule); padding: .3rem .5rem; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
blockquote { margin: .4rem 0; padding: .3rem .75rem; border-left: 3px solid var(--bar); overflow-wrap: anywhere; }
blockquote cite { display: block; color: var(--muted); font-style: normal; font-size: .85rem; }
ul.quotes { list-style: none; padding: 0; margin: 0; }
.invalid { color: var(--warn); }
ol.transcript { list-style: none; padding: 0; }
ol.transcript li { margin: 0 0 .75rem; overflow-wrap: anywhere; white-space: pre-wrap; }
.speaker { font-weight: 600; }
nav.toc ol { padding-left: 1.25rem; }
@media (max-width: 480px) { main { padding: 1rem .75rem 2rem; } h1 { font-size: 1.35rem; } section.question { padding: .75rem; } }
`;
