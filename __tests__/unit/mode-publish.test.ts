// The one publisher of every mode (src/mode/publish.ts), seen as the runner sees it: the report
// file, the job summary file, the GITHUB_OUTPUT file and the log's annotations.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { GitHubCallError } from '../../src/github/errors.js'
import type { ModeContext, ModeResult, ModeRun } from '../../src/mode/mode.js'
import { reportPath, runMode, unjudgedOutputs, type PublishSettings } from '../../src/mode/publish.js'
import type { Log } from '../../src/runner/log.js'
import { OUTPUT_NAMES } from '../../src/runner/outputs.js'
import type { Mode } from '../../src/settings/types.js'
import { runContext } from './settings-fixtures.js'

const SECRET = 'hunter2-very-secret-value'
// @actions/core keeps the summary file's path after its first use: one for the whole file.
const runner = mkdtempSync(join(tmpdir(), 'deploy-guard-runner-'))
const saved = { out: process.env.GITHUB_OUTPUT, summary: process.env.GITHUB_STEP_SUMMARY }
let dir: string
let lines: string[]

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deploy-guard-publish-'))
  lines = []
  process.env.GITHUB_OUTPUT = join(runner, 'output')
  process.env.GITHUB_STEP_SUMMARY = join(runner, 'summary.md')
  writeFileSync(process.env.GITHUB_OUTPUT, '')
  writeFileSync(process.env.GITHUB_STEP_SUMMARY, '')
})

afterEach(() => rmSync(dir, { recursive: true, force: true }))

afterAll(() => {
  rmSync(runner, { recursive: true, force: true })
  process.env.GITHUB_OUTPUT = saved.out
  process.env.GITHUB_STEP_SUMMARY = saved.summary
})

const log: Log = {
  info: (m) => void lines.push(`info ${m}`),
  debug: () => undefined,
  notice: (m) => void lines.push(`notice ${m}`),
  warning: (m) => void lines.push(`warning ${m}`),
  error: (m, p) => void lines.push(`error [${p?.title ?? ''}] ${m}`),
  group: async (_name, fn) => fn()
}

function settings(mode: Mode, environment = 'production'): PublishSettings {
  return { mode, environment, secrets: [SECRET], context: runContext({ tempDir: dir, runId: '77', runAttempt: '2' }) }
}

const run = <S extends PublishSettings>(s: S, mode: ModeRun<S>): Promise<number> =>
  runMode(mode, s, { log, clock: { now: () => 0, sleep: async () => undefined }, github: async () => undefined })

/** The outputs as the runner reads GITHUB_OUTPUT: name<<delimiter, value, delimiter; the last value wins. */
function outputs(): Record<string, string> {
  const text = readFileSync(process.env.GITHUB_OUTPUT!, 'utf8')
  const out: Record<string, string> = {}
  for (const m of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) out[m[1]] = m[3]
  return out
}

const summary = (): string => readFileSync(process.env.GITHUB_STEP_SUMMARY!, 'utf8')

interface Report {
  readonly reason: string
  readonly [key: string]: unknown
}

it('names every output of action.yml, in its order', () => {
  const action = parse(readFileSync('action.yml', 'utf8')) as { outputs: Record<string, unknown> }
  expect([...OUTPUT_NAMES]).toEqual(Object.keys(action.outputs))
})

it('writes the report, the summary and the outputs, each redacted, and points the report output at the file', async () => {
  const result: ModeResult<Report> = {
    report: { reason: `the probe answered token=${SECRET}`, [`key ${SECRET}`]: 1 },
    // A renderer that clips would cut a secret in half if it saw the report before redaction.
    summarize: (r) => `## verdict\n\n${r.reason.slice(0, 30)}\n`,
    outputs: { result: 'failed', 'failed-checks': JSON.stringify([`check ${SECRET}`]) },
    exitCode: 1
  }
  expect(await run(settings('drill'), async () => result)).toBe(1)
  const path = join(dir, 'deploy-guard-drill-77-2-production.json')
  const written = readFileSync(path, 'utf8')
  expect(JSON.parse(written)).toEqual({ reason: 'the probe answered token=***', 'key ***': 1 })
  expect(summary()).toBe('## verdict\n\nthe probe answered token=***\n')
  expect(outputs()).toEqual({ result: 'failed', 'failed-checks': '["check ***"]', report: path })
  expect(written + summary() + JSON.stringify(outputs())).not.toContain('hunter2')
})

it('publishes a result given early once, and the final one again', async () => {
  let rendered = 0
  const early: ModeResult<Report> = {
    report: { reason: 'verdict' },
    summarize: (r) => `${++rendered} ${r.reason}`,
    outputs: { result: 'passed' },
    exitCode: 0
  }
  expect(await run(settings('verify'), async (ctx: ModeContext<PublishSettings>) => (await ctx.publish(early), early))).toBe(0)
  expect(rendered).toBe(1)
  const final: ModeResult<Report> = { ...early, report: { reason: 'final' }, exitCode: 1 }
  const code = await run(settings('verify'), async (ctx: ModeContext<PublishSettings>) => {
    const published = await ctx.publish(early)
    expect(published).toEqual({ reportPath: join(dir, 'deploy-guard-77-2-production.json'), report: { reason: 'verdict' } })
    expect(summary()).toBe('2 verdict')
    return final
  })
  expect(code).toBe(1)
  expect(summary()).toBe('3 final')
  expect(JSON.parse(readFileSync(join(dir, 'deploy-guard-77-2-production.json'), 'utf8'))).toEqual({ reason: 'final' })
})

