// Validates requests (path/query params, JSON bodies) and the emulator's own responses against the
// OpenAPI description with ajv. OpenAPI 3.0 schemas are converted to JSON Schema (nullable, x-*,
// example keys); component schemas are registered with ajv under their own $id on first use, and
// validators are compiled lazily per operation and cached per API version.
import AjvModule from 'ajv'
import addFormatsModule from 'ajv-formats'
import { DEFAULT_API_VERSION, loadSpec, resolveRef, withBreakingChanges } from './spec.mjs'

const Ajv = AjvModule.default ?? AjvModule
const addFormats = addFormatsModule.default ?? addFormatsModule

const ID_PREFIX = 'https://github-emulator.invalid/schemas/'
const SCHEMA_KEYWORDS = new Set(['items', 'additionalProperties', 'not'])
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf'])
const DROPPED = new Set(['example', 'examples', 'nullable', 'discriminator', 'readOnly', 'writeOnly', 'xml', 'externalDocs'])
// Formats the spec uses that ajv-formats does not define; annotations only.
const EXTRA_FORMATS = ['int32', 'int64', 'double', 'float', 'binary', 'repo.nwo', 'byte', 'password']

const contexts = new Map()

function newAjv(coerceTypes, forResponses = false) {
  const ajv = new Ajv({
    strict: false,
    logger: false,
    validateSchema: false,
    unicodeRegExp: false,
    coerceTypes,
    // Requests: every problem, with the offending data. Responses: first problem only, which keeps
    // the generated code small (full-repository alone is hundreds of kB with allErrors).
    allErrors: !forResponses,
    verbose: !forResponses,
    inlineRefs: !forResponses,
    validateFormats: !forResponses
  })
  addFormats(ajv)
  for (const f of EXTRA_FORMATS) ajv.addFormat(f, true)
  return { ajv, registered: new Set() }
}

/**
 * Per API version: one ajv for request bodies, one that coerces query/path strings, and one for
 * responses that ignores formats (GitHub itself sends "" for many `format: uri` fields).
 */
function context(apiVersion) {
  let ctx = contexts.get(apiVersion)
  if (!ctx) {
    ctx = { apiVersion, strict: newAjv(false), coercing: newAjv('array'), responses: newAjv(false, true), cache: new Map() }
    contexts.set(apiVersion, ctx)
  }
  return ctx
}

/** OpenAPI 3.0 schema -> JSON Schema draft-07; component $refs become ids registered on demand. */
export function toJsonSchema(node, refs) {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return node
  if (typeof node.$ref === 'string') {
    const name = node.$ref.replace('#/components/schemas/', '')
    refs.add(name)
    const ref = { $ref: ID_PREFIX + name }
    return node.nullable === true ? { anyOf: [{ type: 'null' }, ref] } : ref
  }
  const out = {}
  for (const [k, v] of Object.entries(node)) {
    if (DROPPED.has(k) || k.startsWith('x-')) continue
    if (k === 'properties' || k === 'patternProperties') {
      out[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, toJsonSchema(s, refs)]))
    } else if (SCHEMA_LISTS.has(k)) out[k] = v.map((s) => toJsonSchema(s, refs))
    else if (SCHEMA_KEYWORDS.has(k) && v && typeof v === 'object') out[k] = toJsonSchema(v, refs)
    else out[k] = v
  }
  if (node.nullable === true) {
    if (out.allOf || out.anyOf || out.oneOf) return { anyOf: [{ type: 'null' }, out] }
    if (!out.type) return out
    out.type = [].concat(out.type, 'null')
    if (out.enum && !out.enum.includes(null)) out.enum = [...out.enum, null]
  }
  return out
}

function register(side, refs, apiVersion) {
  const { doc } = loadSpec()
  const pending = [...refs]
  while (pending.length) {
    const name = pending.pop()
    if (side.registered.has(name)) continue
    side.registered.add(name)
    const raw = doc.components.schemas[name]
    if (!raw) throw new Error(`spec has no component schema ${name}`)
    const more = new Set()
    const schema = toJsonSchema(withBreakingChanges(raw, apiVersion), more)
    side.ajv.addSchema({ ...schema, $id: ID_PREFIX + name })
    pending.push(...more)
  }
}

