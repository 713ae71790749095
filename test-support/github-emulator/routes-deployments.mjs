// Deployments, deployment statuses and commit statuses.
import { HttpError, errorBody, notFound, ok, paginate, tooLong, unprocessable } from './http.mjs'
import { newCommitStatus, newDeployment, newDeploymentStatus } from './records.mjs'

/** The branch a ref names (main, refs/heads/main, heads/main), or null. */
function branchOf(s, ref) {
  const name = ref.replace(/^(refs\/)?heads\//, '')
  return s.branches.has(name) && !/^[0-9a-f]{40}$/i.test(ref) && !ref.startsWith('refs/tags/') ? name : null
}

/** Latest commit status per context (lower-cased) for a SHA. */
export function latestStatuses(s, sha) {
  const latest = new Map()
  for (const { sha: at, status } of s.commitStatuses) if (at === sha) latest.set(status.context.toLowerCase(), status)
  return latest
}

function deploymentOr404(ctx) {
  const dep = ctx.state.findDeployment(ctx.params.deployment_id)
  if (!dep) throw notFound(ctx)
  return dep
}

export const deploymentHandlers = {
  'repos/list-deployments'(ctx) {
    const { sha, ref, task, environment } = ctx.query
    const list = ctx.state.deployments.filter(
      (d) =>
        (sha === undefined || d.sha === sha) &&
        (ref === undefined || d.ref === ref) &&
        (task === undefined || d.task === task) &&
        (environment === undefined || environment === null || d.environment === environment)
    )
    return paginate(ctx, ctx.state.newestFirst(list))
  },

  'repos/create-deployment'(ctx) {
    const s = ctx.state
    const body = ctx.body
    const sha = s.resolveRef(body.ref)
    if (!sha) throw unprocessable(ctx, `No ref found for: ${body.ref}`)
    const branch = branchOf(s, body.ref)
    if (body.auto_merge !== false && branch && branch !== s.defaultBranch) {
      // GitHub merges the default branch into a branch that is behind it and answers 202 instead.
      const base = s.branches.get(s.defaultBranch)
      if (!s.ancestors(sha).has(base)) {
        s.addCommit({ message: `Merge branch '${s.defaultBranch}' into ${branch}`, parents: [sha, base], branch })
        return ok({ message: `Auto-merged ${s.defaultBranch} into ${branch} on deployment.` }, 202)
      }
    }
    const latest = latestStatuses(s, sha)
    const required = body.required_contexts ?? [...latest.values()].map((st) => st.context)
    const contexts = required.map((c) => ({ context: c, state: latest.get(c.toLowerCase())?.state ?? 'missing' }))
    if (contexts.some((c) => c.state !== 'success')) {
      throw new HttpError(
        409,
        errorBody(409, `Conflict: Commit status checks failed for ${body.ref}.`, ctx.docUrl, {
          errors: [{ contexts, resource: 'Deployment', field: 'required_contexts', code: 'invalid' }]
        })
      )
    }
    const dep = newDeployment(s, { ...body, sha, creator: undefined })
    return ok(dep, 201)
  },

  'repos/get-deployment'(ctx) {
    return ok(deploymentOr404(ctx))
  },

  'repos/list-deployment-statuses'(ctx) {
    const dep = deploymentOr404(ctx)
    return paginate(ctx, ctx.state.newestFirst(ctx.state.statusesOf(dep.id)))
  },

  'repos/get-deployment-status'(ctx) {
    const dep = deploymentOr404(ctx)
    const status = ctx.state.statusesOf(dep.id).find((st) => st.id === ctx.params.status_id)
    if (!status) throw notFound(ctx)
    return ok(status)
  },

  'repos/create-deployment-status'(ctx) {
    const dep = deploymentOr404(ctx)
    const long = tooLong(ctx, 'DeploymentStatus', 'description', ctx.body.description, 140)
    if (long) throw long
    const status = newDeploymentStatus(ctx.state, dep, { ...ctx.body, creator: undefined, created_at: undefined })
    return ok(status, 201, { location: status.url })
  },

  'repos/create-commit-status'(ctx) {
    const s = ctx.state
    const sha = /^[0-9a-f]{40}$/i.test(ctx.params.sha) ? ctx.params.sha.toLowerCase() : null
    const known = sha ?? (/^[0-9a-f]{7,39}$/i.test(ctx.params.sha) ? s.resolveRef(ctx.params.sha) : null)
    if (!known) throw unprocessable(ctx, `No commit found for SHA: ${ctx.params.sha}`)
    const long = tooLong(ctx, 'Status', 'description', ctx.body.description, 140)
    if (long) throw long
    const status = newCommitStatus(s, known, { ...ctx.body, creator: undefined, created_at: undefined })
    return ok(status, 201, { location: status.url })
  },

  'repos/list-commit-statuses-for-ref'(ctx) {
    const sha = ctx.state.resolveRef(ctx.params.ref)
    if (!sha) throw notFound(ctx)
    const list = ctx.state.commitStatuses.filter((e) => e.sha === sha).map((e) => e.status)
    return paginate(ctx, ctx.state.newestFirst(list))
  },

  'repos/get-combined-status-for-ref'(ctx) {
    const s = ctx.state
    const sha = s.resolveRef(ctx.params.ref)
    if (!sha) throw notFound(ctx)
    const statuses = [...latestStatuses(s, sha).values()]
    const states = statuses.map((st) => st.state)
    const state = states.some((x) => x === 'error' || x === 'failure') ? 'failure' : !states.length || states.includes('pending') ? 'pending' : 'success'
    const page = paginate(ctx, statuses)
    return ok(
      {
        state,
        statuses: page.body.map(({ creator: _c, ...st }) => ({ ...st, required: false })),
        sha,
        total_count: statuses.length,
        repository: s.minimalRepo(),
        commit_url: `${s.repoApi}/commits/${sha}`,
        url: `${s.repoApi}/commits/${sha}/status`
      },
      200,
      page.headers
    )
  }
}
