// The demo as one HTML page, rendered as GitHub renders it: GFM through micromark (the parser
// GitHub's own rendering follows) and Mermaid charts drawn in the page by the real `mermaid`
// library, inlined from node_modules so the page needs no network. Sections come from the
// story's steps: a new step is a new section here.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { renderGfm } from '../test-support/render-gfm.mjs'

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The Mermaid bundle from node_modules (a browser build that registers `window.mermaid`). */
export function mermaidBundle() {
  return readFileSync(createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js'), 'utf8')
}

/** GFM to HTML, with ```mermaid blocks left for Mermaid to draw, as GitHub does. */
export function gfmHtml(markdown) {
  return renderGfm(markdown).replace(/<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g, '<pre class="mermaid">$1</pre>')
}

function block(b) {
  switch (b.kind) {
    case 'say':
      return `<div class="say markdown-body">${gfmHtml(b.markdown)}</div>`
    case 'github':
      return `<figure class="gh"><figcaption>${esc(b.label)}</figcaption><div class="markdown-body">${gfmHtml(b.markdown)}</div></figure>`
    case 'log':
      return `<figure class="log"><figcaption>${esc(b.label)}</figcaption><pre>${b.lines.map((l) => `<span class="${l.level}">${esc(l.text)}</span>`).join('\n')}</pre></figure>`
    case 'result':
      return `<p class="result ${b.ok ? 'ok' : 'bad'}">${b.ok ? '✔' : '✘'} ${esc(b.text)}</p>`
    default:
      throw new Error(`demo: unknown block kind ${b.kind}`)
  }
}

/**
 * Pure: the page of a story's sections.
 * @param {{ id: string, title: string, blocks: object[] }[]} sections
 * @param {{ mermaid: string, subtitle?: string }} o the Mermaid bundle's source, a line under the title
 */
export function renderPage(sections, o) {
  // The Markdown each section showed, for the page test: fences and headings are checked against it.
  const data = JSON.stringify({
    sections: sections.map((s) => ({ id: s.id, title: s.title, markdown: s.blocks.filter((b) => b.markdown).map((b) => b.markdown) }))
  }).replace(/</g, '\\u003c')
  const toc = sections.map((s, i) => `<li><a href="#${esc(s.id)}">${i + 1}. ${esc(s.title)}</a></li>`).join('')
  const body = sections
    .map((s, i) => `<section id="${esc(s.id)}" class="step"><h2 class="step-title">${i + 1}. ${esc(s.title)}</h2>${s.blocks.map(block).join('\n')}</section>`)
    .join('\n')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>deploy-guard demo</title>
<style>${CSS}</style>
</head><body>
<header><h1 class="page-title">deploy-guard demo</h1><p>${esc(o.subtitle ?? '')}</p><nav><ol>${toc}</ol></nav></header>
<main>${body}</main>
<script type="application/json" id="demo-data">${data}</script>
<script>${o.mermaid.replace(/<\/script/gi, '<\\/script')}</script>
<script>
// Draw every chart as GitHub does; the page test reads window.demoCharts for parse errors.
window.demoCharts = (async () => {
  const errors = []
  const nodes = [...document.querySelectorAll('pre.mermaid')]
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' })
  for (const [i, el] of nodes.entries()) {
    const code = el.textContent
    try {
      await mermaid.parse(code)
      const { svg } = await mermaid.render('demo-chart-' + i, code)
      el.innerHTML = svg
      el.classList.add('drawn')
    } catch (e) {
      errors.push({ chart: i, message: String((e && e.message) || e) })
      el.classList.add('broken')
    }
  }
  return { charts: nodes.length, drawn: document.querySelectorAll('pre.mermaid.drawn svg').length, errors }
})()
</script>
</body></html>
`
}

// A small subset of GitHub's markdown styles: enough to read the page as GitHub shows it.
const CSS = `
body { margin: 0; background: #f6f8fa; color: #1f2328; font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
header, main { max-width: 1012px; margin: 0 auto; padding: 16px 24px; }
header h1 { margin: 8px 0 0; font-size: 26px; }
header nav ol { columns: 2; padding-left: 20px; }
section.step { background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; padding: 8px 24px 16px; margin-bottom: 24px; }
section.step > h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: 8px; }
figure { margin: 16px 0; }
figcaption { font-weight: 600; font-size: 12px; color: #59636e; margin-bottom: 4px; }
figure.gh .markdown-body { border: 1px solid #d1d9e0; border-radius: 6px; padding: 16px; }
figure.log pre { background: #0d1117; color: #e6edf3; padding: 12px; border-radius: 6px; overflow-x: auto; font-size: 12px; }
figure.log .error { color: #ff7b72; } figure.log .warning { color: #d29922; } figure.log .group { font-weight: 600; }
p.result { font-weight: 600; } p.result.ok { color: #1a7f37; } p.result.bad { color: #d1242f; }
.markdown-body h1, .markdown-body h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
.markdown-body h1 { font-size: 2em; } .markdown-body h2 { font-size: 1.5em; } .markdown-body h3 { font-size: 1.25em; } .markdown-body h4 { font-size: 1em; }
.markdown-body table { border-collapse: collapse; display: block; overflow: auto; margin: 0 0 16px; }
.markdown-body th, .markdown-body td { border: 1px solid #d1d9e0; padding: 6px 13px; }
.markdown-body th { font-weight: 600; } .markdown-body tr:nth-child(2n) { background: #f6f8fa; }
.markdown-body code { background: rgba(129,139,152,.12); border-radius: 6px; padding: .2em .4em; font: 85% ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.markdown-body pre { background: #f6f8fa; border-radius: 6px; padding: 16px; overflow: auto; }
.markdown-body pre code { background: none; padding: 0; }
.markdown-body pre.mermaid { background: #fff; text-align: center; }
.markdown-body pre.mermaid.broken { outline: 2px solid #d1242f; }
.markdown-body ul.contains-task-list { list-style: none; padding-left: 1em; }
.markdown-body details { margin: 8px 0; } .markdown-body summary { cursor: pointer; }
.markdown-body a { color: #0969da; text-decoration: none; }
.markdown-body blockquote { margin: 0; padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
`
