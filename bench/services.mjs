// Starts the bench's helper processes (endpoint-server.mjs, github-server.mjs) and talks to their
// control endpoints. Each child exits when its stdin closes, so none outlives the bench.
import { spawn } from 'node:child_process'
import http from 'node:http'
import { fileURLToPath } from 'node:url'
import { nowMs } from './clock.mjs'

const here = (f) => fileURLToPath(new URL(f, import.meta.url))
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 })

function startChild(script, env = {}) {
  const child = spawn(process.execPath, [here(script)], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...env } })
  return new Promise((resolve, reject) => {
    let buf = ''
    child.stdout.setEncoding('utf8')
    const onData = (d) => {
      buf += d
      const nl = buf.indexOf('\n')
      if (nl < 0) return
      child.stdout.off('data', onData)
      child.stdout.resume()
      resolve({ child, info: JSON.parse(buf.slice(0, nl)), stop: () => child.stdin.end() })
    }
    child.stdout.on('data', onData)
    child.on('exit', (c) => reject(new Error(`${script} exited with ${c} before it was ready`)))
  })
}

function call(base, method, path, body) {
  return new Promise((resolve, reject) => {
    const text = body === undefined ? undefined : JSON.stringify(body)
    const req = http.request(
      new URL(path, base),
      { method, agent, headers: text ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } : {} },
      (res) => {
        let out = ''
        res.setEncoding('utf8')
        res.on('data', (c) => (out += c))
        res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(out)) : reject(new Error(`${method} ${path}: ${res.statusCode} ${out}`))))
      }
    )
    req.on('error', reject)
    req.end(text)
  })
}

export async function startEndpoints() {
  const { info, stop } = await startChild('endpoint-server.mjs')
  const base = `http://127.0.0.1:${info.port}`
  return {
    base,
    url: (i) => `${base}/p/${i}`,
    prometheusUrl: base,
    /** Resets the stats; delayMs for every path; fail = { index: { status, from } }. */
    setup: (o = {}) => call(base, 'POST', '/_control/setup', { delayMs: o.delayMs ?? 200, fail: o.fail ?? {} }),
    stats: () => call(base, 'GET', '/_control/stats').then((r) => r.paths),
    now: () => call(base, 'GET', '/_control/now').then((r) => r.now),
    stop
  }
}

/** The GitHub API process; latencyMs delays every answer, history seeds that many good deployments (rollback scenario), report the report scenario's 90 days. */
export async function startGitHub({ latencyMs = 0, history = 0, report = false } = {}) {
  const { info, stop } = await startChild('github-server.mjs', {
    BENCH_GITHUB_LATENCY_MS: String(latencyMs),
    BENCH_GITHUB_HISTORY: String(history),
    BENCH_GITHUB_REPORT: report ? '1' : ''
  })
  return {
    url: info.url,
    backend: info.backend,
    reset: () => call(info.url, 'POST', '/_bench/reset', {}),
    requests: () => call(info.url, 'GET', '/_bench/requests'),
    info: () => call(info.url, 'GET', '/_bench/info'),
    stop
  }
}

/**
 * Checks that the endpoint server's clock is the bench's: its stamp for a request must fall
 * between the bench's stamps before sending and after the answer. Returns the worst round trip.
 */
export async function checkSharedClock(endpoints, tries = 20) {
  let worst = 0
  for (let i = 0; i < tries; i++) {
    const before = nowMs()
    const server = await endpoints.now()
    const after = nowMs()
    if (server < before || server > after) throw new Error(`clocks disagree: server ${server} not in [${before}, ${after}]`)
    worst = Math.max(worst, after - before)
  }
  return worst
}
