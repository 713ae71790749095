// Shared by the approval and gate tests: an emulator per test with collaborators of each role,
// a PR by the payload's author, label events at chosen times, and a run of the bundle on a real
// pull_request payload pointed at that PR.
import { expect } from '@jest/globals'
import { runAction, example, type RunResult, type RunOptions } from '../../test-support/run-action.mjs'
import { startGitHubEmulator, type GitHubEmulator, type PullRequestRecord } from '../../test-support/github-emulator/index.mjs'

export const [owner, repo] = (example('pull_request', 'opened').repository.full_name as string).split('/')
/** The author of the webhook examples' pull request. */
export const AUTHOR = 'Codertocat'
export const RUN_URL = `https://github.com/${owner}/${repo}/actions/runs/4242`
export const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()

type PullOptions = Parameters<GitHubEmulator['seed']['pullRequest']>[0]
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- webhook payloads are edited loosely
type Payload = Record<string, any>
/** baseConfig: .github/deploy-guard.yml on the base branch (main), where pull-request runs read it through the API. */
type RunExtra = { inputs?: Record<string, string>; files?: Record<string, string>; baseConfig?: string; event?: (e: Payload) => void; more?: RunOptions }

/** Registers beforeEach/afterEach; the returned helpers work on the current test's emulator. */
export function approvalFixture() {
  const ref: { gh: GitHubEmulator } = { gh: undefined as unknown as GitHubEmulator }
  beforeEach(async () => {
    ref.gh = await startGitHubEmulator({ owner, repo })
    ref.gh.seed.collaborator({ login: 'mia', permission: 'maintain' })
    ref.gh.seed.collaborator({ login: 'ada', permission: 'admin' })
    ref.gh.seed.collaborator({ login: 'walt', permission: 'write' })
  })
  afterEach(async () => {
    ref.gh.assertClean()
    await ref.gh.close()
  })
  const gh = new Proxy({} as GitHubEmulator, { get: (_t, k) => ref.gh[k as keyof GitHubEmulator] })
  return {
    gh,
    /** A PR by the payload's author, opened and pushed two hours ago. */
    openPr: (o: PullOptions = {}): PullRequestRecord =>
      ref.gh.seed.pullRequest({ title: 'Change the deploy', user: AUTHOR, head: 'changes', created_at: ago(120), files: [{ filename: 'src/app.ts' }], ...o }),
    label: (pr: PullRequestRecord, name: string, actor: string, minutesAgo: number, app?: string): void => {
      ref.gh.seed.labeled({ issue_number: pr.number, label: name, actor, created_at: ago(minutesAgo), ...(app && { app }) })
    },
    /** Runs the bundle on a real webhook payload of `action`, pointed at the seeded PR. */
    run: (pr: PullRequestRecord, action = 'labeled', o: RunExtra = {}): Promise<RunResult> => {
      const event = example('pull_request', action)
      event.pull_request.number = pr.number
      if (o.baseConfig !== undefined) ref.gh.seed.file({ path: '.github/deploy-guard.yml', content: o.baseConfig, ref: 'main' })
      o.event?.(event)
      return runAction({ apiUrl: ref.gh.url, eventName: 'pull_request', event, inputs: o.inputs ?? {}, ...(o.files && { files: o.files }), ...o.more })
    },
    /** The statuses deploy-guard posted on the PR's head. */
    statuses: (pr: PullRequestRecord) =>
      ref.gh.state.commitStatuses.filter((x) => x.sha === pr.head.sha && x.status.context === 'deploy-guard/change-approval').map((x) => x.status)
  }
}

/** Exit code, output, one status on the head with the run as target and a description of at most 140 characters. */
export function expectVerdict(gh: GitHubEmulator, r: RunResult, pr: PullRequestRecord, state: 'success' | 'failure', description: RegExp): void {
  expect(r.code).toBe(state === 'success' ? 0 : 1)
  expect(r.outputs.result).toBe(state === 'success' ? 'passed' : 'failed')
  const posted = gh.state.commitStatuses.filter((x) => x.sha === pr.head.sha && x.status.context === 'deploy-guard/change-approval').map((x) => x.status)
  expect(posted).toHaveLength(1)
  expect(posted[0]).toMatchObject({ state, target_url: RUN_URL })
  expect(posted[0].description).toMatch(description)
  expect((posted[0].description ?? '').length).toBeLessThanOrEqual(140)
  if (state === 'failure') expect(r.errors.join('\n')).toMatch(new RegExp(description.source.replace(/^\^|\$$/g, '')))
}
