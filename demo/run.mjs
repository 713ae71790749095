// npm run demo: the bundled action end to end on this machine, no network and no GitHub.
// A local service whose new release starts failing, a Prometheus-compatible metrics source and
// the local GitHub API emulator; the action runs exactly as the Actions runner would run it.
import { runAction, example } from '../test-support/run-action.mjs'
import { startHttpTarget } from '../test-support/http-target.mjs'
import { startGitHubEmulator } from '../test-support/github-emulator/index.mjs'
import { startFakePrometheus } from './fake-prometheus.mjs'

const bold = (s) => `\x1b[1m${s}\x1b[0m`
const dim = (s) => `\x1b[2m${s}\x1b[0m`
const red = (s) => `\x1b[31m${s}\x1b[0m`
const green = (s) => `\x1b[32m${s}\x1b[0m`
const say = (s = '') => process.stdout.write(s + '\n')

const push = example('push')
const [owner, repo] = push.repository.full_name.split('/')
const good = 'a10867b14bb761a232cd80139fbd4c0d33264240'
const bad = push.after

// The new release answers /health for three requests, then 503: a slow-burning failure.
const service = await startHttpTarget({ breakAfter: 3 })
const started = Date.now()
const prometheus = await startFakePrometheus(() => Math.min(0.4, 0.004 + ((Date.now() - started) / 1000) * 0.012))
const github = await startGitHubEmulator({ owner, repo, defaultBranch: push.repository.default_branch })
github.seed.commit({ sha: good, message: 'release 1.4.0' })
github.seed.commit({ sha: bad, parents: [good], message: 'release 1.5.0: new checkout flow' })
github.seed.deployment({ sha: good, ref: good, environment: 'production', payload: { deploy_guard: { version: 'v1.4.0' } }, statuses: ['success'] })
// The deploy workflow the rollback dispatches with the last good version.
github.seed.workflow({ file: 'deploy.yml', inputs: { version: { required: true } } })
// The workflow run the step belongs to: its deploy job and a failed smoke test, whose logs the
// incident attaches (4242 is the run id test-support/run-action.mjs gives the action).
github.seed.workflowRun({ id: 4242, head_sha: bad, status: 'in_progress' })
const t0 = new Date(Date.now() - 5 * 60_000)
github.seed.job({
  run_id: 4242,
  name: 'deploy',
  conclusion: 'success',
  started_at: t0,
  completed_at: new Date(Date.now() - 60_000),
  log: '2026-12-01T10:00:00.0000000Z ##[group]Run ./deploy.sh v1.5.0\n2026-12-01T10:00:20.0000000Z rollout complete: checkout 1.5.0 on 12 pods\n'
})
github.seed.job({
  run_id: 4242,
  name: 'smoke-test',
  conclusion: 'failure',
  started_at: t0,
  log: '2026-12-01T10:01:00.0000000Z POST /checkout -> 200\n2026-12-01T10:01:02.0000000Z Error: POST /checkout/pay answered 503 (upstream payments timeout)\n2026-12-01T10:01:02.0000000Z ##[error]Process completed with exit code 1.\n'
})
github.seed.job({ run_id: 4242, name: 'verify', status: 'in_progress', started_at: new Date() })

say(bold('deploy-guard demo'))
say(dim(`service      ${service.url}/health  (release ${bad.slice(0, 7)} starts failing after 3 requests)`))
say(dim(`metrics      ${prometheus.url}  (Prometheus query API; the error ratio climbs 1.2 points a second)`))
say(dim(`GitHub API   ${github.url}  (local emulator, every request checked against GitHub's OpenAPI description)`))
say()
say(bold('Running dist/index.js as the Actions runner would, with:'))
const inputs = {
  environment: 'production',
  'health-urls': `${service.url}/health`,
  'prometheus-url': prometheus.url,
  'error-rate-query': 'sum(rate(http_requests_total{code=~"5.."}[1m])) / sum(rate(http_requests_total[1m]))',
  'error-rate-threshold': '0.05',
  duration: '20s',
  interval: '1s',
  'failure-limit': '1',
  'rollback-workflow': 'deploy.yml'
}
for (const [k, v] of Object.entries(inputs)) say(dim(`  ${k}: ${v}`))
say()

// keep: the JSON report stays on disk for you to open
const r = await runAction({ inputs, apiUrl: github.url, event: push, keep: true })

say(bold('What the step printed:'))
for (const line of r.stdout.split('\n').filter((l) => l && !/^::(add-mask|endgroup)/.test(l))) {
  say('  ' + (line.startsWith('::error') ? red(line) : line.replace(/^::group::/, '▸ ')))
}
say()
say(bold('Outputs:'))
for (const k of ['result', 'failed-checks', 'rolled-back', 'rollback-version', 'incident-issue-number', 'incident-issue-url', 'report'])
  say(`  ${k} = ${r.outputs[k]}`)
say(`  exit status ${r.code} (${r.code === 0 ? green('job passes') : red('job fails')}) after ${(r.durationMs / 1000).toFixed(1)} s of a 20 s window`)
say()
say(bold('GitHub Deployments now records:'))
for (const d of github.state.deployments) {
  const states = github.state.statusesOf(d.id).map((s) => `${s.state}${s.description ? ` ("${s.description}")` : ''}`)
  say(`  deployment ${d.id} of ${d.sha.slice(0, 7)} in ${d.environment}: ${states.join(' -> ')}`)
}
for (const d of github.state.workflowDispatches) say(`  rollback: workflow ${d.path} dispatched on ${d.ref} with ${JSON.stringify(d.inputs)} (run ${d.run_id})`)
const clean = github.violations.length === 0 && github.unhandled.length === 0
say(
  dim(
    `  ${github.requests.length} GitHub API requests, ${clean ? 'all valid per the OpenAPI description' : red('with violations: ' + JSON.stringify(github.violations))}`
  )
)
say()
say(bold('Job summary (markdown, as GitHub renders it on the run page):'))
say(
  r.summary
    .split('\n')
    .map((l) => '  │ ' + l)
    .join('\n')
)
const [incident] = github.state.issues
if (incident) {
  say()
  say(bold(`The incident issue #${incident.number} the action opened: ${incident.title}`))
  say(dim(`  labels: ${incident.labels.map((l) => (typeof l === 'string' ? l : l.name)).join(', ')}`))
  say(
    incident.body
      .split('\n')
      .slice(0, 75)
      .map((l) => '  │ ' + l)
      .join('\n')
  )
  say(dim('  │ … (the rest of the issue: logs and the full timeline)'))
}

await Promise.all([service.close(), prometheus.close(), github.close()])
process.exitCode = r.outputs.result === 'failed' && r.outputs['rolled-back'] === 'true' && r.outputs['incident-issue-number'] && clean ? 0 : 1
