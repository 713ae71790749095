#!/usr/bin/env node
// Writes docs/demo.png, README's picture of the demo: runs the demo into a temporary HTML page,
// loads it in headless Chromium, waits for the Mermaid charts, and shots the broken release's
// section as GitHub would show it. `npm run demo:screenshot`.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { launchChromium } from '../test-support/chromium.mjs'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const dir = mkdtempSync(join(tmpdir(), 'deploy-guard-demo-shot-'))
const page = join(dir, 'demo.html')
const out = join(ROOT, 'docs/demo.png')
const section = process.argv[2] ?? 'bad-release'

const demo = spawnSync(process.execPath, [join(ROOT, 'demo/run.mjs'), '--html', page], { stdio: ['ignore', 'ignore', 'inherit'] })
if (demo.status !== 0) {
  console.error('the demo failed: run npm run demo to see why')
  process.exit(1)
}
const browser = await launchChromium({ viewport: { width: 1100, height: 1900 } })
try {
  const tab = await browser.context.newPage()
  await tab.goto(pathToFileURL(page).href)
  const charts = await tab.evaluate('window.demoCharts')
  if (charts.errors.length) throw new Error(`Mermaid could not draw: ${JSON.stringify(charts.errors)}`)
  await tab.evaluate(`document.getElementById(${JSON.stringify(section)}).scrollIntoView()`)
  await tab.screenshot({ path: out })
  console.log(`wrote ${out}`)
} finally {
  await browser.close()
  rmSync(dir, { recursive: true, force: true })
}
