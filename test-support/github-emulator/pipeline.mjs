// One request through the emulator: record -> route -> auth -> API version -> validate (params,
// query, body) -> rate limit -> injected fault -> handler -> response check -> reply.
import { STATUS_CODES } from 'node:http'
import { randomBytes } from 'node:crypto'
import { DOCS, HttpError, errorBody } from './http.mjs'
import { bodySchema, declaredBodyKeys, validateRequest, validateResponse } from './openapi-validator.mjs'
import { handlers } from './routes.mjs'
import { LOG_PATH } from './routes-actions.mjs'
import { rateLimited } from './routes-repos.mjs'
import { graphql } from './graphql.mjs'
import { DEFAULT_API_VERSION, getOperation, loadSpec, matchRoute } from './spec.mjs'

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** URLSearchParams -> object; a repeated key becomes an array. */
function queryObject(searchParams) {
  const out = {}
  for (const [k, v] of searchParams) out[k] = k in out ? [].concat(out[k], v) : v
  return out
}

function requestId() {
  const hex = (n) => randomBytes(n).toString('hex').toUpperCase()
  return `${hex(2)}:${hex(2)}:${hex(3)}:${hex(3)}:${hex(4)}`
}

function reply(gh, res, record, { status, body, headers = {} }, apiVersion, rl = gh.state.rateLimit) {
  record.status = status
  const out = {
    'content-type': 'application/json; charset=utf-8',
    'x-github-api-version-selected': apiVersion,
    'x-ratelimit-limit': String(rl.limit),
    'x-ratelimit-remaining': String(Math.max(rl.limit - rl.used, 0)),
    'x-ratelimit-reset': String(rl.reset),
    'x-ratelimit-used': String(rl.used),
    'x-ratelimit-resource': rl.resource,
    'x-github-request-id': requestId(),
    ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]))
  }
  const payload = body === null || body === undefined || status === 204 || status === 302 ? '' : typeof body === 'string' ? body : JSON.stringify(body)
  res.writeHead(status, out)
  res.end(payload)
}

function takeFault(gh, method, path, operationId, record) {
  const i = gh.faults.findIndex(
    (f) =>
      (!f.when || f.when(record)) &&
      (!f.method || f.method.toUpperCase() === method) &&
      (!f.operationId || f.operationId === operationId) &&
      (!f.path || (f.path instanceof RegExp ? f.path.test(path) : f.path === path))
  )
  if (i < 0) return null
  const fault = gh.faults[i]
  if (--fault.remaining <= 0) gh.faults.splice(i, 1)
  return fault
}

/**
 * The log storage behind the 302: a seeded string, a function giving an async iterable of
 * chunks (a log too large to build in memory), or { status } for an expired signed URL (410).
 */
async function serveLog(gh, res, record, pathname) {
  const id = Number(pathname.slice(LOG_PATH.length))
  const log = gh.state.jobLogs.get(id)
  record.operationId = 'emulator/job-log-download'
  if (log === undefined || (typeof log === 'object' && log.status)) {
    record.status = log?.status ?? 404
    res.writeHead(record.status, { 'content-type': 'application/xml' })
    return res.end(`<?xml version="1.0" encoding="utf-8"?><Error><Code>${record.status === 410 ? 'AuthenticationFailed' : 'BlobNotFound'}</Code></Error>`)
  }
  record.status = 200
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
  if (typeof log === 'string') return res.end(log)
  for await (const chunk of log()) {
    if (res.destroyed) break
    if (!res.write(chunk)) {
      await new Promise((resolve) => {
        const done = () => (res.off('drain', done), res.off('close', done), resolve())
        res.on('drain', done).on('close', done)
      })
    }
  }
  res.end()
}

