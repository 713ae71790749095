// A local GitHub REST API emulator for integration tests. Every request is checked against GitHub's
// OpenAPI description (npm @octokit/openapi); requests the real API would reject are recorded in
// gh.violations and answered as GitHub would (404, 401, 422, ...). See index.d.mts for the API.
import { createServer } from 'node:http'
import { handleRequest } from './pipeline.mjs'
import { createSeed } from './seed.mjs'
import { loadSpec } from './spec.mjs'
import { EmulatorState } from './state.mjs'

export { loadSpec } from './spec.mjs'
export { handlers } from './routes.mjs'
export { HttpError, errorBody } from './http.mjs'

/**
 * Starts an emulator on 127.0.0.1 (a free port unless `port` is given).
 * @param {import('./index.d.mts').EmulatorOptions} [options]
 * @returns {Promise<import('./index.d.mts').GitHubEmulator>}
 */
export async function startGitHubEmulator(options = {}) {
  loadSpec()
  const server = createServer()
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', resolve)
  })
  const url = `http://127.0.0.1:${server.address().port}`
  const state = new EmulatorState({
    owner: 'octo-org',
    repo: 'octo-repo',
    defaultBranch: 'main',
    ...options,
    apiUrl: url
  })
  const gh = {
    url,
    requests: [],
    violations: [],
    unhandled: [],
    responseErrors: [],
    faults: [],
    state,
    seed: createSeed(state),
    handlers: options.handlers ?? {},
    validateResponses: options.validateResponses ?? true,

    failNext(fault) {
      gh.faults.push({ ...fault, remaining: fault.times ?? 1 })
    },

    assertClean() {
      const lines = [
        ...gh.violations.map((v) => `violation: ${v.method} ${v.path}${v.operationId ? ` (${v.operationId})` : ''}: ${v.reason}`),
        ...gh.unhandled.map((u) => `not emulated (answered 501): ${u.method} ${u.path} (${u.operationId})`),
        ...gh.responseErrors.map((e) => `emulator response off-spec: ${e.method} ${e.path} (${e.operationId}): ${e.reason}`)
      ]
      if (lines.length) throw new Error(`GitHub emulator saw ${lines.length} problem(s):\n  ${lines.join('\n  ')}`)
    },

    async close() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(() => resolve()))
    }
  }
  server.on('request', (req, res) => {
    handleRequest(gh, req, res).catch((err) => {
      gh.responseErrors.push({ method: req.method, path: req.url, operationId: undefined, reason: `emulator crashed: ${err.stack}` })
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify({ message: `GitHub emulator error: ${err.message}` }))
    })
  })
  return gh
}
