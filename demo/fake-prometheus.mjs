// A stand-in for Prometheus's query API: /api/v1/query answers the error ratio of the demo
// service, which climbs once the bad release is live.
import { createServer } from 'node:http'

export async function startFakePrometheus(errorRatio) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x')
    res.setHeader('content-type', 'application/json')
    if (url.pathname !== '/api/v1/query') {
      res.statusCode = 404
      return res.end(JSON.stringify({ status: 'error', errorType: 'not_found', error: 'unknown path' }))
    }
    const now = Date.now() / 1000
    res.end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [now, String(errorRatio())] }] } }))
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) }
}