/** Handles one HTTP request for the emulator `gh` (see index.mjs). */
export async function handleRequest(gh, req, res) {
  const url = new URL(req.url, gh.url)
  const method = req.method.toUpperCase()
  const path = url.pathname
  const raw = await readBody(req)
  const hasBody = raw.length > 0
  const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
  const isJson = /^application\/(.+\+)?json$/.test(contentType)
  let body = hasBody ? raw.toString('utf8') : null
  let parseError = false
  if (hasBody && (isJson || !contentType)) {
    try {
      body = JSON.parse(body)
    } catch {
      parseError = true
    }
  }
  const record = { method, path, query: queryObject(url.searchParams), body, status: 0, operationId: null, headers: req.headers }
  gh.requests.push(record)
  if (path.startsWith(LOG_PATH) && method === 'GET') return serveLog(gh, res, record, path)

  let apiVersion = DEFAULT_API_VERSION
  const violate = (reason) => gh.violations.push({ method, path, operationId: record.operationId ?? undefined, reason })
  const fail = (status, message, extra) => reply(gh, res, record, { status, body: errorBody(status, message, extra?.docs ?? DOCS) }, apiVersion)

  if (path === '/graphql' && method === 'POST') {
    record.operationId = 'graphql'
    if (!/^(token|bearer)\s+\S+/i.test(req.headers.authorization ?? '')) {
      violate('no Authorization header (token X or Bearer X); GitHub answers 401')
      return fail(401, 'This endpoint requires you to be authenticated.')
    }
    gh.state.rateLimit.used += 1
    return reply(gh, res, record, graphql(gh, body, violate), apiVersion)
  }
  const match = matchRoute(method.toLowerCase(), path)
  if (!match?.route) {
    violate(
      match?.pathExists
        ? `${method} is not an operation of ${path} in the OpenAPI description`
        : `no operation in the OpenAPI description matches ${method} ${path}`
    )
    return fail(404, 'Not Found')
  }
  const { route } = match
  record.operationId = route.operationId
  if (!/^(token|bearer)\s+\S+/i.test(req.headers.authorization ?? '')) {
    violate('no Authorization header (token X or Bearer X); GitHub answers 401')
    return fail(401, 'Requires authentication')
  }
  const askedVersion = req.headers['x-github-api-version']
  if (askedVersion !== undefined) {
    if (!loadSpec().apiVersions.has(askedVersion)) {
      violate(`X-GitHub-Api-Version ${askedVersion} is not a version of the API (${[...loadSpec().apiVersions].join(', ')})`)
      return fail(400, `API version ${askedVersion} is not supported.`)
    }
    apiVersion = askedVersion
  }
  const op = getOperation(route, apiVersion)
  const docUrl = op.externalDocs?.url ?? DOCS
  const accepted = Object.keys(op.requestBody?.content ?? {})
  if (hasBody && accepted.length && !accepted.some((t) => (t === 'application/json' ? isJson : t === contentType))) {
    violate(`request body sent with Content-Type ${contentType || '(none)'}; ${route.operationId} takes ${accepted.join(' or ')}`)
    return fail(415, 'Unsupported Media Type', { docs: docUrl })
  }
  if (parseError && bodySchema(op)) {
    violate('request body is not valid JSON')
    return fail(400, 'Problems parsing JSON', { docs: docUrl })
  }
  const params = { ...match.params }
  const query = structuredClone(record.query)
  const problems = validateRequest(route, op, { params, query, body, hasBody, apiVersion })
  for (const p of problems) violate(p.reason)
  const rejecting = problems.find((p) => p.status === 404) ?? problems.find((p) => p.status)
  if (rejecting) {
    const message = rejecting.status === 404 ? 'Not Found' : (rejecting.github ?? 'Validation Failed')
    return fail(rejecting.status, message, { docs: docUrl })
  }

  const s = gh.state
  const bucket = route.operationId.startsWith('search/') ? s.searchRateLimit : s.rateLimit
  const send = (result) => reply(gh, res, record, result, apiVersion, bucket)
  if (route.operationId !== 'rate-limit/get') {
    if (bucket.used >= bucket.limit) {
      const e = rateLimited(bucket)
      return send({ status: e.status, body: e.body, headers: e.headers })
    }
    bucket.used += 1
  }

  const fault = takeFault(gh, method, path, route.operationId, record)
  // A fault that loses the answer after the work was done (`afterWork`) lets the handler run first.
  const lose = async () => {
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs))
    if (fault?.hang) {
      record.status = 'hung'
      // Never answers; the client's deadline (or the emulator's close) ends the exchange.
      return new Promise((resolve) => res.on('close', resolve))
    }
    if (fault?.destroy) {
      record.status = 'destroyed'
      return req.socket.destroy()
    }
    if (fault?.status) {
      const faultBody = fault.body !== undefined ? fault.body : errorBody(fault.status, STATUS_CODES[fault.status] ?? 'Error', docUrl)
      return send({ status: fault.status, body: faultBody, headers: fault.headers })
    }
    return undefined
  }
  const faultAnswers = fault && (fault.hang || fault.destroy || fault.status)
  if (fault && !fault.afterWork) {
    if (faultAnswers) return lose()
    await lose()
  }

  const handler = gh.handlers[route.operationId] ?? handlers[route.operationId]
  if (!handler) {
    gh.unhandled.push({ method, path, operationId: route.operationId })
    return fail(501, `The GitHub emulator does not implement ${route.operationId} (${method} ${route.template})`, { docs: docUrl })
  }
  // A fork's activity is the one thing of another repository the emulator answers for.
  const forkActivity = route.operationId === 'repos/list-activities' && s.forks.has(`${params.owner}/${params.repo}`.toLowerCase())
  if (params.owner !== undefined && params.repo !== undefined && !s.isRepo(params.owner, params.repo) && !forkActivity) {
    return fail(404, 'Not Found', { docs: docUrl })
  }
  // Handlers see only declared body properties, as GitHub ignores the others.
  const keys = declaredBodyKeys(op)
  const known = hasBody && keys && body && typeof body === 'object' ? Object.fromEntries(Object.entries(body).filter(([k]) => keys.has(k))) : body
  const ctx = {
    state: s,
    params,
    query,
    body: hasBody ? known : {},
    headers: req.headers,
    apiVersion,
    docUrl,
    pathname: path,
    searchParams: url.searchParams,
    operationId: route.operationId
  }
  let result
  try {
    result = await handler(ctx)
  } catch (err) {
    if (!(err instanceof HttpError)) throw err
    result = { status: err.status, body: err.body, headers: err.headers }
  }
  if (fault?.afterWork && faultAnswers && result.status < 400) {
    record.workDone = true
    return lose()
  }
  // Records are live objects; the response is a snapshot.
  result = { ...result, body: result.body === undefined ? null : JSON.parse(JSON.stringify(result.body)) }
  if (gh.validateResponses) {
    const offSpec = validateResponse(route, op, result.status, result.body, apiVersion)
    if (offSpec.length) gh.responseErrors.push({ method, path, operationId: route.operationId, reason: offSpec.join('; ') })
  }
  return send(result)
}
