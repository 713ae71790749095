// Small helpers shared by the handlers: GitHub-style error bodies, pagination with Link headers.

export const DOCS = 'https://docs.github.com/rest'

/** Thrown by handlers to answer with a GitHub error. */
export class HttpError extends Error {
  constructor(status, body, headers = {}) {
    super(body?.message ?? `HTTP ${status}`)
    this.status = status
    this.body = body
    this.headers = headers
  }
}

/** { message, documentation_url, status } as GitHub sends for errors. */
export function errorBody(status, message, documentationUrl = DOCS, extra = {}) {
  return { message, ...extra, documentation_url: documentationUrl, status: String(status) }
}

export function notFound(ctx) {
  return new HttpError(404, errorBody(404, 'Not Found', ctx?.docUrl))
}

/** 422 with an `errors` array, e.g. validationFailed(ctx, { resource: 'Issue', field: 'body', code: 'custom', message }) */
export function validationFailed(ctx, ...errors) {
  return new HttpError(422, errorBody(422, 'Validation Failed', ctx.docUrl, { errors }))
}

/** 422 with a plain message (GitHub's style for e.g. "No ref found for: x"). */
export function unprocessable(ctx, message) {
  return new HttpError(422, errorBody(422, message, ctx.docUrl))
}

/** GitHub's "too long" validation error for a string field, or null when it fits. */
export function tooLong(ctx, resource, field, value, max) {
  if (typeof value !== 'string' || value.length <= max) return null
  return validationFailed(ctx, { resource, code: 'custom', field, message: `${field} is too long (maximum is ${max} characters)` })
}

/**
 * Slices a list by per_page (default 30, max 100) and page, and builds GitHub's Link header
 * (prev, next, last, first) with absolute URLs that keep the other query parameters.
 */
export function paginate(ctx, items) {
  const perPage = Math.min(Number(ctx.query.per_page) || 30, 100)
  const page = Math.max(Number(ctx.query.page) || 1, 1)
  const last = Math.max(Math.ceil(items.length / perPage), 1)
  const body = items.slice((page - 1) * perPage, page * perPage)
  const href = (p) => {
    const u = new URL(ctx.pathname, ctx.state.apiUrl)
    for (const [k, v] of ctx.searchParams) if (k !== 'page' && k !== 'per_page') u.searchParams.append(k, v)
    u.searchParams.set('per_page', String(perPage))
    u.searchParams.set('page', String(p))
    return `<${u}>`
  }
  const links = []
  if (page > 1) links.push(`${href(Math.min(page - 1, last))}; rel="prev"`)
  if (page < last) links.push(`${href(page + 1)}; rel="next"`, `${href(last)}; rel="last"`)
  if (page > 1) links.push(`${href(1)}; rel="first"`)
  return { status: 200, body, headers: links.length ? { link: links.join(', ') } : {} }
}

export function ok(body, status = 200, headers = {}) {
  return { status, body, headers }
}