it('keeps the report paths of every mode, with files beside the report in a folder of its own', async () => {
  expect(reportPath(settings('verify', 'prod eu/1'), false)).toBe(join(dir, 'deploy-guard-77-2-prod_eu_1.json'))
  expect(reportPath(settings('approval'), false)).toBe(join(dir, 'deploy-guard-77-2-approval.json'))
  expect(reportPath(settings('gate'), false)).toBe(join(dir, 'deploy-guard-77-2-gate.json'))
  expect(reportPath(settings('drill'), false)).toBe(join(dir, 'deploy-guard-drill-77-2-production.json'))
  const result: ModeResult<Report> = { report: { reason: `r ${SECRET}` }, files: (r) => ({ 'a.csv': `reason\r\n${r.reason}\r\n` }), exitCode: 0 }
  expect(await run(settings('report'), async () => result)).toBe(0)
  const folder = join(dir, 'deploy-guard-report-77-2-production')
  expect(readdirSync(folder).sort()).toEqual(['a.csv', 'report.json'])
  expect(readFileSync(join(folder, 'a.csv'), 'utf8')).toBe('reason\r\nr ***\r\n')
  expect(readFileSync(join(folder, 'report.json'), 'utf8')).toBe('{\n  "reason": "r ***"\n}\n')
  expect(outputs()).toEqual({ report: join(folder, 'report.json') })
})

describe('a GitHub call that fails', () => {
  const refused = new GitHubCallError(
    'reading the pull request',
    403,
    `reading the pull request failed (403): Resource not accessible ${SECRET}. The token may lack a permission: add \`pull-requests: read\`.`
  )

  it.each(['approval', 'gate'] as const)('in %s is one ::error, a summary that says so and result failed', async (mode) => {
    expect(
      await run(settings(mode), async () => {
        throw refused
      })
    ).toBe(1)
    expect(lines).toEqual([
      `error [deploy-guard: ${mode}] reading the pull request failed (403): Resource not accessible ***. The token may lack a permission: add \`pull-requests: read\`. Nothing was judged; the job fails.`
    ])
    expect(summary()).toBe(
      `## ⛔ deploy-guard ${mode}: cannot judge\n\nreading the pull request failed (403): Resource not accessible ***. The token may lack a permission: add 'pull-requests: read'.\n`
    )
    expect(outputs()).toEqual({ result: 'failed' })
  })

  it.each(['verify', 'drill', 'report'] as const)('in %s is the same one ::error, leaving the outputs at their defaults', async (mode) => {
    expect(
      await run(settings(mode), async () => {
        throw refused
      })
    ).toBe(1)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(new RegExp(`^error \\[deploy-guard: ${mode}\\] reading the pull request failed \\(403\\).*Nothing was judged; the job fails\\.$`))
    expect(summary()).toMatch(new RegExp(`^## ⛔ deploy-guard ${mode}: cannot judge\n`))
    expect(outputs()).toEqual({})
  })

  it('after a published verdict leaves the verdict and adds the error under it', async () => {
    const verdict: ModeResult<Report> = {
      report: { reason: 'all checks passed' },
      summarize: (r) => `## passed\n\n${r.reason}\n`,
      outputs: { result: 'passed' },
      exitCode: 0
    }
    const code = await run(settings('approval'), async (ctx: ModeContext<PublishSettings>) => {
      await ctx.publish(verdict)
      throw refused
    })
    expect(code).toBe(1)
    expect(lines).toEqual([expect.stringMatching(/^error \[deploy-guard: approval\] reading the pull request failed \(403\).* The job fails\.$/)])
    expect(summary()).toMatch(/^## passed\n\nall checks passed\n\n## ⛔ deploy-guard approval: a GitHub call failed\n\nreading the pull request failed/)
    expect(outputs()).toEqual({ result: 'failed', report: join(dir, 'deploy-guard-77-2-approval.json') })
  })

  it('is the only error the publisher takes: anything else goes on to the one catch in main.ts', async () => {
    await expect(
      run(settings('verify'), async () => {
        throw new Error('a bug')
      })
    ).rejects.toThrow('a bug')
    expect(lines).toEqual([])
  })
})

it('knows which modes fail outright when nothing could be judged', () => {
  expect(unjudgedOutputs('gate')).toEqual({ result: 'failed' })
  expect(unjudgedOutputs('verify')).toBeUndefined()
  expect(unjudgedOutputs('constructor')).toBeUndefined()
})
