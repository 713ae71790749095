// The Octokit client against a real local server that accepts connections and never answers.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createClient } from '../../src/github/client.js'
import type { Log } from '../../src/runner/log.js'

const silent: Log = { info() {}, debug() {}, notice() {}, warning() {}, error() {}, group: (_n, fn) => fn() }

let server: Server
beforeAll(async () => {
  server = createServer(() => {})
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((r) => server.close(r))
})

it('gives up on a GitHub that never answers instead of hanging', async () => {
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const gh = await createClient('ghs_x', url, silent, { timeoutMs: 300 })
  const started = Date.now()
  await expect(gh.rest.repos.get({ owner: 'o', repo: 'r', request: { retries: 0 } })).rejects.toThrow('GitHub did not answer within 300 ms')
  expect(Date.now() - started).toBeLessThan(5000)
})
