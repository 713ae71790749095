// Pull requests (read-only: files, commits, reviews), collaborator permissions, team membership.
import { notFound, ok, paginate } from './http.mjs'
import { pullCommitShapes, pullShape, pullSimpleShape } from './records-pulls.mjs'
import { fileShape } from './shapes.mjs'

function pullOr404(ctx) {
  const pr = ctx.state.findPull(ctx.params.pull_number)
  if (!pr) throw notFound(ctx)
  return pr
}

/** Legacy `permission` for a role, as the permission endpoint reports it. */
const LEGACY = { admin: 'admin', maintain: 'write', write: 'write', triage: 'read', read: 'read' }

export const pullHandlers = {
  'pulls/get'(ctx) {
    return ok(pullShape(ctx.state, pullOr404(ctx)))
  },

  'pulls/list'(ctx) {
    const s = ctx.state
    const q = ctx.query
    const state = q.state ?? 'open'
    const list = s.pulls.filter(
      (p) =>
        (state === 'all' || p.issue.state === state) &&
        (q.base === undefined || p.base.ref === q.base) &&
        (q.head === undefined || `${s.owner}:${p.head.ref}` === q.head || p.head.ref === q.head)
    )
    const sorted = s.newestFirst(list.map((p) => pullSimpleShape(s, p)))
    return paginate(ctx, q.direction === 'asc' ? sorted.reverse() : sorted)
  },

  'pulls/list-files'(ctx) {
    const pr = pullOr404(ctx)
    return paginate(
      ctx,
      pr.files.slice(0, 3000).map((f) => fileShape(ctx.state, pr.head.sha, f))
    )
  },

  'pulls/list-commits'(ctx) {
    return paginate(ctx, pullCommitShapes(ctx.state, pullOr404(ctx)))
  },

  'pulls/list-reviews'(ctx) {
    return paginate(ctx, pullOr404(ctx).reviews)
  },

  'repos/list-pull-requests-associated-with-commit'(ctx) {
    const s = ctx.state
    const sha = ctx.params.commit_sha
    const list = s.pulls.filter((p) => p.head.sha === sha || p.commits.includes(sha) || p.merge_commit_sha === sha)
    return paginate(
      ctx,
      list.map((p) => pullSimpleShape(s, p))
    )
  },

  'repos/get-collaborator-permission-level'(ctx) {
    const s = ctx.state
    const entry = [...s.collaborators].find(([login]) => login.toLowerCase() === ctx.params.username.toLowerCase())
    const role = entry?.[1] ?? 'none'
    const user = { ...s.user(entry?.[0] ?? ctx.params.username), role_name: role }
    return ok({ permission: LEGACY[role] ?? 'none', role_name: role, user })
  },

  'teams/get-membership-for-user-in-org'(ctx) {
    const s = ctx.state
    const members = s.teams.get(ctx.params.team_slug)
    const role = ctx.params.org.toLowerCase() === s.owner.toLowerCase() ? members?.get(ctx.params.username) : undefined
    if (!role) throw notFound(ctx)
    return ok({
      url: `${s.apiUrl}/organizations/${s.ownerUser.id}/team/${ctx.params.team_slug}/memberships/${ctx.params.username}`,
      role,
      state: 'active'
    })
  }
}
