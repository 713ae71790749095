// The GitHub API for the bench, in its own process: the team's emulator
// (test-support/github-emulator/index.mjs) behind a recording proxy that stamps each request's arrival (./clock.mjs, shared with the bench and the
// endpoint server) and keeps its JSON body, so the bench can find the failure-status POST.
//   /_bench/requests (GET)  the recorded requests since the last reset
//   /_bench/reset (POST)    forget them
//   /_bench/info (GET)      which backend answers, and the problems the emulator found so far
// BENCH_GITHUB_LATENCY_MS delays every API answer (emulated network latency); BENCH_GITHUB_HISTORY=n
// seeds n good deployments of production, the rollback workflow deploy.yml (input version) and the
// push payload's default branch, for the rollback scenario.
// Prints {"url","backend"} once listening; exits when stdin closes.
import http from 'node:http'
import { nowMs } from './clock.mjs'
import { startGitHubEmulator } from '../test-support/github-emulator/index.mjs'
import { seedReportHistory } from './report-history.mjs'

const OWNER = 'octo-org'
const REPO = 'octo-repo'
const backend = 'emulator'
const api = await startGitHubEmulator({ owner: OWNER, repo: REPO })
const latencyMs = Number(process.env.BENCH_GITHUB_LATENCY_MS) || 0
const history = Number(process.env.BENCH_GITHUB_HISTORY) || 0
if (history) {
  api.seed.branch({ name: 'master', sha: api.state.branches.get('main') })
  api.seed.workflow({ file: 'deploy.yml', inputs: { version: { required: true } } })
  for (let i = 0; i < history; i++) {
    const version = `v1.0.${i}`
    const sha = api.seed.commit({ message: version }).sha
    api.seed.deployment({
      sha,
      ref: sha,
      environment: 'production',
      payload: { deploy_guard: { version } },
      statuses: i === history - 1 ? ['success'] : ['success', 'inactive']
    })
  }
}
// BENCH_GITHUB_REPORT=1: the report scenario's 90 days (bench/report-history.mjs).
if (process.env.BENCH_GITHUB_REPORT) seedReportHistory(api)
const target = new URL(api.url)
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity })
let recorded = []

/** The emulator's findings (requests GitHub would reject, routes it does not emulate, its own errors). */
function problems() {
  const list = (name) => (Array.isArray(api[name]) ? api[name] : [])
  return [
    ...list('violations').map((v) => `violation: ${v.method} ${v.path}: ${v.reason}`),
    ...list('unhandled').map((u) => `not emulated: ${u.method} ${u.path}`),
    ...list('responseErrors').map((e) => `emulator error: ${e.method} ${e.path}: ${String(e.reason).slice(0, 300)}`)
  ]
}

function send(res, status, body) {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

const proxy = http.createServer((req, res) => {
  const at = nowMs()
  const path = req.url.split('?')[0]
  if (path === '/_bench/requests') return send(res, 200, recorded)
  if (path === '/_bench/reset') {
    recorded = []
    return send(res, 200, { ok: true })
  }
  if (path === '/_bench/info') return send(res, 200, { backend, url: api.url, problems: problems() })
  const entry = { method: req.method, path, at, body: undefined, status: 0, answeredAt: 0 }
  recorded.push(entry)
  const chunks = []
  req.on('data', (c) => chunks.push(c))
  req.on('end', () => {
    const raw = Buffer.concat(chunks)
    try {
      entry.body = raw.length ? JSON.parse(raw.toString('utf8')) : undefined
    } catch {
      entry.body = raw.toString('utf8').slice(0, 200)
    }
    const headers = { ...req.headers, host: target.host }
    // The emulated latency holds the request before the API sees it; none by default.
    if (latencyMs) setTimeout(() => forward(raw, headers, entry, req, res), latencyMs)
    else forward(raw, headers, entry, req, res)
  })
})

/** Passes one recorded request to the emulator and its answer back. */
function forward(raw, headers, entry, req, res) {
  const up = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent }, (upRes) => {
    entry.status = upRes.statusCode
    res.writeHead(upRes.statusCode, upRes.headers)
    upRes.pipe(res)
    upRes.on('end', () => (entry.answeredAt = nowMs()))
  })
  up.on('error', (e) => send(res, 502, { message: `bench proxy: ${e.message}` }))
  up.end(raw)
}

proxy.keepAliveTimeout = 60_000
proxy.listen(0, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ url: `http://127.0.0.1:${proxy.address().port}`, backend }) + '\n')
})
process.stdin.on('end', () => process.exit(0))
process.stdin.on('error', () => process.exit(0))
process.stdin.resume()
