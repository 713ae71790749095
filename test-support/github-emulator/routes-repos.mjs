// The repository, commits and comparisons, releases, tags and the rate limit.
import { HttpError, errorBody, notFound, ok, paginate, unprocessable } from './http.mjs'
import { createHash } from 'node:crypto'
import { commitShape, fileShape, fullRepoShape, nodeId } from './shapes.mjs'

/** `owner:branch` and `owner:repo:branch` forms name a ref in this repository (no forks emulated). */
const stripOwner = (ref) => ref.split(':').pop()

function compare(ctx, base, head) {
  const s = ctx.state
  const baseSha = s.resolveRef(stripOwner(base))
  const headSha = s.resolveRef(stripOwner(head))
  if (!baseSha || !headSha) throw notFound(ctx)
  const baseAnc = s.ancestors(baseSha)
  const headAnc = s.ancestors(headSha)
  const mergeBase = [...headAnc.values()].find((c) => baseAnc.has(c.sha))
  if (!mergeBase) throw new HttpError(404, errorBody(404, `No common ancestor between ${base} and ${head}.`, ctx.docUrl))
  // `git log base..head`, in chronological order.
  const ahead = [...headAnc.values()].filter((c) => !baseAnc.has(c.sha)).reverse()
  const behindBy = [...baseAnc.keys()].filter((sha) => !headAnc.has(sha)).length
  const status = !ahead.length && !behindBy ? 'identical' : !behindBy ? 'ahead' : !ahead.length ? 'behind' : 'diverged'
  const paged = ctx.query.page !== undefined || ctx.query.per_page !== undefined
  const page = paged ? paginate(ctx, ahead) : { body: ahead.slice(0, 250), headers: {} }
  const files = new Map()
  for (const c of ahead) for (const f of c.files ?? []) files.set(f.filename, fileShape(s, c.sha, f))
  const short = (sha) => `${s.owner}:${sha.slice(0, 7)}`
  return ok(
    {
      url: `${s.repoApi}/compare/${base}...${head}`,
      html_url: `${s.repoHtml}/compare/${base}...${head}`,
      permalink_url: `${s.repoHtml}/compare/${short(baseSha)}...${short(headSha)}`,
      diff_url: `${s.repoHtml}/compare/${base}...${head}.diff`,
      patch_url: `${s.repoHtml}/compare/${base}...${head}.patch`,
      base_commit: commitShape(s, s.commit(baseSha)),
      merge_base_commit: commitShape(s, mergeBase),
      status,
      ahead_by: ahead.length,
      behind_by: behindBy,
      total_commits: ahead.length,
      commits: page.body.map((c) => commitShape(s, c)),
      files: !paged || Number(ctx.query.page ?? 1) === 1 ? [...files.values()].slice(0, 300) : []
    },
    200,
    page.headers
  )
}

function rate(s, limit, used = 0, reset = s.rateLimit.reset) {
  return { limit, used, remaining: Math.max(limit - used, 0), reset }
}

