// `npm run demo -- --open` writes the story as one HTML page, rendered as GitHub renders it.
// This runs the demo (the bundled action, end to end), loads the page in headless Chromium and
// fails on a Mermaid chart that does not parse or draw, a code fence that does not close, a
// heading that did not render, or a step of the demo without its section.
import { jest } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { launchChromium } from '../../test-support/chromium.mjs'
import { sourceHeadings, unclosedFence } from '../../test-support/markdown-outline.mjs'
import { STEPS } from '../../demo/steps/index.mjs'
import { mermaidBundle, renderPage } from '../../demo/html-page.mjs'

jest.setTimeout(180_000)

type Section = { id: string; title: string; markdown: string[] }
type Charts = { charts: number; drawn: number; errors: { chart: number; message: string }[] }

const dir = mkdtempSync(join(tmpdir(), 'deploy-guard-demo-page-'))
const page = join(dir, 'demo.html')
let demo: ReturnType<typeof spawnSync>
let browser: Awaited<ReturnType<typeof launchChromium>>
let charts: Charts
let sections: Section[]
let rendered: Record<string, { title: string; headings: string[]; text: string }>

beforeAll(async () => {
  demo = spawnSync(process.execPath, ['demo/run.mjs', '--html', page], { encoding: 'utf8', timeout: 150_000 })
  browser = await launchChromium()
  const tab = await browser.context.newPage()
  const failures: string[] = []
  tab.on('pageerror', (e) => failures.push(e.message))
  tab.on('requestfailed', (r) => failures.push(`request ${r.url()}`))
  await tab.goto(pathToFileURL(page).href)
  charts = await tab.evaluate<Charts>('window.demoCharts')
  sections = JSON.parse((await tab.locator('#demo-data').textContent()) ?? '{}').sections
  // Evaluated in the page (a string: this project's types have no DOM).
  rendered = await tab.evaluate(`Object.fromEntries([...document.querySelectorAll('section.step')].map((s) => [s.id, {
    title: s.querySelector('h2.step-title')?.textContent ?? '',
    headings: [...s.querySelectorAll('.markdown-body :is(h1, h2, h3, h4, h5, h6)')].map((h) => h.textContent.trim()),
    text: s.innerText
  }]))`)
  const shot = await tab.screenshot({ fullPage: false })
  expect(shot.length).toBeGreaterThan(20_000)
  expect(failures).toEqual([])
})

afterAll(async () => {
  await browser?.close()
  rmSync(dir, { recursive: true, force: true })
})

it('runs the whole demo, every claim holding', () => {
  expect(demo.stderr).toBe('')
  expect(demo.stdout).not.toMatch(/✘/)
  expect(demo.status).toBe(0)
})

it('prints rendered text in the terminal, not raw Markdown', () => {
  // eslint-disable-next-line no-control-regex -- the terminal's styles are not the text
  const text = String(demo.stdout).replace(/\x1b\[[0-9;]*m/g, '')
  expect(text).not.toMatch(/^\s*(│ )?#{1,6} /m)
  expect(text).not.toMatch(/^\s*(│ )?\| --- \|/m)
  expect(text).not.toMatch(/```/)
  expect(text).toMatch(/┌─+┬/)
})

it('has a section, with its heading, for every step of the demo', () => {
  for (const step of STEPS) expect(rendered[step.id]?.title).toMatch(step.title)
  expect(sections.map((s) => s.id)).toEqual([...STEPS.map((s) => s.id), 'end'])
})

it('draws every Mermaid chart with the real mermaid library: none fails to parse', () => {
  expect(charts.errors).toEqual([])
  expect(charts.charts).toBeGreaterThanOrEqual(2)
  expect(charts.drawn).toBe(charts.charts)
})

it('would report a chart that does not parse', async () => {
  const broken = join(dir, 'broken.html')
  const chart = '```mermaid\nxychart-beta\n  line [1, 2\n```'
  const html = renderPage([{ id: 'x', title: 'x', blocks: [{ kind: 'github', label: 'summary', markdown: chart }] }], { mermaid: mermaidBundle() })
  writeFileSync(broken, html)
  const tab = await browser.context.newPage()
  await tab.goto(pathToFileURL(broken).href)
  const result = await tab.evaluate<Charts>('window.demoCharts')
  expect(result.charts).toBe(1)
  expect(result.drawn).toBe(0)
  expect(result.errors).toHaveLength(1)
})

it('draws every Mermaid chart of README and docs/ too', async () => {
  const pages = [
    'README.md',
    ...readdirSync('docs', { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.md'))
      .map((f) => join('docs', f))
  ]
  const blocks = pages.flatMap((p) =>
    [...readFileSync(p, 'utf8').matchAll(/^```mermaid\n[\s\S]*?^```$/gm)].map((m) => ({ kind: 'github', label: p, markdown: m[0] }))
  )
  const file = join(dir, 'docs-charts.html')
  writeFileSync(file, renderPage([{ id: 'docs', title: 'docs', blocks }], { mermaid: mermaidBundle() }))
  const tab = await browser.context.newPage()
  await tab.goto(pathToFileURL(file).href)
  const result = await tab.evaluate<Charts>('window.demoCharts')
  expect(result.errors).toEqual([])
  expect(result.drawn).toBe(blocks.length)
  expect(blocks.length).toBeGreaterThanOrEqual(1)
})

it('closes every code fence GitHub is given, and renders every heading of it', () => {
  for (const s of sections) {
    for (const md of s.markdown) {
      expect({ section: s.id, unclosedFenceAtLine: unclosedFence(md) }).toEqual({ section: s.id, unclosedFenceAtLine: 0 })
      for (const h of sourceHeadings(md))
        expect({ section: s.id, heading: h.text, found: rendered[s.id]?.headings.includes(h.text) }).toEqual({ section: s.id, heading: h.text, found: true })
    }
  }
})

it('renders no heading the Markdown did not write (a line over a lone `- ` once became one)', () => {
  for (const s of sections) {
    const written = s.markdown.flatMap((md) => sourceHeadings(md).map((h) => h.text))
    expect({ section: s.id, headings: rendered[s.id]?.headings }).toEqual({ section: s.id, headings: written })
  }
})

it('shows no raw Markdown syntax on the page', () => {
  for (const s of Object.values(rendered)) {
    expect(s.text).not.toMatch(/^#{1,6} /m)
    expect(s.text).not.toMatch(/```/)
  }
})

it('keeps the redacted password out of the page', () => {
  expect(readFileSync(page, 'utf8')).not.toMatch(/hunter2/)
})
