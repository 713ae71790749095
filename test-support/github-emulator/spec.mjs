// Loads GitHub's OpenAPI description (npm @octokit/openapi) once per process, indexes its routes and
// resolves operations, applying the spec's own `x-github-breaking-changes` patches for newer
// X-GitHub-Api-Version values.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

/** The description file; the plain (non-dereferenced) one parses in ~0.3 s, the .deref.json in ~2 s. */
export const SPEC_FILE = require.resolve('@octokit/openapi/generated/api.github.com.json')
/** A slim copy (no descriptions, examples, webhooks; ~3 MB, parses in ~20 ms) is cached here. */
const CACHE_DIR = join(dirname(require.resolve('@octokit/openapi/package.json')), '..', '..', '.cache', 'github-emulator')
/** The version GitHub assumes when a request sends no X-GitHub-Api-Version header. */
export const DEFAULT_API_VERSION = '2022-11-28'

const METHODS = ['get', 'post', 'put', 'patch', 'delete']
let cached = null

/** The parsed and indexed spec: { doc, routes, apiVersions, loadMs }. Cached in module scope. */
export function loadSpec() {
  if (cached) return cached
  const started = performance.now()
  const doc = readSlimSpec()
  const routes = []
  const apiVersions = new Set([DEFAULT_API_VERSION])
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method]
      if (!op) continue
      for (const change of op['x-github-breaking-changes'] ?? []) apiVersions.add(change.version)
      const multi = new Set()
      for (const p of op.parameters ?? []) {
        const param = resolveRef(doc, p)
        if (param.in === 'path' && param['x-multi-segment']) multi.add(param.name)
      }
      routes.push({ template, method, segments: compileSegments(template, multi), operationId: op.operationId })
    }
  }
  for (const schema of Object.values(doc.components.schemas)) {
    for (const change of schema['x-github-breaking-changes'] ?? []) apiVersions.add(change.version)
  }
  cached = { doc, routes, apiVersions, loadMs: performance.now() - started, operations: new Map() }
  return cached
}

const NOISE = new Set(['description', 'summary', 'example', 'examples', 'x-github', 'x-octokit', 'tags'])

/** Drops documentation-only keys (but not property names that happen to be called so). */
function slim(node, isPropertyMap = false) {
  if (Array.isArray(node)) return node.map((v) => slim(v))
  if (!node || typeof node !== 'object') return node
  const out = {}
  for (const [k, v] of Object.entries(node)) {
    if (!isPropertyMap && NOISE.has(k)) continue
    out[k] = slim(v, !isPropertyMap && (k === 'properties' || k === 'patternProperties'))
  }
  return out
}

function readSlimSpec() {
  const { size, mtimeMs } = statSync(SPEC_FILE)
  const { version } = require('@octokit/openapi/package.json')
  const cacheFile = join(CACHE_DIR, `api.github.com-${version}-${size}-${Math.round(mtimeMs)}.json`)
  try {
    return JSON.parse(readFileSync(cacheFile, 'utf8'))
  } catch {
    // first run: build the slim copy
  }
  const full = JSON.parse(readFileSync(SPEC_FILE, 'utf8'))
  const { schemas, parameters, responses } = full.components
  const doc = { openapi: full.openapi, paths: slim(full.paths), components: slim({ schemas, parameters, responses }) }
  try {
    mkdirSync(CACHE_DIR, { recursive: true })
    const tmp = `${cacheFile}.${process.pid}.tmp`
    writeFileSync(tmp, JSON.stringify(doc))
    renameSync(tmp, cacheFile)
  } catch {
    // read-only node_modules: keep the in-memory copy only
  }
  return doc
}

function compileSegments(template, multi) {
  return template
    .split('/')
    .slice(1)
    .map((seg) => {
      const whole = seg.match(/^\{([^}]+)\}$/)
      if (whole) return { kind: 'param', name: whole[1], multi: multi.has(whole[1]), score: 1 }
      if (!seg.includes('{')) return { kind: 'literal', value: seg, score: 2 }
      // Mixed segments such as `{base}...{head}`: a regular expression with named groups.
      const names = []
      const source = seg.replace(/\{([^}]+)\}|[^{]+/g, (m, name) => {
        if (name) {
          names.push(name)
          return '(.+?)'
        }
        return m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      })
      return { kind: 'mixed', regex: new RegExp(`^${source}$`), names, score: 0.5 }
    })
}

