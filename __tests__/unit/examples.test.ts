// Every workflow under examples/ is one a user can copy: it passes a real workflow linter
// (action-validator, GitHub's workflow schema), every `with:` key of a deploy-guard step is an
// input of action.yml, and every job running deploy-guard has exactly the permissions block
// the table in src/facts/permissions.ts gives its mode and rollback strategy.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import type { GuardJob } from '../../src/facts/permissions.js'
import { permissionsFor } from '../../src/mode/permissions.js'
import { parseConfig } from '../../src/settings/config-file.js'
import { neededPermissions } from '../../src/drill/drill-checks.js'
import { settingsFrom } from './settings-fixtures.js'

const ROOT = process.cwd()
const EXAMPLES = join(ROOT, 'examples')
const LINTER = join(ROOT, 'node_modules/@action-validator/cli/cli.mjs')
const workflows = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yml'))
const configs = readdirSync(join(EXAMPLES, 'config')).filter((f) => f.endsWith('.yml'))

type Step = { uses?: string; with?: Record<string, unknown> }
type Job = { permissions?: Record<string, string>; steps?: Step[] }
type Workflow = { on: unknown; permissions?: Record<string, string>; jobs: Record<string, Job> }

const actionInputs = Object.keys((parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: object }).inputs)
const load = (file: string): Workflow => parse(readFileSync(join(EXAMPLES, file), 'utf8')) as Workflow
const guardSteps = (job: Job): Step[] => (job.steps ?? []).filter((s) => s.uses?.startsWith('deploy-guard/'))
const events = (on: unknown): string[] => (typeof on === 'string' ? [on] : Array.isArray(on) ? (on as string[]) : Object.keys(on as object))

/** What the step runs, read as the action reads it: mode auto is approval on pull-request and merge_group events (PRODUCT.md section 1). */
function guardJobOf(step: Step, on: unknown): GuardJob {
  const w = step.with ?? {}
  const pr = events(on).some((e) => ['pull_request', 'pull_request_target', 'pull_request_review', 'merge_group'].includes(e))
  const mode = String(w.mode ?? 'auto')
  if (mode === 'verify' || (mode === 'auto' && !pr)) {
    const rollback = String(w.rollback ?? (w['rollback-workflow'] ? 'workflow' : 'none'))
    return { mode: 'verify', rollback } as GuardJob
  }
  return { mode: mode === 'auto' ? 'approval' : mode } as GuardJob
}

const asBlock = (job: GuardJob): Record<string, string> => Object.fromEntries(permissionsFor(job).map((g) => [g.scope, g.level]))

it('has examples to check', () => {
  expect(workflows.length).toBeGreaterThanOrEqual(8)
})

describe.each(workflows)('examples/%s', (file) => {
  it('passes the workflow linter', () => {
    const r = spawnSync(process.execPath, [LINTER, join(EXAMPLES, file)], { encoding: 'utf8' })
    expect(r.stderr + r.stdout).toBe('')
    expect(r.status).toBe(0)
  })

  it('passes deploy-guard only inputs that action.yml declares', () => {
    const wf = load(file)
    const keys = Object.values(wf.jobs).flatMap((j) => guardSteps(j).flatMap((s) => Object.keys(s.with ?? {})))
    expect(keys.filter((k) => !actionInputs.includes(k))).toEqual([])
  })

  it("gives each deploy-guard job the permissions table's block for its mode", () => {
    const wf = load(file)
    for (const [name, job] of Object.entries(wf.jobs)) {
      for (const step of guardSteps(job)) {
        const block = job.permissions ?? wf.permissions
        expect({ job: name, permissions: block }).toEqual({ job: name, permissions: asBlock(guardJobOf(step, wf.on)) })
      }
    }
  })
})

it('covers every mode and every rollback strategy', () => {
  const seen = new Set(
    workflows.flatMap((f) => {
      const wf = load(f)
      return Object.values(wf.jobs).flatMap((j) => guardSteps(j).map((s) => JSON.stringify(guardJobOf(s, wf.on))))
    })
  )
  const wanted: GuardJob[] = [
    ...(['workflow', 'repository-dispatch', 'deployment', 'webhook'] as const).map((rollback): GuardJob => ({ mode: 'verify', rollback })),
    ...(['approval', 'gate', 'drill', 'report'] as const).map((mode): GuardJob => ({ mode }))
  ]
  expect(wanted.filter((j) => !seen.has(JSON.stringify(j)))).toEqual([])
})

it.each(configs)('examples/config/%s is valid against the config schema', async (file) => {
  await expect(parseConfig(`examples/config/${file}`, readFileSync(join(EXAMPLES, 'config', file), 'utf8'))).resolves.toBeTruthy()
})

describe('the permissions table', () => {
  it('gives verify with a workflow rollback actions: write, which includes reading the logs', () => {
    expect(asBlock({ mode: 'verify', rollback: 'workflow' })).toEqual({ deployments: 'write', contents: 'read', issues: 'write', actions: 'write' })
  })

  it('gives verify with repository-dispatch contents: write, once', () => {
    const grants = permissionsFor({ mode: 'verify', rollback: 'repository-dispatch' })
    expect(grants.filter((g) => g.scope === 'contents').map((g) => g.level)).toEqual(['write'])
  })

  it('gives every verify block the reads the incident needs (logs and compare)', () => {
    for (const rollback of ['none', 'workflow', 'repository-dispatch', 'deployment', 'webhook'] as const) {
      const block = asBlock({ mode: 'verify', rollback })
      expect([block.actions, block.contents, block.deployments, block.issues].every(Boolean)).toBe(true)
    }
  })

  it('grants everything the drill checks a verify job for, with every strategy', () => {
    const RANK: Record<string, number> = { read: 1, write: 2 }
    const strategies = {
      workflow: {},
      'repository-dispatch': {},
      deployment: {},
      webhook: { webhook: { url: 'https://deployer.example.com/hook', secret: 'a-long-enough-secret' } }
    } as const
    for (const [rollback, extra] of Object.entries(strategies)) {
      const s = settingsFrom(
        { rollback, 'rollback-workflow': 'deploy.yml', 'health-urls': 'https://api.example.com/healthz' },
        { rollback: { strategy: rollback, ...extra } }
      )
      const block = asBlock({ mode: 'verify', rollback } as GuardJob)
      const { needed, helpful } = neededPermissions(s)
      const lacking = [...needed, ...helpful.map((h) => h.grant)].filter((p) => {
        const [scope, level] = p.split(': ')
        return !block[scope] || RANK[block[scope]] < RANK[level]
      })
      expect({ rollback, lacking }).toEqual({ rollback, lacking: [] })
    }
  })

  it('asks no write of the read-only modes', () => {
    for (const mode of ['gate', 'drill', 'report'] as const) expect(permissionsFor({ mode }).filter((g) => g.level === 'write')).toEqual([])
  })
})
