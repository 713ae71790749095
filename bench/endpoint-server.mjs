// The endpoints under test, run as its own process so the bench's event loop never delays an
// answer or a timestamp. Serves:
//   GET /p/<i>          a health endpoint; answers after `delayMs` with 200, or with the status
//                       configured for that path (e.g. 503) from its `from`-th request on
//   GET /api/v1/query   a fake Prometheus answering an error ratio of 0.01 at once
//   /_control/...       setup (POST, resets the stats), stats (GET), now (GET)
// and records per path: arrival stamp of every request, requests in flight now and at peak, total
// requests, and the stamp of every answer sent (after res.end returns). Stamps come from
// ./clock.mjs (CLOCK_MONOTONIC ms, shared with the bench). Prints {"port":n} once listening and
// exits when its stdin closes (the bench ended, however it ended).
import { createServer } from 'node:http'
import { nowMs } from './clock.mjs'

let config = { delayMs: 200, fail: {} }
let stats = new Map()

function statOf(key) {
  let s = stats.get(key)
  if (!s) stats.set(key, (s = { total: 0, inFlight: 0, peakInFlight: 0, arrivals: [], sent: [] }))
  return s
}

function arrive(key, at, res) {
  const s = statOf(key)
  s.total++
  s.arrivals.push(at)
  s.inFlight++
  s.peakInFlight = Math.max(s.peakInFlight, s.inFlight)
  // 'close' follows the end of the answer, or the client hanging up before it.
  res.once('close', () => s.inFlight--)
  return s
}

function json(res, status, body) {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let text = ''
    req.setEncoding('utf8')
    req.on('data', (c) => (text += c))
    req.on('end', () => resolve(text ? JSON.parse(text) : {}))
    req.on('error', reject)
  })
}

async function control(req, res, path) {
  if (path === '/_control/now') return json(res, 200, { now: nowMs() })
  if (path === '/_control/setup' && req.method === 'POST') {
    const body = await readBody(req)
    config = { delayMs: body.delayMs ?? 200, fail: body.fail ?? {} }
    stats = new Map()
    return json(res, 200, { ok: true })
  }
  if (path === '/_control/stats') return json(res, 200, { now: nowMs(), paths: Object.fromEntries(stats) })
  json(res, 404, { error: `no control ${path}` })
}

const server = createServer((req, res) => {
  const at = nowMs()
  const path = req.url.split('?')[0]
  if (path.startsWith('/_control/')) {
    control(req, res, path).catch((e) => json(res, 500, { error: String(e) }))
    return
  }
  if (path === '/api/v1/query') {
    const s = arrive('prometheus', at, res)
    json(res, 200, { status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [Date.now() / 1000, '0.01'] }] } })
    s.sent.push({ status: 200, at: nowMs() })
    return
  }
  const m = /^\/p\/(\d+)$/.exec(path)
  if (!m) return json(res, 404, { error: 'not found' })
  const s = arrive(m[1], at, res)
  const rule = config.fail[m[1]]
  const status = rule && s.total > (rule.from ?? 0) ? rule.status : 200
  const timer = setTimeout(() => {
    const body = status === 200 ? 'ok\n' : 'unavailable\n'
    res.writeHead(status, { 'content-type': 'text/plain', 'content-length': body.length })
    res.end(body)
    s.sent.push({ status, at: nowMs() })
  }, config.delayMs)
  res.once('close', () => clearTimeout(timer))
})
server.keepAliveTimeout = 60_000
server.headersTimeout = 65_000
server.requestTimeout = 0
server.listen({ host: '127.0.0.1', port: 0, backlog: 4096 }, () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n')
})
process.stdin.on('end', () => process.exit(0))
process.stdin.on('error', () => process.exit(0))
process.stdin.resume()
