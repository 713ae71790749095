// A real local HTTP service for tests and the demo: each path behaves in one way a production
// endpoint can (slow, wrong status, reset, huge or dripping body, redirect loop, JSON).
import { createServer } from 'node:http'

/**
 * Starts the target on 127.0.0.1:0.
 * Paths: /ok, /status/<code>, /delay/<ms>, /reset, /huge (`hugeBytes`), /drip (a byte every
 * 200 ms, forever), /loop (redirects to itself), /redirect (to /ok), /json?value=<n>,
 * /health (answers 200 until `breakAfter` requests, then 503: a release that starts failing),
 * /echo-headers, /echo-request/<status>[/...][?delay=<ms>] (answers <status> with everything it received, as
 * error pages and debugging proxies do: a Prometheus-style error whose message holds the request
 * line and headers, the request as JSON, the query re-encoded as a form, each header value in
 * base64, and a link carrying a token the server made up).
 * /redirect-to?to=<Location>&status=<3xx>&delay=<ms> (any Location, verbatim;
 * 302 by default).
 * With `record: true`, every request's method, path, query, headers and body go to `requests`.
 * `connections` counts the TCP connections accepted (keep-alive reuses them).
 * `redirectPaths` ({ path: Location }) answers those paths with a 307 to the Location instead.
 * @returns {Promise<{url:string, hits: Map<string, number>, inFlight: Map<string,number>, peakInFlight: Map<string,number>, requests: {method:string, path:string, query:Record<string,string>, headers:import('node:http').IncomingHttpHeaders, body:string}[], connections: number, set(opts:object):void, close():Promise<void>}>}
 */
export async function startHttpTarget(options = {}) {
  const opts = { hugeBytes: 20 * 1024 * 1024, breakAfter: Infinity, record: false, ...options }
  const hits = new Map()
  const requests = []
  const inFlight = new Map()
  const peakInFlight = new Map()
  const sockets = new Set()
  let healthCount = 0
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x')
    const path = url.pathname
    hits.set(path, (hits.get(path) ?? 0) + 1)
    if (opts.record) {
      const entry = { method: req.method, path, query: Object.fromEntries(url.searchParams), headers: req.headers, body: '' }
      requests.push(entry)
      req.on('data', (chunk) => (entry.body += chunk))
    }
    const now = (inFlight.get(path) ?? 0) + 1
    inFlight.set(path, now)
    peakInFlight.set(path, Math.max(now, peakInFlight.get(path) ?? 0))
    res.on('close', () => inFlight.set(path, inFlight.get(path) - 1))
    const parts = path.split('/').filter(Boolean)
    if (opts.redirectPaths?.[path]) {
      res.statusCode = 307
      res.setHeader('location', opts.redirectPaths[path])
      return res.end()
    }
    switch (parts[0]) {
      case 'ok':
        return res.end('ok')
      case 'status':
        res.statusCode = Number(parts[1])
        return res.end(`status ${parts[1]}`)
      case 'delay':
        return setTimeout(() => res.end('late'), Number(parts[1]))
      case 'reset':
        return req.socket.destroy()
      case 'huge': {
        res.setHeader('content-type', 'text/plain')
        const chunk = Buffer.alloc(64 * 1024, 'x')
        let sent = 0
        const pump = () => {
          while (sent < opts.hugeBytes) {
            sent += chunk.length
            if (!res.write(chunk)) return res.once('drain', pump)
          }
          res.end()
        }
        return pump()
      }
      case 'drip': {
        res.write('.')
        const timer = setInterval(() => res.write('.'), 200)
        return res.on('close', () => clearInterval(timer))
      }
      case 'loop':
        res.statusCode = 302
        res.setHeader('location', '/loop')
        return res.end()
      case 'redirect':
        res.statusCode = 301
        res.setHeader('location', '/ok')
        return res.end()
      case 'redirect-to':
        res.statusCode = Number(url.searchParams.get('status') ?? 302)
        res.setHeader('location', url.searchParams.get('to') ?? '/ok')
        return setTimeout(() => res.end(), Number(url.searchParams.get('delay') ?? 0))
      case 'json':
        res.setHeader('content-type', 'application/json')
        return res.end(JSON.stringify({ data: [{ value: Number(url.searchParams.get('value') ?? opts.jsonValue ?? 0) }], status: 'ok' }))
      case 'health':
        healthCount++
        res.statusCode = healthCount > opts.breakAfter ? 503 : 200
        return res.end(res.statusCode === 200 ? 'healthy' : 'unavailable')
      case 'echo-headers':
        res.setHeader('content-type', 'application/json')
        return res.end(JSON.stringify(req.headers))
      case 'echo-request':
        res.statusCode = Number(parts[1] ?? 500)
        res.setHeader('content-type', 'application/json')
        return setTimeout(() => res.end(JSON.stringify(echoOf(req, url))), Number(url.searchParams.get('delay') ?? 0))
      default:
        res.statusCode = 404
        return res.end('not found')
    }
  })
  let connections = 0
  server.on('connection', (s) => {
    connections++
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    requests,
    get connections() {
      return connections
    },
    inFlight,
    peakInFlight,
    set(more) {
      Object.assign(opts, more)
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}

function echoOf(req, url) {
  const line = `${req.method} ${req.url} HTTP/${req.httpVersion}`
  const headers = Object.entries(req.headers).map(([k, v]) => `${k}: ${v}`)
  const form = url.searchParams.toString()
  const base64 = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Buffer.from(String(v)).toString('base64')]))
  const retry = `http://${req.headers.host}/login?token=srv-issued-9f8e7d6c&sig=srv-sig-5a4b3c2d&page=2`
  return {
    status: 'error',
    errorType: 'echo',
    error: `${line}\n${headers.join('\n')}\nform: ${form}\nbase64: ${JSON.stringify(base64)}\nretry at ${retry}`,
    request: { line, url: req.url, headers: req.headers, form, base64, retry }
  }
}
