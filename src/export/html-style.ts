// The export page's only stylesheet, inlined so the file is self-contained (the page's CSP allows
// inline styles and nothing else). Light and dark on screen; on paper always light, with borders
// instead of background tints (browsers drop backgrounds when printing) and link targets spelled out.

export const HTML_EXPORT_STYLE = `
:root { color-scheme: light dark; --muted: #6b7280; --user: #eef2ff; --persona: #f3f4f6; --warn: #b45309; --rule: #d1d5db; --code: rgba(0, 0, 0, .06); --link: #1d4ed8; }
@media (prefers-color-scheme: dark) { :root { --muted: #9ca3af; --user: #1e1b4b; --persona: #1f2937; --warn: #f59e0b; --rule: #4b5563; --code: rgba(255, 255, 255, .08); --link: #93c5fd; } }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 2rem 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0 0 2rem; color: var(--muted); }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
ol.messages { list-style: none; padding: 0; margin: 0; }
ol.messages > li { border-radius: .75rem; padding: .75rem 1rem; margin: 0 0 1rem; }
li.user { background: var(--user); margin-left: 3rem; }
li.persona { background: var(--persona); margin-right: 3rem; }
.meta { font-size: .85rem; color: var(--muted); margin-bottom: .25rem; }
.speaker { font-weight: 600; }
.note { color: var(--warn); }
.content { overflow-wrap: anywhere; }
.plain { white-space: pre-wrap; }
.empty { font-style: italic; color: var(--muted); }
.markdown > :first-child { margin-top: 0; }
.markdown > :last-child { margin-bottom: 0; }
.markdown p, .markdown ul, .markdown ol, .markdown blockquote, .markdown pre, .markdown .table { margin: .6rem 0; }
.markdown ul, .markdown ol { padding-left: 1.5rem; }
.markdown li + li { margin-top: .2rem; }
.markdown li > p { margin: .3rem 0; }
.markdown h2, .markdown h3, .markdown h4, .markdown h5, .markdown h6 { font-size: 1.05rem; line-height: 1.3; margin: 1rem 0 .4rem; }
.markdown h2 { font-size: 1.2rem; }
.markdown code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; background: var(--code); border-radius: .25rem; padding: .1em .3em; }
.markdown pre { background: var(--code); border-radius: .5rem; padding: .75rem 1rem; overflow-x: auto; line-height: 1.4; }
.markdown pre code { background: none; padding: 0; font-size: .85rem; }
.markdown blockquote { margin-left: 0; margin-right: 0; padding: 0 0 0 .9rem; border-left: 3px solid var(--rule); color: var(--muted); }
.markdown .table { overflow-x: auto; }
.markdown table { border-collapse: collapse; font-size: .95em; }
.markdown th, .markdown td { border: 1px solid var(--rule); padding: .3rem .6rem; text-align: left; vertical-align: top; overflow-wrap: normal; }
.markdown th { font-weight: 600; background: var(--code); }
.markdown th.align-right, .markdown td.align-right { text-align: right; }
.markdown th.align-center, .markdown td.align-center { text-align: center; }
.markdown hr { border: 0; border-top: 1px solid var(--rule); margin: 1rem 0; }
.markdown a { color: var(--link); }
.markdown .image { font-style: italic; }
@media print {
  :root { color-scheme: light; --muted: #4b5563; --warn: #92400e; --rule: #9ca3af; --code: transparent; --link: #1d4ed8; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  ol.messages > li, li.user, li.persona { background: none; margin: 0 0 .8rem; padding: 0 0 0 .8rem; border-radius: 0; border-left: 3px solid var(--rule); }
  li.user { border-left-style: double; }
  .meta { break-after: avoid; }
  .markdown pre { white-space: pre-wrap; border: 1px solid var(--rule); }
  .markdown pre, .markdown blockquote, .markdown tr { break-inside: avoid; }
  .markdown .table { overflow: visible; }
  .markdown a[href]::after { content: " (" attr(href) ")"; font-size: .85em; color: var(--muted); overflow-wrap: anywhere; }
}
`;
