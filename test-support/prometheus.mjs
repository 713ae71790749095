// Test harness around a real Prometheus server (the Debian `prometheus` binary, 2.42) and a tiny
// app exposing /metrics whose error ratio a test switches. Plain ESM so demo scripts can use it too.
//
// Orphan protection: every Prometheus child is tracked and SIGKILLed on process 'exit', and each
// one also gets a detached shell watchdog that holds a pipe from this process; when this process
// dies for any reason (even SIGKILL, or inside Jest, whose sandboxed `process` never sees the
// host's 'exit' event) the pipe closes and the watchdog kills Prometheus and removes its temp dir.
import { spawn } from 'node:child_process'
import { accessSync, constants as fsConstants, rmSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { createServer as createNetServer } from 'node:net'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { URLSearchParams } from 'node:url'

export const MISSING_BINARY_MESSAGE = 'prometheus binary not found; CI installs it with apt-get install -y prometheus'

const STDERR_LIMIT = 64 * 1024

// ---------------------------------------------------------------------------------------------
// The metrics app
// ---------------------------------------------------------------------------------------------

function checkRatio(ratio) {
  if (typeof ratio !== 'number' || !Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    throw new RangeError(`errorRatio must be a number in [0, 1], got ${ratio}`)
  }
  return ratio
}

/**
 * Starts an HTTP server on 127.0.0.1 exposing /metrics: gauge `app_error_ratio` (the current
 * ratio, exact) and counters `app_http_requests_total{code="200"|"500"}` that advance by
 * `requestsPerSecond` per elapsed (monotonic) second, split by the ratio in force at the time.
 */
export async function startMetricsApp({ errorRatio = 0, requestsPerSecond = 100 } = {}) {
  let ratio = checkRatio(errorRatio)
  if (!(requestsPerSecond >= 0) || !Number.isFinite(requestsPerSecond)) {
    throw new RangeError(`requestsPerSecond must be a finite number >= 0, got ${requestsPerSecond}`)
  }
  // Fractional request counts accumulated up to `since`; the rest is computed at scrape time.
  let ok = 0
  let failed = 0
  let since = performance.now()
  let scrapes = 0

  const advance = () => {
    const now = performance.now()
    const requests = ((now - since) / 1000) * requestsPerSecond
    ok += requests * (1 - ratio)
    failed += requests * ratio
    since = now
  }

  const render = () => {
    advance()
    return [
      '# HELP app_error_ratio Fraction of requests currently failing (set by the test).',
      '# TYPE app_error_ratio gauge',
      `app_error_ratio ${ratio}`,
      '# HELP app_http_requests_total HTTP requests served, by status code.',
      '# TYPE app_http_requests_total counter',
      `app_http_requests_total{code="200"} ${Math.floor(ok)}`,
      `app_http_requests_total{code="500"} ${Math.floor(failed)}`,
      ''
    ].join('\n')
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]
    if (path === '/metrics' && (req.method === 'GET' || req.method === 'HEAD')) {
      scrapes++
      const body = render()
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' })
      res.end(req.method === 'HEAD' ? undefined : body)
      return
    }
    res.writeHead(404, { 'content-type': 'text/plain' })
    res.end('not found\n')
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address()

  let closing
  return {
    url: `http://127.0.0.1:${port}`,
    target: `127.0.0.1:${port}`,
    port,
    get errorRatio() {
      return ratio
    },
    get scrapeCount() {
      return scrapes
    },
    setErrorRatio(next) {
      checkRatio(next)
      advance() // requests so far were served at the old ratio
      ratio = next
    },
    close() {
      closing ??= new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections() // Prometheus keeps its scrape connection alive
      })
      return closing
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Prometheus
// ---------------------------------------------------------------------------------------------

function isExecutable(file) {
  try {
    accessSync(file, fsConstants.X_OK)
    return true
  } catch {
    return false
  }
}

/**
 * Path of the Prometheus binary: $PROMETHEUS_BIN (must exist if set), else `prometheus` on PATH,
 * else /usr/bin/prometheus. Throws an Error with MISSING_BINARY_MESSAGE when there is none.
 */
export function findPrometheusBinary() {
  const fromEnv = process.env.PROMETHEUS_BIN
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv
    throw new Error(`${MISSING_BINARY_MESSAGE} (PROMETHEUS_BIN=${fromEnv} is not an executable file)`)
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue
    const candidate = join(dir, 'prometheus')
    if (isExecutable(candidate)) return candidate
  }
  if (isExecutable('/usr/bin/prometheus')) return '/usr/bin/prometheus'
  throw new Error(`${MISSING_BINARY_MESSAGE} (looked at $PROMETHEUS_BIN, PATH and /usr/bin/prometheus)`)
}

/** A TCP port that was free on 127.0.0.1 a moment ago (listen on :0, read it, close). */
export async function freePort() {
  const srv = createNetServer()
  await new Promise((resolve, reject) => {
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', resolve)
  })
  const { port } = srv.address()
  await new Promise((resolve) => srv.close(() => resolve()))
  return port
}

/** Live Prometheus children of this process, with their temp dirs, for the exit hook. */
const live = new Map()
let exitHookInstalled = false

function installExitHook() {
  if (exitHookInstalled) return
  exitHookInstalled = true
  // Only synchronous work is possible here. Inside Jest `process` is a sandbox copy whose 'exit'
  // never fires; the per-child watchdog covers that case (and SIGKILL of this process).
  process.once('exit', () => {
    for (const [child, dir] of live) {
      try {
        child.kill('SIGKILL')
      } catch {
        // already gone
      }
      try {
        rmSync(dir, { recursive: true, force: true })
      } catch {
        // best effort
      }
    }
  })
}

/** Detached `sh` that kills `pid` and removes `dir` once our end of its stdin pipe closes. */
function spawnWatchdog(pid, dir) {
  const script = 'read _x; kill -KILL "$1" 2>/dev/null; sleep 0.5; rm -rf -- "$2"'
  const dog = spawn('/bin/sh', ['-c', script, 'prometheus-watchdog', String(pid), dir], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true // own process group: a Ctrl-C or group kill aimed at us does not kill it first
  })
  dog.on('error', () => {}) // best effort; the exit hook remains
  dog.stdin.on('error', () => {})
  dog.unref()
  dog.stdin.unref?.()
  return dog
}

