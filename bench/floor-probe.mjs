// The floor: the least a health probe can do. GETs every URL on the command line at once with
// node:http, no dependency; exits 0 when every one answered 2xx, 1 at once on the first non-2xx
// answer, network error or timeout (10 s, the action's default health-timeout).
import http from 'node:http'
import https from 'node:https'

const urls = process.argv.slice(2)
if (urls.length === 0) {
  process.stderr.write('usage: node bench/floor-probe.mjs URL...\n')
  process.exit(2)
}

function fail(url, why) {
  process.stderr.write(`floor-probe: ${url}: ${why}\n`)
  process.exit(1)
}

let pending = urls.length
for (const url of urls) {
  const lib = url.startsWith('https:') ? https : http
  const req = lib.get(url, { agent: false, headers: { 'user-agent': 'floor-probe' } }, (res) => {
    if (res.statusCode < 200 || res.statusCode >= 300) return fail(url, `status ${res.statusCode}`)
    res.resume()
    res.on('end', () => {
      if (--pending === 0) process.exit(0)
    })
    res.on('error', (e) => fail(url, e.message))
  })
  req.setTimeout(10_000, () => req.destroy(new Error('timeout after 10000 ms')))
  req.on('error', (e) => fail(url, e.message))
}