function compile(ctx, side, key, build) {
  if (ctx.cache.has(key)) return ctx.cache.get(key)
  const refs = new Set()
  const schema = build(refs)
  let fn = null
  if (schema) {
    register(side, refs, ctx.apiVersion)
    fn = side.ajv.compile(schema)
  }
  ctx.cache.set(key, fn)
  return fn
}

function paramsSchema(op, location, refs) {
  const params = op.parameters.filter((p) => p.in === location)
  const properties = {}
  for (const p of params) properties[p.name] = toJsonSchema(resolveRef(loadSpec().doc, p.schema ?? {}), refs)
  return { type: 'object', properties, required: params.filter((p) => p.required).map((p) => p.name) }
}

/** The requestBody application/json schema of an operation, or undefined. */
export function bodySchema(op) {
  return op.requestBody?.content?.['application/json']?.schema
}

/**
 * The top-level property names a JSON body may have, or null when any are allowed (no object
 * schema with `properties`, a oneOf/anyOf/allOf, or `additionalProperties` allowed explicitly).
 */
export function declaredBodyKeys(op) {
  if (!bodyKeys.has(op)) {
    const schema = resolveRef(loadSpec().doc, bodySchema(op))
    const open = !schema?.properties || schema.oneOf || schema.anyOf || schema.allOf || schema.additionalProperties
    bodyKeys.set(op, open ? null : new Set(Object.keys(schema.properties)))
  }
  return bodyKeys.get(op)
}
const bodyKeys = new WeakMap()

/**
 * Validates one request. `params` and `query` are coerced in place (e.g. "42" -> 42).
 * Returns a list of problems { where: 'path'|'query'|'body', status, reason, github } (empty when valid).
 */
export function validateRequest(route, op, { params, query, body, hasBody, apiVersion = DEFAULT_API_VERSION }) {
  const ctx = context(apiVersion)
  const id = `${route.method} ${route.template}`
  const problems = []
  const pathFn = compile(ctx, ctx.coercing, `${id} path`, (refs) => paramsSchema(op, 'path', refs))
  if (!pathFn(params)) {
    for (const e of pathFn.errors) {
      problems.push({ where: 'path', status: 404, reason: `path parameter ${describe(e, 'path')}`, github: 'Not Found' })
    }
  }
  const declared = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name))
  for (const [name, value] of Object.entries(query)) {
    if (declared.has(name)) {
      const schema = op.parameters.find((p) => p.in === 'query' && p.name === name).schema ?? {}
      if (Array.isArray(value) && schema.type !== 'array') query[name] = value[value.length - 1]
      continue
    }
    problems.push({ where: 'query', status: null, reason: `query parameter "${name}" is not declared for ${op.operationId} (GitHub ignores it)` })
    delete query[name]
  }
  const queryFn = compile(ctx, ctx.coercing, `${id} query`, (refs) => paramsSchema(op, 'query', refs))
  if (!queryFn(query)) {
    for (const e of queryFn.errors) {
      problems.push({ where: 'query', status: 422, reason: `query parameter ${describe(e, 'query')}`, github: githubMessage(e) })
    }
  }
  const schema = bodySchema(op)
  if (hasBody && !op.requestBody) {
    problems.push({ where: 'body', status: null, reason: `${op.operationId} takes no request body, but one was sent` })
  } else if (schema) {
    const bodyFn = compile(ctx, ctx.strict, `${id} body`, (refs) => toJsonSchema(resolveRef(loadSpec().doc, schema), refs))
    const data = hasBody ? body : {}
    const keys = declaredBodyKeys(op)
    for (const key of keys && data && typeof data === 'object' ? Object.keys(data) : []) {
      if (!keys.has(key))
        problems.push({ where: 'body', status: null, reason: `body property "${key}" is not declared for ${op.operationId} (GitHub ignores it)` })
    }
    if (!bodyFn(data)) {
      const errors = relevantErrors(bodyFn.errors)
      problems.push({
        where: 'body',
        status: 422,
        reason: `request body: ${errors.map((e) => describe(e, 'body')).join('; ')}`,
        github: `Invalid request.\n\n${errors.map(githubMessage).join('\n')}`
      })
    }
  }
  return problems
}

