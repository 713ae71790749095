// The verdict through the bundled action (PRODUCT.md section 4): a release that is down at the
// end of the window never passes, whatever failure-limit says; fail fast reports every check
// that failed in the deciding round.
import { jest } from '@jest/globals'
import { runAction, example } from '../../test-support/run-action.mjs'
import { startHttpTarget } from '../../test-support/http-target.mjs'
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.mjs'

jest.setTimeout(30_000)

const push = example('push')
const [owner, repo] = push.repository.full_name.split('/')

let target: Awaited<ReturnType<typeof startHttpTarget>>
let gh: GitHubEmulator
beforeEach(async () => {
  target = await startHttpTarget()
  gh = await startGitHubEmulator({ owner, repo })
  gh.seed.commit({ sha: push.after as string })
})
afterEach(async () => {
  gh.assertClean()
  await gh.close()
  await target.close()
})

const REFUSED = 'http://127.0.0.1:9/'
const run = (inputs: Record<string, string>, more: object = {}) => runAction({ apiUrl: gh.url, event: push, inputs, ...more })
const lastState = () =>
  gh.state
    .statusesOf(gh.state.deployments[0].id)
    .map((s) => s.state)
    .at(-1)

describe('a smoke check (duration 0s) with the default failure-limit 1', () => {
  it('fails when the URLs answer 404 and refuse the connection, and marks the deployment failed', async () => {
    const r = await run({ duration: '0s', 'health-urls': `${target.url}/status/404\n${REFUSED}` })
    expect(r.code).toBe(1)
    expect(r.outputs.result).toBe('failed')
    expect(JSON.parse(r.outputs['failed-checks'])).toEqual([`health ${target.url}/status/404`, `health ${REFUSED}`])
    expect(r.errors.join('\n')).toMatch(
      /status 404, expected 2xx \(\d+ ms\); last sample failed: failure-limit 1 tolerates failed samples inside the window, not at its end/
    )
    expect(r.errors.join('\n')).toMatch(/connection refused; last sample failed/)
    expect(lastState()).toBe('failure')
    expect(r.summary).toContain(
      '> **Note:** failure-limit 1 is not below the 1 round of the window: it can never be exceeded, so only a failed last sample can fail a check.'
    )
    expect(r.report.limits).toMatchObject({ failureLimit: 1, failureLimitExceedable: false })
  })

  it('fails on a metric out of bounds (0.5 against max 0.05)', async () => {
    const config = `checks:\n  - { name: error ratio, type: json, url: '${target.url}/json?value=0.5', path: '$.data[0].value', max: 0.05 }\n`
    const r = await run({ duration: '0s' }, { files: { '.github/deploy-guard.yml': config } })
    expect(r.code).toBe(1)
    expect(JSON.parse(r.outputs['failed-checks'])).toEqual(['error ratio'])
    expect(r.errors.join('\n')).toMatch(/error ratio failed: 0\.5 > max 0\.05; last sample failed/)
    expect(lastState()).toBe('failure')
  })

  it('still passes when every URL answers 2xx', async () => {
    const r = await run({ duration: '0s', 'health-urls': `${target.url}/ok` })
    expect(r.code).toBe(0)
    expect(r.outputs.result).toBe('passed')
    expect(lastState()).toBe('success')
  })
})

describe('a window that ends on a failed sample', () => {
  it('is failed although its failures stayed within failure-limit', async () => {
    target.set({ breakAfter: 2 })
    const r = await run({ duration: '1500ms', interval: '500ms', 'failure-limit': '1', 'health-urls': `${target.url}/health` })
    expect(r.code).toBe(1)
    expect(target.hits.get('/health')).toBe(3)
    expect(r.report.checks[0]).toMatchObject({ status: 'failed', tally: { pass: 2, fail: 1 }, decidedBy: { round: 3 } })
    expect(r.summary).not.toContain('**Note:**')
    expect(lastState()).toBe('failure')
  })

  it('reports a failure-limit the window cannot exceed, in the summary and the report', async () => {
    const r = await run({ duration: '300ms', interval: '100ms', 'failure-limit': '5', 'health-urls': `${target.url}/ok` })
    expect(r.code).toBe(0)
    expect(r.summary).toContain('> **Note:** failure-limit 5 is not below the 3 rounds of the window')
    expect(r.report.limits).toMatchObject({
      failureLimit: 5,
      failureLimitExceedable: false,
      failureLimitNote: expect.stringContaining('can never be exceeded')
    })
  })
})

describe('fail fast keeps the deciding round', () => {
  it('names every URL that failed in it, not only the first to answer', async () => {
    const urls = [`${target.url}/status/404`, `${target.url}/status/503`, REFUSED]
    const r = await run({ duration: '1m', interval: '10s', 'failure-limit': '0', 'health-urls': urls.join('\n') })
    expect(r.code).toBe(1)
    expect(JSON.parse(r.outputs['failed-checks']).sort()).toEqual(urls.map((u) => `health ${u}`).sort())
    expect(r.summary).not.toContain('no sample')
    expect(r.report.samples).toHaveLength(3)
    expect(r.durationMs).toBeLessThan(5000)
  })

  it('does not wait for a slow check beyond the grace', async () => {
    const r = await run({ duration: '1m', interval: '10s', 'failure-limit': '0', 'health-urls': `${target.url}/status/503\n${target.url}/delay/3000` })
    expect(r.code).toBe(1)
    expect(r.report.checks.map((c: { status: string }) => c.status)).toEqual(['failed', 'stopped'])
    expect(r.durationMs).toBeLessThan(2500)
  })
})
