// The workflows README and docs/ show are what users copy: each must be valid YAML, and every
// `with:` of a deploy-guard step must name an input action.yml declares (a typo there is silently
// ignored by the runner). The approval workflow must be the safe one: pull_request_target, merge_group and a
// concurrency group per PR (PRODUCT.md section 7).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse, parseAllDocuments } from 'yaml'

const root = join(import.meta.dirname, '..', '..')
// The reference parts README once held (rollback strategies, change approval) live in docs/ now.
const pages = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`)
]
const readme = pages.map((p) => readFileSync(join(root, p), 'utf8')).join('\n')
const inputs = Object.keys((parse(readFileSync(join(root, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> }).inputs)

type Step = { uses?: string; with?: Record<string, unknown> }
type Workflow = { on?: unknown; concurrency?: { group?: string }; jobs?: Record<string, { steps?: Step[] }> }

const blocks = [...readme.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1])
const docs = blocks.flatMap((b) => parseAllDocuments(b).map((d) => d.toJS() as unknown))
const workflows = docs.filter((d): d is Workflow => typeof d === 'object' && d !== null && 'jobs' in d)
const guardSteps = workflows.flatMap((w) =>
  Object.values(w.jobs ?? {}).flatMap((j) => (j.steps ?? []).filter((s) => /deploy-guard\/deploy-guard@/.test(s.uses ?? '')))
)

it('every yaml block of README and docs/ parses', () => {
  expect(blocks.length).toBeGreaterThan(5)
  for (const b of blocks) for (const d of parseAllDocuments(b)) expect(d.errors).toEqual([])
})

it("every deploy-guard step's with: names an input of action.yml", () => {
  expect(guardSteps.length).toBeGreaterThanOrEqual(4)
  const unknown = guardSteps.flatMap((s) => Object.keys(s.with ?? {}).filter((k) => !inputs.includes(k)))
  expect(unknown).toEqual([])
})

it('the approval workflow runs on pull_request_target and merge_group, with a concurrency group per PR', () => {
  const approval = workflows.filter((w) => Object.values(w.jobs ?? {}).some((j) => (j.steps ?? []).some((s) => s.with?.mode === 'approval')))
  expect(approval).toHaveLength(1)
  const on = approval[0].on as Record<string, unknown>
  expect(Object.keys(on)).toEqual(expect.arrayContaining(['pull_request_target', 'merge_group']))
  expect(Object.keys(on)).not.toContain('pull_request')
  expect(approval[0].concurrency?.group).toMatch(/github\.event\.pull_request\.number/)
})
