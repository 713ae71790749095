// A real forward proxy (the `proxy` package: plain requests and CONNECT tunnels) on 127.0.0.1:0
// that records what passed through it. `hosts` are names only the proxy can resolve (to
// 127.0.0.1), so a target named that way is reachable through the proxy and nowhere else.
import { createServer } from 'node:http'
import { createProxy } from 'proxy'
import { addFakeHosts, removeFakeHosts } from './fake-hosts.mjs'

/**
 * @param {{ hosts?: string[], user?: string, password?: string }} [o] with user and password,
 *   requests without the matching Proxy-Authorization get 407
 */
export async function startForwardProxy({ hosts = [], user, password } = {}) {
  const requests = []
  const server = createProxy(createServer())
  const expected = user === undefined ? undefined : `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
  // The package's own listeners run after this one, so every request is seen before it is served.
  const record = (req) => requests.push({ method: req.method, url: req.url, proxyAuthorization: req.headers['proxy-authorization'] })
  server.prependListener('request', record)
  server.prependListener('connect', record)
  if (expected) server.authenticate = (req) => req.headers['proxy-authorization'] === expected
  const sockets = new Set()
  let connections = 0
  server.on('connection', (s) => {
    connections++
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  addFakeHosts(hosts)
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    get connections() {
      return connections
    },
    close: () =>
      new Promise((resolve) => {
        removeFakeHosts(hosts)
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}