/**
 * Finds the operation for a request. Returns { route, params } or, when the path exists only for
 * other methods, { pathExists: true }; null when nothing matches. Literal segments win over templated
 * ones (so /releases/latest is not /releases/{release_id}).
 */
export function matchRoute(method, pathname) {
  const { routes } = loadSpec()
  const raw = pathname.split('/').slice(1)
  let segs
  try {
    segs = raw.map((s) => decodeURIComponent(s))
  } catch {
    return null
  }
  let best = null
  let pathExists = false
  const wanted = method === 'head' ? 'get' : method
  for (const route of routes) {
    const m = matchSegments(route.segments, segs)
    if (!m) continue
    if (route.method !== wanted) {
      pathExists = true
      continue
    }
    if (!best || compareScores(m.scores, best.scores) > 0) best = { route, params: m.params, scores: m.scores }
  }
  if (best) return { route: best.route, params: best.params }
  return pathExists ? { pathExists: true } : null
}

function compareScores(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i]
  return a.length - b.length
}

function matchSegments(tpl, segs) {
  const multiAt = tpl.findIndex((s) => s.multi)
  if (multiAt < 0 && tpl.length !== segs.length) return null
  if (multiAt >= 0 && segs.length < tpl.length) return null
  const params = {}
  const scores = []
  let j = 0
  for (let i = 0; i < tpl.length; i++) {
    const t = tpl[i]
    if (i === multiAt) {
      const take = segs.length - tpl.length + 1
      const value = segs.slice(j, j + take).join('/')
      if (!value) return null
      params[t.name] = value
      j += take
    } else {
      const s = segs[j++]
      if (s === undefined || s === '') return null
      if (t.kind === 'literal' && t.value !== s) return null
      if (t.kind === 'param') params[t.name] = s
      if (t.kind === 'mixed') {
        const m = s.match(t.regex)
        if (!m) return null
        t.names.forEach((n, k) => (params[n] = m[k + 1]))
      }
    }
    scores.push(t.score)
  }
  return { params, scores }
}

/** Follows a local `$ref` (e.g. #/components/parameters/owner); other values are returned as is. */
export function resolveRef(doc, node) {
  let cur = node
  for (let hops = 0; cur && typeof cur.$ref === 'string' && hops < 20; hops++) {
    cur = cur.$ref
      .slice(2)
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((acc, key) => acc?.[key], doc)
  }
  return cur
}

/**
 * The operation object for a route as seen with an API version: parameters resolved and the spec's
 * breaking-change patches (JSON Patch arrays or JSON Merge Patch objects) applied. Cached.
 */
export function getOperation(route, apiVersion = DEFAULT_API_VERSION) {
  const spec = loadSpec()
  const key = `${route.method} ${route.template} ${apiVersion}`
  let op = spec.operations.get(key)
  if (op) return op
  op = withBreakingChanges(spec.doc.paths[route.template][route.method], apiVersion)
  op = { ...op, parameters: (op.parameters ?? []).map((p) => resolveRef(spec.doc, p)) }
  if (op.requestBody) op.requestBody = resolveRef(spec.doc, op.requestBody)
  spec.operations.set(key, op)
  return op
}

/** Applies `x-github-breaking-changes` whose version is <= apiVersion to a copy of node. */
export function withBreakingChanges(node, apiVersion) {
  const changes = (node['x-github-breaking-changes'] ?? []).filter((c) => c.version <= apiVersion)
  if (!changes.length) return node
  let out = structuredClone(node)
  for (const change of changes) {
    out = Array.isArray(change.patch) ? applyJsonPatch(out, change.patch) : mergePatch(out, change.patch)
  }
  return out
}

function mergePatch(target, patch) {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return patch
  const out = target && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else out[k] = mergePatch(out[k], v)
  }
  return out
}

function applyJsonPatch(doc, ops) {
  for (const { op, path, value } of ops) {
    const keys = path
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    const last = keys.pop()
    const parent = keys.reduce((acc, k) => acc?.[k], doc)
    if (!parent || typeof parent !== 'object') continue
    if (op === 'remove') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1)
      else delete parent[last]
    } else if (op === 'add' && Array.isArray(parent)) {
      parent.splice(last === '-' ? parent.length : Number(last), 0, value)
    } else if (op === 'add' || op === 'replace') {
      parent[last] = value
    }
  }
  return doc
}
