// Issue events, repository activity and teams: what approval reads about who did what, when.
import { notFound, ok, paginate } from './http.mjs'
import { nodeId } from './shapes.mjs'

export const historyHandlers = {
  'issues/list-events'(ctx) {
    const issue = ctx.state.findIssue(ctx.params.issue_number)
    if (!issue) throw notFound(ctx)
    // Oldest first, as GitHub lists them.
    const list = ctx.state.issueEvents.filter((e) => e.issue === issue.number).map((e) => e.event)
    return paginate(ctx, list)
  },

  'repos/list-activities'(ctx) {
    const s = ctx.state
    const repo = `${ctx.params.owner}/${ctx.params.repo}`.toLowerCase()
    const q = ctx.query
    const ref = q.ref === undefined ? undefined : `refs/heads/${String(q.ref).replace(/^refs\/heads\//, '')}`
    const list = s.activities
      .filter(
        (a) =>
          a.repo === repo && (ref === undefined || a.activity.ref === ref) && (q.activity_type === undefined || a.activity.activity_type === q.activity_type)
      )
      .map((a) => a.activity)
      .sort((a, b) => b.timestamp.localeCompare(a.timestamp) || b.id - a.id)
    // GitHub pages this list by cursor (before/after); the first page is what the emulator serves.
    const perPage = Math.min(Number(q.per_page) || 30, 100)
    return ok(q.direction === 'asc' ? list.reverse().slice(0, perPage) : list.slice(0, perPage))
  },

  'teams/get-by-name'(ctx) {
    const s = ctx.state
    const members = s.teams.get(ctx.params.team_slug)
    if (!members || ctx.params.org.toLowerCase() !== s.owner.toLowerCase()) throw notFound(ctx)
    const id = 3_000_000 + [...s.teams.keys()].indexOf(ctx.params.team_slug)
    const orgApi = `${s.apiUrl}/orgs/${s.owner}`
    const o = s.ownerUser
    const organization = {
      login: o.login,
      url: orgApi,
      id: o.id,
      node_id: o.node_id,
      repos_url: `${orgApi}/repos`,
      events_url: `${orgApi}/events`,
      hooks_url: `${orgApi}/hooks`,
      issues_url: `${orgApi}/issues`,
      members_url: `${orgApi}/members{/member}`,
      public_members_url: `${orgApi}/public_members{/member}`,
      avatar_url: o.avatar_url,
      description: null,
      html_url: o.html_url,
      has_organization_projects: true,
      has_repository_projects: true,
      public_repos: 1,
      public_gists: 0,
      followers: 0,
      following: 0,
      type: 'Organization',
      created_at: '2020-01-01T00:00:00Z',
      updated_at: '2020-01-01T00:00:00Z',
      archived_at: null
    }
    return ok({
      id,
      node_id: nodeId('T', id),
      url: `${s.apiUrl}/organizations/${o.id}/team/${id}`,
      html_url: `${s.serverUrl}/orgs/${s.owner}/teams/${ctx.params.team_slug}`,
      name: ctx.params.team_slug,
      slug: ctx.params.team_slug,
      description: null,
      privacy: 'closed',
      notification_setting: 'notifications_enabled',
      permission: 'pull',
      members_url: `${s.apiUrl}/organizations/${o.id}/team/${id}/members{/member}`,
      repositories_url: `${s.apiUrl}/organizations/${o.id}/team/${id}/repos`,
      parent: null,
      members_count: members.size,
      repos_count: 1,
      created_at: '2020-01-01T00:00:00Z',
      updated_at: '2020-01-01T00:00:00Z',
      organization,
      type: 'organization'
    })
  }
}
