// npm run demo: the bundled action end to end on this machine, no network and no GitHub.
// A local service, a Prometheus-compatible metrics source and the local GitHub API emulator;
// the action runs exactly as the Actions runner would run it, once per step of the story.
// `npm run demo -- --open` also writes the story as one HTML page rendered as GitHub renders it
// (demo/out/demo.html); `--html <path>` writes it elsewhere without opening it.
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createStory } from './story.mjs'
import { mermaidBundle, renderPage } from './html-page.mjs'
import { startWorld } from './world.mjs'
import { STEPS } from './steps/index.mjs'

const args = process.argv.slice(2)
const open = args.includes('--open')
const htmlAt = args.includes('--html')
  ? resolve(args[args.indexOf('--html') + 1])
  : open
    ? join(dirname(fileURLToPath(import.meta.url)), 'out', 'demo.html')
    : undefined

const started = Date.now()
const story = createStory()
process.stdout.write('\x1b[1mdeploy-guard demo\x1b[0m: the bundled action, run as the Actions runner runs it, against local services\n')
const world = await startWorld()
try {
  for (const step of STEPS) {
    const section = story.section(step.id, step.title)
    try {
      await step.run(world, section)
    } catch (e) {
      section.result(false, `the step broke: ${e instanceof Error ? e.stack : String(e)}`)
    }
  }
} finally {
  await world.close()
}
const gh = world.github
const clean = gh.violations.length === 0 && gh.unhandled.length === 0
const ending = story.section('end', 'What the run proved')
ending.result(
  clean,
  `${gh.requests.length} GitHub API requests, ${clean ? 'all valid per the OpenAPI description' : 'with violations: ' + JSON.stringify([...gh.violations, ...gh.unhandled])}`
)
ending.say(`The whole story took ${((Date.now() - started) / 1000).toFixed(1)} s on this machine.`)

if (htmlAt) {
  const passed = story.results.filter((r) => r.ok).length
  mkdirSync(dirname(htmlAt), { recursive: true })
  writeFileSync(
    htmlAt,
    renderPage(story.sections, {
      mermaid: mermaidBundle(),
      subtitle: `npm run demo: ${passed} of ${story.results.length} claims held, ${new Date().toISOString()}`
    })
  )
  process.stdout.write(`\nHTML page: ${pathToFileURL(htmlAt)}\n`)
  // Open it only where there is a desktop to show it.
  if (open && (process.env.DISPLAY || process.env.WAYLAND_DISPLAY || process.platform === 'darwin')) {
    const opener = process.platform === 'darwin' ? 'open' : 'xdg-open'
    spawn(opener, [htmlAt], { detached: true, stdio: 'ignore' })
      .on('error', () => {})
      .unref()
  }
}
process.exitCode = story.ok() ? 0 : 1