function waitForExit(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true)
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit)
      resolve(false)
    }, ms)
    const onExit = () => {
      clearTimeout(timer)
      resolve(true)
    }
    child.once('exit', onExit)
  })
}

async function getJson(url, timeoutMs = 5000) {
  const ac = new AbortController()
  const timer = setTimeout(() => ac.abort(), timeoutMs)
  try {
    const res = await fetch(url, { signal: ac.signal })
    const text = await res.text()
    let body
    try {
      body = JSON.parse(text)
    } catch {
      body = undefined
    }
    return { status: res.status, body, text }
  } finally {
    clearTimeout(timer)
  }
}

function buildConfig({ targets, scrapeInterval, evaluationInterval, jobName, metricsPath }) {
  // JSON is valid YAML, which spares us any quoting questions.
  return JSON.stringify(
    {
      global: { scrape_interval: scrapeInterval, evaluation_interval: evaluationInterval },
      scrape_configs: [{ job_name: jobName, metrics_path: metricsPath, static_configs: [{ targets }] }]
    },
    null,
    2
  )
}

/**
 * Starts a real Prometheus on a free 127.0.0.1 port with its own temp dir, scraping `targets`.
 * Resolves once /-/ready answers 200. Throws (never skips) if the binary is missing.
 */
export async function startPrometheus({
  targets = [],
  scrapeInterval = '1s',
  evaluationInterval = scrapeInterval,
  jobName = 'app',
  metricsPath = '/metrics',
  readyTimeoutMs = 20_000,
  extraArgs = []
} = {}) {
  const bin = findPrometheusBinary()
  if (!Array.isArray(targets)) throw new TypeError('targets must be an array of host:port strings')

  const startedAt = performance.now()
  const dir = await mkdtemp(join(tmpdir(), 'deploy-guard-prom-'))
  const configFile = join(dir, 'prometheus.yml')
  try {
    await writeFile(configFile, buildConfig({ targets, scrapeInterval, evaluationInterval, jobName, metricsPath }))
    // The port is only reserved until we close it; retry if someone grabs it in between.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort()
      try {
        const handle = await launch({ bin, dir, configFile, port, readyTimeoutMs, extraArgs })
        handle.startupMs = Math.round(performance.now() - startedAt)
        return handle
      } catch (err) {
        if (attempt < 3 && /address already in use/i.test(err.message)) continue
        throw err
      }
    }
  } catch (err) {
    await rm(dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => {})
    throw err
  }
}

