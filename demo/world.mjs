// The demo's world on this machine: a service whose health depends on the release running, a
// Prometheus-compatible metrics source, and the local GitHub API emulator with a repository's
// history. Steps change the world (deploy a release) and run the bundled action against it.
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runAction, example, ROOT } from '../test-support/run-action.mjs'
import { startGitHubEmulator } from '../test-support/github-emulator/index.mjs'
import { startFakePrometheus } from './fake-prometheus.mjs'
import { seedHistory } from './history.mjs'

/** The releases of the story: v1.3.0 ran last week, v1.4.0 is healthy, v1.5.0 starts failing after three health requests, with a climbing error ratio. */
export const RELEASES = {
  'v1.3.0': { sha: '2c5e0c7f4b1d8a9e6f3a2b1c0d9e8f7a6b5c4d3e', message: 'release 1.3.0', bad: false },
  'v1.4.0': { sha: 'a10867b14bb761a232cd80139fbd4c0d33264240', message: 'release 1.4.0', bad: false },
  'v1.5.0': { sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246', message: 'release 1.5.0: new checkout flow', bad: true }
}

/** The service: /health answers for the release running now. */
async function startService(world) {
  const server = createServer((req, res) => {
    if (req.url !== '/health') return res.writeHead(404).end()
    world.healthRequests++
    const down = RELEASES[world.running]?.bad && world.healthRequests > 3
    res.writeHead(down ? 503 : 200, { 'content-type': 'application/json' }).end(JSON.stringify({ release: world.running, ok: !down }))
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) }
}

export async function startWorld() {
  const push = example('push')
  const [owner, repo] = push.repository.full_name.split('/')
  const world = { running: 'v1.4.0', deployedAt: Date.now(), healthRequests: 0, owner, repo, push }
  world.service = await startService(world)
  // The error ratio of the bad release climbs 1.2 points a second from its deploy; the good one stays at 0.4 %.
  world.prometheus = await startFakePrometheus(() =>
    RELEASES[world.running]?.bad ? Math.min(0.4, 0.004 + ((Date.now() - world.deployedAt) / 1000) * 0.012) : 0.004
  )
  const gh = await startGitHubEmulator({ owner, repo, defaultBranch: push.repository.default_branch })
  world.github = gh
  const good = RELEASES['v1.4.0']
  const bad = RELEASES['v1.5.0']
  const older = RELEASES['v1.3.0']
  // The weeks before: releases through PRs, one bad and rolled back (the delivery report reads them).
  seedHistory(gh, { branch: push.repository.default_branch, owner, repo, now: Date.now() })
  /** The deployments before last week's: the story's tables leave them out. */
  world.historyDeployments = gh.state.deployments.length
  const lastWeek = new Date(Date.now() - 7 * 86_400_000)
  gh.seed.commit({ sha: older.sha, message: older.message, branch: push.repository.default_branch, date: new Date(lastWeek - 7_200_000).toISOString() })
  gh.seed.commit({ sha: good.sha, parents: [older.sha], message: good.message, branch: push.repository.default_branch })
  // The pull request that brought the bad release, squash-merged as its commit.
  const work = gh.seed.commit({ message: 'New checkout flow', parents: [good.sha] }).sha
  const pr = gh.seed.pullRequest({
    title: 'New checkout flow',
    user: 'sam',
    head: { ref: 'checkout-flow', sha: work },
    merged_at: new Date().toISOString(),
    merge_commit_sha: bad.sha,
    commits: [work, bad.sha]
  })
  gh.seed.commit({ sha: bad.sha, parents: [good.sha], message: `${bad.message} (#${pr.number})`, branch: push.repository.default_branch })
  for (const [name, r] of Object.entries(RELEASES)) gh.seed.tag({ name, sha: r.sha })
  // Last week's release, verified then: the history a rollback and the drill search.
  gh.seed.deployment({
    sha: older.sha,
    ref: 'v1.3.0',
    environment: 'production',
    payload: { deploy_guard: { version: 'v1.3.0' } },
    statuses: [{ state: 'success', description: 'deploy-guard: passed', created_at: lastWeek.toISOString() }],
    created_at: lastWeek
  })
  // The deploy workflow a rollback dispatches, with the example's verify job (the drill reads its permissions).
  gh.seed.workflow({
    file: 'deploy.yml',
    inputs: { version: { required: true } },
    content: readFileSync(join(ROOT, 'examples/verify-rollback-workflow.yml'), 'utf8')
  })
  gh.seed.collaborator({ login: 'mia', permission: 'maintain' })

  /** Deploys a release: the service runs it from now on (a release not in RELEASES is healthy). */
  world.deploy = (version) => {
    world.running = version
    world.deployedAt = Date.now()
    world.healthRequests = 0
  }

  /** Runs the bundled action as the runner would, against this world's GitHub. */
  world.run = (o) => runAction({ apiUrl: gh.url, event: push, ...o })

  world.close = () => Promise.all([world.service.close(), world.prometheus.close(), gh.close()])
  return world
}

/** A workflow_dispatch event of this repository with the given inputs. */
export function dispatchEvent(world, inputs) {
  return { ...example('workflow_dispatch'), repository: world.push.repository, inputs, ref: `refs/heads/${world.push.repository.default_branch}` }
}
