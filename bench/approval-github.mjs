// The GitHub API for the approval benchmark, in its own process: the emulator seeded with one
// pull request of 3,000 changed files (the only protected one last), the config file on main, and 300 issue events (label
// churn, then the approval), every answer delayed by BENCH_API_LATENCY_MS (default 50) to stand in
// for the network. Control: GET /_bench/requests (method, path, operationId, status since the
// last reset), POST /_bench/reset, GET /_bench/problems. Prints {"url","control","pull"}; exits
// when stdin closes.
import http from 'node:http'
import { startGitHubEmulator } from '../test-support/github-emulator/index.mjs'

const LATENCY_MS = Number(process.env.BENCH_API_LATENCY_MS ?? 50)
const FILES = 3000
const EVENTS = 300
const gh = await startGitHubEmulator({ owner: 'octo-org', repo: 'octo-repo' })
const ago = (minutes) => new Date(Date.now() - minutes * 60_000).toISOString()

gh.seed.collaborator({ login: 'mia', permission: 'maintain' })
const files = Array.from({ length: FILES }, (_, i) => ({ filename: i === FILES - 1 ? 'infra/prod/main.tf' : `src/module-${Math.floor(i / 50)}/file-${i}.ts` }))
const pr = gh.seed.pullRequest({ title: 'A large change', user: 'octocat', head: 'large-change', created_at: ago(600), files })
// Label churn by several people, each after the push, then the approval: 300 events in all.
for (let i = 0; i < EVENTS - 1; i++) {
  const at = ago(500 - i)
  if (i % 2 === 0) gh.seed.labeled({ issue_number: pr.number, label: 'wip', actor: `dev-${i % 7}`, created_at: at })
  else gh.seed.unlabeled({ issue_number: pr.number, label: 'wip', actor: `dev-${i % 7}`, created_at: at })
}
gh.seed.labeled({ issue_number: pr.number, label: 'change-approved', actor: 'mia', created_at: ago(10) })
// The policy on the base branch, which approval reads through the API on pull-request events.
gh.seed.file({ path: '.github/deploy-guard.yml', content: 'approval:\n  labels: [change-approved]\n  block-labels: [do-not-deploy]\n', ref: 'main' })
gh.failNext({ delayMs: LATENCY_MS, times: Infinity })

const send = (res, body) => {
  const text = JSON.stringify(body)
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}
const control = http.createServer((req, res) => {
  if (req.url === '/_bench/reset') {
    gh.requests.length = 0
    return send(res, { ok: true })
  }
  if (req.url === '/_bench/requests')
    return send(
      res,
      gh.requests.map((q) => ({ method: q.method, path: q.path, operationId: q.operationId, status: q.status }))
    )
  const problems = [
    ...gh.violations.map((v) => v.reason),
    ...gh.unhandled.map((u) => `not emulated: ${u.operationId}`),
    ...gh.responseErrors.map((e) => String(e.reason).slice(0, 300))
  ]
  return send(res, { problems })
})
control.listen(0, '127.0.0.1', () => {
  const events = gh.state.issueEvents.filter((e) => e.issue === pr.number).length
  process.stdout.write(
    JSON.stringify({ url: gh.url, control: `http://127.0.0.1:${control.address().port}`, pull: pr.number, files: FILES, events, latencyMs: LATENCY_MS }) + '\n'
  )
})
process.stdin.on('end', () => process.exit(0))
process.stdin.on('error', () => process.exit(0))
process.stdin.resume()