export const repoHandlers = {
  'repos/get'(ctx) {
    return ok(fullRepoShape(ctx.state))
  },

  'repos/compare-commits-with-basehead'(ctx) {
    const parts = ctx.params.basehead.split('...')
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw notFound(ctx)
    return compare(ctx, parts[0], parts[1])
  },

  'repos/compare-commits'(ctx) {
    return compare(ctx, ctx.params.base, ctx.params.head)
  },

  'repos/get-commit'(ctx) {
    const s = ctx.state
    const sha = s.resolveRef(ctx.params.ref)
    if (!sha) throw unprocessable(ctx, `No commit found for SHA: ${ctx.params.ref}`)
    const c = s.commit(sha)
    const files = (c.files ?? []).map((f) => fileShape(s, sha, f))
    const additions = files.reduce((n, f) => n + f.additions, 0)
    const deletions = files.reduce((n, f) => n + f.deletions, 0)
    return ok({ ...commitShape(s, c), stats: { total: additions + deletions, additions, deletions }, files })
  },

  'repos/list-releases'(ctx) {
    return paginate(ctx, ctx.state.newestFirst(ctx.state.releases))
  },

  'repos/get-latest-release'(ctx) {
    const latest = ctx.state.newestFirst(ctx.state.releases).find((r) => !r.draft && !r.prerelease)
    if (!latest) throw notFound(ctx)
    return ok(latest)
  },

  'repos/get-release-by-tag'(ctx) {
    const release = ctx.state.releases.find((r) => r.tag_name === ctx.params.tag && !r.draft)
    if (!release) throw notFound(ctx)
    return ok(release)
  },

  'repos/get-release'(ctx) {
    const release = ctx.state.releases.find((r) => r.id === ctx.params.release_id)
    if (!release) throw notFound(ctx)
    return ok(release)
  },

  'repos/list-tags'(ctx) {
    const s = ctx.state
    // The API lists tags by name, descending (plain string order: v1.10.0 sorts before v1.9.0).
    const names = [...s.tags.keys()].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))
    const tags = names.map((name) => ({
      name,
      zipball_url: `${s.repoApi}/zipball/refs/tags/${name}`,
      tarball_url: `${s.repoApi}/tarball/refs/tags/${name}`,
      commit: { sha: s.tags.get(name), url: `${s.repoApi}/commits/${s.tags.get(name)}` },
      node_id: nodeId('REF', `refs/tags/${name}`)
    }))
    return paginate(ctx, tags)
  },

  'repos/get-content'(ctx) {
    const s = ctx.state
    const ref = ctx.query.ref ?? s.defaultBranch
    const sha = s.resolveRef(ref)
    if (!sha) throw new HttpError(404, errorBody(404, `No commit found for the ref ${ref}`, ctx.docUrl))
    const path = String(ctx.params.path).replace(/^\/+|\/+$/g, '')
    const text = s.fileAt(path, ref) ?? s.fileAt(path, sha)
    if (text === null) throw notFound(ctx)
    const bytes = Buffer.from(text, 'utf8')
    const blob = createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
    const self = `${s.repoApi}/contents/${path}?ref=${encodeURIComponent(ref)}`
    const html = `${s.repoHtml}/blob/${ref}/${path}`
    const git = `${s.repoApi}/git/blobs/${blob}`
    return ok({
      type: 'file',
      encoding: 'base64',
      size: bytes.length,
      name: path.split('/').pop(),
      path,
      // GitHub wraps base64 content at 60 characters.
      content: bytes.toString('base64').replace(/(.{60})/g, '$1\n'),
      sha: blob,
      url: self,
      git_url: git,
      html_url: html,
      download_url: `https://raw.githubusercontent.com/${s.owner}/${s.repo}/${sha}/${path}`,
      _links: { self, git, html }
    })
  },

  'rate-limit/get'(ctx) {
    const s = ctx.state
    const core = rate(s, s.rateLimit.limit, s.rateLimit.used)
    const resources = {
      core,
      search: rate(s, s.searchRateLimit.limit, s.searchRateLimit.used, s.searchRateLimit.reset),
      graphql: rate(s, 5000),
      integration_manifest: rate(s, 5000),
      source_import: rate(s, 100),
      code_scanning_upload: rate(s, 1000),
      actions_runner_registration: rate(s, 10000),
      scim: rate(s, 15000),
      dependency_snapshots: rate(s, 100),
      code_search: rate(s, 10)
    }
    return ok(ctx.apiVersion >= '2026-03-10' ? { resources } : { resources, rate: core })
  }
}

/** The answer once a primary rate limit bucket is used up (raise gh.state.rateLimit.used to test it). */
export function rateLimited(bucket) {
  const message = 'API rate limit exceeded for installation ID 1. If you reach out to GitHub Support for help, please include the request ID.'
  return new HttpError(403, errorBody(403, message, 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api'), {
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': String(bucket.reset)
  })
}
