// Self-test of the Prometheus harness against the real binary. Fails (never skips) without it.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'
import { startMetricsApp, startPrometheus, type MetricsApp, type PrometheusServer } from '../../test-support/prometheus.mjs'

const HARNESS = fileURLToPath(new URL('../../test-support/prometheus.mjs', import.meta.url))
const ERROR_RATIO = 'sum(rate(app_http_requests_total{code="500"}[5s])) / sum(rate(app_http_requests_total[5s]))'

/** Running (a zombie awaiting its reaper counts as gone; kill(pid, 0) alone would say alive). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    // /proc/PID/stat: "pid (comm) S ..."; the state follows the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  } catch {
    return false
  }
}

async function waitUntilGone(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (!alive(pid)) return true
    await sleep(50)
  }
  return !alive(pid)
}

describe('prometheus harness', () => {
  let app: MetricsApp
  let prom: PrometheusServer

  beforeAll(async () => {
    app = await startMetricsApp({ errorRatio: 0 })
    prom = await startPrometheus({ targets: [app.target], scrapeInterval: '1s' })
  }, 30_000)

  afterAll(async () => {
    await prom?.close()
    await app?.close()
  }, 30_000)

  it('serves the metrics app in Prometheus text format', async () => {
    const res = await fetch(`${app.url}/metrics`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    const body = await res.text()
    expect(body).toMatch(/^app_error_ratio 0$/m)
    expect(body).toMatch(/^app_http_requests_total\{code="200"\} \d+$/m)
    expect(body).toMatch(/^app_http_requests_total\{code="500"\} 0$/m)
    expect(() => app.setErrorRatio(1.5)).toThrow(RangeError)
  })

  it('is ready and answers instant queries', async () => {
    expect(prom.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const data = await prom.query('vector(1)')
    expect(data.resultType).toBe('vector')
  })

  it('scrapes the app, then sees a switched error ratio', async () => {
    const series = await prom.waitForSeries('app_error_ratio', { timeoutMs: 20_000 })
    expect(series[0].metric).toMatchObject({ job: 'app', instance: app.target })
    expect(Number(series[0].value[1])).toBe(0)

    app.setErrorRatio(0.5)
    const seen = await prom.waitForValue('app_error_ratio', (v) => v === 0.5, { timeoutMs: 10_000 })
    expect(seen).toBe(0.5)
  }, 30_000)

  it('computes the error ratio from rate() over the request counters', async () => {
    // Needs two scrapes inside the 5s window; the ratio is 0.5 since the previous test.
    const ratio = await prom.waitForValue(ERROR_RATIO, (v) => Number.isFinite(v) && v > 0.2, {
      timeoutMs: 10_000
    })
    expect(ratio).toBeGreaterThan(0.2)
    expect(ratio).toBeLessThanOrEqual(0.51)
  }, 30_000)

  it('throws a clear error when the binary is missing', async () => {
    const saved = process.env.PROMETHEUS_BIN
    process.env.PROMETHEUS_BIN = '/nonexistent/prometheus'
    try {
      await expect(startPrometheus({ targets: [] })).rejects.toThrow('prometheus binary not found; CI installs it with apt-get install -y prometheus')
    } finally {
      if (saved === undefined) delete process.env.PROMETHEUS_BIN
      else process.env.PROMETHEUS_BIN = saved
    }
  })

  it('reports prometheus stderr when it cannot start', async () => {
    await expect(startPrometheus({ targets: [], scrapeInterval: 'not-a-duration' })).rejects.toThrow(
      /exited before becoming ready[\s\S]*prometheus stderr[\s\S]*not-a-duration/
    )
  }, 30_000)

  it('close() stops the process and removes its temp dir', async () => {
    const other = await startPrometheus({ targets: [] })
    const pid = other.pid as number
    expect(alive(pid)).toBe(true)
    expect(existsSync(other.dir)).toBe(true)
    await other.close()
    expect(alive(pid)).toBe(false)
    expect(existsSync(other.dir)).toBe(false)
    await other.close() // idempotent
  }, 30_000)

  it('leaves no orphan when its owner process is SIGKILLed', async () => {
    const script = [
      `import { startPrometheus } from ${JSON.stringify(HARNESS)}`,
      'const p = await startPrometheus({ targets: [] })',
      'console.log(JSON.stringify({ pid: p.pid, dir: p.dir }))',
      'setInterval(() => {}, 1000)'
    ].join('\n')
    const owner = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit']
    })
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = ''
        owner.stdout.on('data', (chunk: Buffer) => {
          out += chunk
          if (out.includes('\n')) resolve(out.split('\n')[0])
        })
        owner.once('exit', (code) => reject(new Error(`owner exited early (${code}): ${out}`)))
      })
      const { pid, dir } = JSON.parse(line) as { pid: number; dir: string }
      expect(alive(pid)).toBe(true)
      owner.kill('SIGKILL')
      expect(await waitUntilGone(pid, 5_000)).toBe(true)
      const until = Date.now() + 5_000
      while (existsSync(dir) && Date.now() < until) await sleep(50)
      expect(existsSync(dir)).toBe(false)
    } finally {
      if (owner.exitCode === null && owner.signalCode === null) owner.kill('SIGKILL')
    }
  }, 30_000)
})