/**
 * Checks a response the emulator produced against the spec. Returns a list of problem strings.
 * Error statuses the spec does not list are accepted (GitHub answers 404 and 403 everywhere).
 */
export function validateResponse(route, op, status, body, apiVersion = DEFAULT_API_VERSION) {
  const ctx = context(apiVersion)
  const declared = op.responses?.[String(status)]
  if (!declared) return status < 300 ? [`status ${status} is not declared for ${op.operationId}`] : []
  const response = resolveRef(loadSpec().doc, declared)
  const schema = response.content?.['application/json']?.schema
  if (!schema || status === 204) return []
  const fn = compile(ctx, ctx.responses, `${route.method} ${route.template} response ${status}`, (refs) =>
    toJsonSchema(resolveRef(loadSpec().doc, schema), refs)
  )
  if (fn(body)) return []
  // Response validators are not verbose: look the offending value up for the message.
  const errors = fn.errors.map((e) => ({ ...e, data: valueAt(body, e.instancePath) }))
  return errors.filter((e) => !KNOWN_SPEC_GAPS.some((gap) => gap(e))).map((e) => `${status} response ${describe(e, 'body')}`)
}

function valueAt(data, pointer) {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, key) => acc?.[key], data)
}

/**
 * Places where GitHub's real responses carry null although the spec says string; the emulator
 * answers like GitHub does, so these response-check errors are dropped.
 */
const KNOWN_SPEC_GAPS = [
  (e) => e.data === null && /\/labels\/\d+\/description$/.test(e.instancePath),
  (e) => e.data === null && /^\/items\/\d+\/body$/.test(e.instancePath)
]

/** Drops the per-branch noise ajv reports under a failed oneOf/anyOf, keeping the summary error. */
function relevantErrors(errors) {
  const combos = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')
  const kept = errors.filter((e) => !combos.some((c) => c !== e && e.schemaPath.startsWith(c.schemaPath.replace(/\/(oneOf|anyOf)$/, '/$1/'))))
  return kept.slice(0, 10)
}

function pointerLabel(e, root) {
  return e.instancePath.split('/').slice(1).join('.') || root
}

function describe(e, root) {
  const where = pointerLabel(e, root)
  if (e.keyword === 'required') {
    return `${where === root ? '' : where + '.'}${e.params.missingProperty} is required`
  }
  if (e.keyword === 'additionalProperties') {
    return `${where === root ? '' : where + '.'}${e.params.additionalProperty} is not a permitted key`
  }
  if (e.keyword === 'enum') return `${where} ${JSON.stringify(e.data)} must be one of ${JSON.stringify(e.params.allowedValues)}`
  return `${where} ${JSON.stringify(e.data)?.slice(0, 80)} ${e.message}`
}

/** GitHub's wording for schema failures, e.g. `"ref" wasn't supplied.` */
function githubMessage(e) {
  if (e.keyword === 'required') return `"${e.params.missingProperty}" wasn't supplied.`
  if (e.keyword === 'additionalProperties') return `"${e.params.additionalProperty}" is not a permitted key.`
  const at = `For 'properties/${e.instancePath.split('/').slice(1).join('/')}',`
  const value = JSON.stringify(e.data)
  if (e.keyword === 'type') return `${at} ${value} is not ${/^[aeiou]/.test(e.params.type) ? 'an' : 'a'} ${e.params.type}.`
  if (e.keyword === 'enum') return `${at} ${value} is not a member of ${JSON.stringify(e.params.allowedValues)}.`
  if (e.keyword === 'oneOf' || e.keyword === 'anyOf') return `${at} ${value} is not a valid value.`
  return `${at} ${value} ${e.message}.`
}
