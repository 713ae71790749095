// (e) approval on a large pull request: 3,000 changed files and 300 issue events, every GitHub
// answer 50 ms late. The action runs as on a `labeled` event; the bench counts the requests that
// reach the API (the base branch's config and the re-read before posting included) and times
// spawn → exit. Target: at most 42 requests, under 2 s.
import { spawn } from 'node:child_process'
import http from 'node:http'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ROOT, example, prepareRunnerDir, runnerEnv } from '../test-support/run-action.mjs'
import { runMeasured } from './measure-process.mjs'
import { summarize } from './stats.mjs'
import { ACTION, NODE } from './tools.mjs'

const MAX_REQUESTS = 42
const MAX_WALL_MS = 2000

function startApi() {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./approval-github.mjs', import.meta.url))], { stdio: ['pipe', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    let buf = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (d) => {
      buf += d
      if (buf.includes('\n')) resolve({ info: JSON.parse(buf.slice(0, buf.indexOf('\n'))), stop: () => child.stdin.end() })
    })
    child.on('exit', (c) => reject(new Error(`approval-github.mjs exited with ${c} before it was ready`)))
  })
}

function call(url, method = 'GET') {
  return new Promise((resolve, reject) => {
    http
      .request(url, { method }, (res) => {
        let out = ''
        res.setEncoding('utf8')
        res.on('data', (c) => (out += c))
        res.on('end', () => resolve(JSON.parse(out)))
      })
      .on('error', reject)
      .end()
  })
}

async function runOnce(info) {
  const event = example('pull_request', 'labeled')
  const full = 'octo-org/octo-repo'
  Object.assign(event, { repository: { ...event.repository, full_name: full, name: 'octo-repo', owner: { ...event.repository.owner, login: 'octo-org' } } })
  event.pull_request.number = info.pull
  mkdirSync(join(ROOT, '.bench-tmp'), { recursive: true })
  const dir = mkdtempSync(join(ROOT, '.bench-tmp', 'approval-'))
  try {
    const workspace = prepareRunnerDir(dir, event)
    const env = runnerEnv({ dir, workspace, eventName: 'pull_request', event, apiUrl: info.url, inputs: { 'protected-paths': 'infra/**' } })
    await call(`${info.control}/_bench/reset`, 'POST')
    const r = await runMeasured(NODE, [ACTION], { env, cwd: workspace })
    const requests = await call(`${info.control}/_bench/requests`)
    return { wall: r.wallMs, code: r.code, requests }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function approvalLarge({ reps, progress }) {
  const api = await startApi()
  try {
    await runOnce(api.info) // warm-up: file cache, the emulator's spec validators
    const runs = []
    for (let i = 0; i < reps; i++) {
      runs.push(await runOnce(api.info))
      progress?.(`approval 3,000 files / 300 events ${i + 1}/${reps}`)
    }
    const problems = (await call(`${api.info.control}/_bench/problems`)).problems
    const wall = summarize(runs.map((x) => x.wall))
    const counts = runs.map((x) => x.requests.length)
    const byOp = {}
    for (const q of runs[0].requests) byOp[q.operationId] = (byOp[q.operationId] ?? 0) + 1
    const maxRequests = Math.max(...counts)
    return {
      info: api.info,
      wall,
      counts,
      byOp,
      codes: [...new Set(runs.map((x) => x.code))].join(','),
      problems,
      targets: [
        {
          what: '(e) approval, 3,000 files + 300 events, 50 ms API latency: requests',
          target: `≤ ${MAX_REQUESTS}`,
          measured: `${maxRequests} (every run)`,
          pass: maxRequests <= MAX_REQUESTS
        },
        {
          what: '(e) approval, 3,000 files + 300 events, 50 ms API latency: wall spawn → exit',
          target: `< ${MAX_WALL_MS} ms`,
          measured: `${wall.median.toFixed(0)} ms (p90 ${wall.p90.toFixed(0)})`,
          pass: wall.median < MAX_WALL_MS
        }
      ]
    }
  } finally {
    api.stop()
  }
}

/** The markdown table of (e). */
export function approvalTable(r) {
  const ops = Object.entries(r.byOp)
    .map(([op, n]) => `${op} × ${n}`)
    .join(', ')
  return [
    '| measure | value |',
    '| --- | --- |',
    `| requests per run | ${[...new Set(r.counts)].join(', ')} (${ops}) |`,
    `| spawn → exit, ms | ${r.wall.median.toFixed(0)} (p90 ${r.wall.p90.toFixed(0)}, ${r.wall.min.toFixed(0)}–${r.wall.max.toFixed(0)}; ${r.wall.n} runs) |`,
    `| exit codes | ${r.codes} |`,
    `| emulator findings | ${r.problems.length ? r.problems.slice(0, 5).join('; ') : 'none'} |`
  ].join('\n')
}