async function launch({ bin, dir, configFile, port, readyTimeoutMs, extraArgs }) {
  const args = [
    `--config.file=${configFile}`,
    `--storage.tsdb.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--storage.tsdb.retention.time=1h',
    '--query.max-concurrency=4',
    '--log.level=warn',
    ...extraArgs
  ]
  const child = spawn(bin, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk) => {
    stderr += chunk
    if (stderr.length > STDERR_LIMIT) stderr = stderr.slice(-STDERR_LIMIT)
  })
  let spawnError
  child.on('error', (err) => {
    spawnError = err
  })
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))

  // Do not keep the owner alive just for Prometheus: a script that ends without close() exits
  // normally and the exit hook (or the watchdog) cleans up.
  child.unref()
  child.stderr.unref?.()

  installExitHook()
  live.set(child, dir)
  const watchdog = child.pid ? spawnWatchdog(child.pid, dir) : undefined
  exited.then(() => live.delete(child))

  const url = `http://127.0.0.1:${port}`
  const describe = () => `${bin} ${args.join(' ')}\n--- prometheus stderr ---\n${stderr.trim() || '(empty)'}`

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      child.kill('SIGTERM')
      if (!(await waitForExit(child, 3000))) {
        child.kill('SIGKILL')
        await waitForExit(child, 5000)
      }
    }
    live.delete(child)
    // The watchdog's job is done; stop it before it could act on a recycled pid.
    if (watchdog && watchdog.exitCode === null && watchdog.signalCode === null) {
      try {
        watchdog.kill('SIGKILL')
      } catch {
        // gone already
      }
    }
  }

  // Wait for /-/ready, failing fast if the process dies.
  const deadline = performance.now() + readyTimeoutMs
  let exitInfo
  exited.then((info) => {
    exitInfo = info
  })
  let lastProblem = 'no answer yet'
  for (;;) {
    if (spawnError) {
      await stop()
      throw new Error(`could not start prometheus: ${spawnError.message}\n${describe()}`)
    }
    if (exitInfo) {
      await stop()
      throw new Error(`prometheus exited before becoming ready (code ${exitInfo.code}, signal ${exitInfo.signal})\n${describe()}`)
    }
    try {
      const res = await getJson(`${url}/-/ready`, 1000)
      if (res.status === 200) break
      lastProblem = `HTTP ${res.status} ${res.text.trim()}`
    } catch (err) {
      lastProblem = err.cause?.code ?? err.message
    }
    if (performance.now() > deadline) {
      await stop()
      throw new Error(`prometheus not ready after ${readyTimeoutMs} ms (last: ${lastProblem})\n${describe()}`)
    }
    await sleep(50)
  }

  /** Runs an instant query; resolves with `data` ({ resultType, result }) or throws with the API error. */
  async function query(expr, { time } = {}) {
    const params = new URLSearchParams({ query: expr })
    if (time !== undefined) params.set('time', String(time))
    const res = await getJson(`${url}/api/v1/query?${params}`)
    if (res.status !== 200 || res.body?.status !== 'success') {
      throw new Error(`query ${JSON.stringify(expr)} failed: HTTP ${res.status} ${res.text.trim()}`)
    }
    return res.body.data
  }

  async function poll(expr, accept, { timeoutMs = 20_000, intervalMs = 200 } = {}, what) {
    const until = performance.now() + timeoutMs
    let last = 'no answer yet'
    for (;;) {
      if (exitInfo) throw new Error(`prometheus exited while waiting for ${what}\n${describe()}`)
      try {
        const data = await query(expr)
        const found = accept(data)
        if (found !== undefined) return found
        last = JSON.stringify(data.result).slice(0, 500)
      } catch (err) {
        last = err.message // e.g. a syntax error: keep polling, but report it on timeout
      }
      if (performance.now() > until) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last result: ${last}`)
      }
      await sleep(intervalMs)
    }
  }

  let closing
  return {
    url,
    port,
    pid: child.pid,
    dir,
    configFile,
    startupMs: 0, // set by startPrometheus
    get stderr() {
      return stderr
    },
    query,
    waitForSeries(expr, opts) {
      return poll(expr, (data) => (data.resultType === 'vector' && data.result.length > 0 ? data.result : undefined), opts, `a non-empty vector for ${expr}`)
    },
    waitForValue(expr, predicate, opts) {
      return poll(
        expr,
        (data) => {
          let raw
          if (data.resultType === 'vector' && data.result.length > 0) raw = data.result[0].value[1]
          else if (data.resultType === 'scalar') raw = data.value[1]
          if (raw === undefined) return undefined
          const value = Number(raw) // "NaN", "+Inf" and "-Inf" map onto JS numbers
          return predicate(value) ? value : undefined
        },
        opts,
        `${expr} to satisfy ${predicate.toString()}`
      )
    },
    close() {
      closing ??= (async () => {
        await stop()
        await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })
      })()
      return closing
    }
  }
}
