// A cancelled workflow: the runner sends SIGINT (then SIGTERM) to the bundled action's process.
// Nothing may stay in_progress, and the summary and report say what was done before the cancel.
import { jest } from '@jest/globals'
import { runAction, example, postIfHolds } from '../../test-support/run-action.mjs'
import { startHttpTarget } from '../../test-support/http-target.mjs'
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.mjs'

jest.setTimeout(40_000)

const push = example('push')
const [owner, repo] = push.repository.full_name.split('/')
const sha = push.after as string

let target: Awaited<ReturnType<typeof startHttpTarget>>
let gh: GitHubEmulator
beforeEach(async () => {
  target = await startHttpTarget()
  gh = await startGitHubEmulator({ owner, repo })
  gh.seed.commit({ sha })
})
afterEach(async () => {
  gh.assertClean()
  await gh.close()
  await target.close()
})

const states = (id: number) => gh.state.statusesOf(id).map((s) => s.state)
const window = { duration: '20s', interval: '200ms' }

describe.each(['SIGINT', 'SIGTERM'] as const)('%s during the window', (signal) => {
  it('stops sampling, sets the deployment to error saying it was cancelled, and writes the summary and report', async () => {
    const r = await runAction({
      apiUrl: gh.url,
      event: push,
      inputs: { ...window, 'health-urls': `${target.url}/ok` },
      // The second round's sample is logged only when it fails; wait for the window to be under way.
      cancel: { signal, when: /::group::Verifying/ }
    })
    expect(r.code).toBe(1)
    expect(r.durationMs).toBeLessThan(15_000)
    expect(r.outputs.result).toBe('inconclusive')
    expect(r.report.cancelled).toBe(true)
    expect(r.report.roundsRun).toBeLessThan(r.report.rounds)
    expect(r.stdout).toContain(`${signal} received`)
    const d = gh.state.deployments[0]
    expect(states(d.id).at(-1)).toBe('error')
    expect(states(d.id)).not.toContain('success')
    expect(gh.state.statusesOf(d.id).at(-1)?.description).toMatch(/^deploy-guard: cancelled/)
    expect(r.summary).toMatch(/cancelled after \d+ of \d+ rounds/)
    expect(r.state.deployment).toBe(JSON.stringify({ deploymentId: d.id, finished: true }))
  })
})

describe('the post step', () => {
  it('closes a deployment the main step could not (killed before it recorded a verdict)', async () => {
    const d = gh.seed.deployment({ sha, ref: sha, environment: 'production', statuses: ['in_progress'] })
    const r = await runAction({
      apiUrl: gh.url,
      event: push,
      jobStatus: 'cancelled',
      state: { isPost: 'true', deployment: JSON.stringify({ deploymentId: d.id, finished: false }) }
    })
    expect(r.code).toBe(0)
    expect(states(d.id)).toEqual(['in_progress', 'error'])
    expect(gh.state.statusesOf(d.id).at(-1)?.description).toMatch(/cancelled/)
  })

  it('does nothing after a main step that finished', async () => {
    const main = await runAction({ apiUrl: gh.url, event: push, inputs: { duration: '0s', 'health-urls': `${target.url}/ok` } })
    expect(main.code).toBe(0)
    const before = gh.requests.length
    const post = await runAction({ apiUrl: gh.url, event: push, state: main.state, after: main })
    expect(post.code).toBe(0)
    expect(gh.requests).toHaveLength(before)
    expect(target.hits.get('/ok')).toBe(1)
  })

  it('runs only when the job failed or was cancelled (post-if), and then leaves a finished deployment alone', async () => {
    expect([postIfHolds('success'), postIfHolds('failure'), postIfHolds('cancelled')]).toEqual([false, true, true])
    const main = await runAction({ apiUrl: gh.url, event: push, inputs: { duration: '0s', 'health-urls': `${target.url}/ok` } })
    expect(main.code).toBe(0)
    expect((await runAction({ apiUrl: gh.url, event: push, state: main.state, after: main })).skipped).toBe(true)
    // A later step of the job failed: the post step runs, and finds nothing left to do.
    const before = gh.requests.length
    const post = await runAction({ apiUrl: gh.url, event: push, state: main.state, jobStatus: 'failure' })
    expect(post.skipped).toBeUndefined()
    expect(post.code).toBe(0)
    expect(gh.requests).toHaveLength(before)
  })
})
