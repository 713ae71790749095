// A local server speaking Datadog's v1 metrics query API (GET /api/v1/query with from, to,
// query; keys in DD-API-KEY and DD-APPLICATION-KEY), answering the points the test sets.
import { createServer } from 'node:http'

export async function startDatadogApi({ apiKey, appKey }) {
  let points = []
  const requests = []
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x')
    requests.push({ path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers })
    res.setHeader('content-type', 'application/json')
    if (req.headers['dd-api-key'] !== apiKey || req.headers['dd-application-key'] !== appKey) {
      res.statusCode = 403
      return res.end(JSON.stringify({ errors: ['Forbidden'] }))
    }
    if (url.pathname !== '/api/v1/query' || !url.searchParams.get('query')) {
      res.statusCode = 400
      return res.end(JSON.stringify({ status: 'error', error: 'missing query' }))
    }
    const from = Number(url.searchParams.get('from'))
    const to = Number(url.searchParams.get('to'))
    const series = points.length
      ? [{ metric: url.searchParams.get('query'), pointlist: points.map((v, i) => [(from + ((to - from) * (i + 1)) / points.length) * 1000, v]) }]
      : []
    res.end(JSON.stringify({ status: 'ok', res_type: 'time_series', from_date: from * 1000, to_date: to * 1000, series }))
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    setPoints(p) {
      points = p
    },
    close: () => new Promise((r) => server.close(r))
  }
}
