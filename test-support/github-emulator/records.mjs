// Creates the stateful records (deployments, statuses, issues, runs, ...) in GitHub's response
// shape. Used by the request handlers (after their checks) and by the seed helpers.
import { fakeSha, iso, nodeId, reactions } from './shapes.mjs'

/** A given timestamp in GitHub's format, else the state's clock. */
export const when = (s, value) => (value ? iso(value) : s.timestamp())

export function newDeployment(s, o) {
  const id = s.nextId('deployment')
  const created = when(s, o.created_at)
  const environment = o.environment ?? 'production'
  const dep = {
    url: `${s.repoApi}/deployments/${id}`,
    id,
    node_id: nodeId('DE', id),
    task: o.task ?? 'deploy',
    original_environment: environment,
    environment,
    description: o.description ?? null,
    created_at: created,
    updated_at: created,
    statuses_url: `${s.repoApi}/deployments/${id}/statuses`,
    repository_url: s.repoApi,
    creator: o.creator ? s.user(o.creator) : s.actor,
    sha: o.sha,
    ref: o.ref ?? o.sha,
    payload: o.payload ?? {},
    transient_environment: o.transient_environment ?? false,
    production_environment: o.production_environment ?? environment === 'production',
    performed_via_github_app: null
  }
  s.deployments.push(dep)
  s.statusesOf(id)
  return dep
}

/**
 * Adds a deployment status. Like GitHub: the environment defaults to the previous status's (and a
 * new one renames the deployment's), and with auto_inactive (default true) a success marks the
 * previous successful non-transient, non-production deployments of that environment inactive.
 */
export function newDeploymentStatus(s, dep, o) {
  const list = s.statusesOf(dep.id)
  const id = s.nextId('deploymentStatus')
  const created = when(s, o.created_at)
  const environment = o.environment ?? list[list.length - 1]?.environment ?? dep.environment
  dep.environment = environment
  dep.updated_at = created
  const logUrl = o.log_url ?? o.target_url ?? ''
  const status = {
    url: `${s.repoApi}/deployments/${dep.id}/statuses/${id}`,
    id,
    node_id: nodeId('DES', id),
    state: o.state,
    creator: o.creator ? s.user(o.creator) : s.actor,
    description: o.description ?? '',
    environment,
    target_url: logUrl,
    created_at: created,
    updated_at: created,
    deployment_url: dep.url,
    repository_url: s.repoApi,
    environment_url: o.environment_url ?? '',
    log_url: logUrl,
    performed_via_github_app: null
  }
  list.push(status)
  if (o.state === 'success' && o.auto_inactive !== false) {
    for (const other of s.deployments) {
      if (other === dep || other.environment !== environment || other.transient_environment) continue
      if (other.production_environment) continue
      const last = s.statusesOf(other.id).at(-1)
      if (last?.state === 'success') newDeploymentStatus(s, other, { state: 'inactive', auto_inactive: false, created_at: o.created_at })
    }
  }
  return status
}

export function newCommitStatus(s, sha, o) {
  const id = s.nextId('status')
  const created = when(s, o.created_at)
  const creator = o.creator ? s.user(o.creator) : s.actor
  const status = {
    url: `${s.repoApi}/statuses/${sha}`,
    avatar_url: creator.avatar_url,
    id,
    node_id: nodeId('SC', id),
    state: o.state,
    description: o.description ?? null,
    target_url: o.target_url ?? null,
    context: o.context ?? 'default',
    created_at: created,
    updated_at: created,
    creator
  }
  s.commitStatuses.push({ sha, status })
  return status
}

export function newIssue(s, o) {
  const number = s.nextIssueNumber()
  const id = s.nextId('issue')
  const created = when(s, o.created_at)
  const url = `${s.repoApi}/issues/${number}`
  const assignees = (o.assignees ?? []).map((login) => s.user(login))
  const closed = o.state === 'closed'
  const issue = {
    url,
    repository_url: s.repoApi,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${s.repoHtml}/issues/${number}`,
    id,
    node_id: nodeId('I', id),
    number,
    title: String(o.title),
    user: o.user ? s.user(o.user) : s.actor,
    labels: (o.labels ?? []).map((l) => s.label(typeof l === 'string' ? l : l.name, typeof l === 'string' ? {} : l)),
    state: closed ? 'closed' : 'open',
    locked: false,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    comments: 0,
    created_at: created,
    updated_at: created,
    closed_at: closed ? created : null,
    author_association: o.user ? 'MEMBER' : 'NONE',
    type: null,
    active_lock_reason: null,
    sub_issues_summary: { total: 0, completed: 0, percent_completed: 0 },
    body: o.body ?? null,
    closed_by: closed ? s.actor : null,
    reactions: reactions(url),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
    state_reason: closed ? (o.state_reason ?? 'completed') : null
  }
  s.issues.push(issue)
  return issue
}

export function newComment(s, issue, o) {
  const id = s.nextId('comment')
  const created = when(s, o.created_at)
  const url = `${s.repoApi}/issues/comments/${id}`
  const comment = {
    url,
    html_url: `${issue.html_url}#issuecomment-${id}`,
    issue_url: issue.url,
    id,
    node_id: nodeId('IC', id),
    user: o.user ? s.user(o.user) : s.actor,
    created_at: created,
    updated_at: created,
    author_association: o.user ? 'MEMBER' : 'NONE',
    body: o.body,
    reactions: reactions(url),
    performed_via_github_app: null
  }
  s.comments.push(comment)
  issue.comments += 1
  issue.updated_at = created
  return comment
}

export function newRelease(s, o) {
  const id = s.nextId('release')
  const created = when(s, o.created_at)
  const draft = o.draft ?? false
  const target = o.target_commitish ?? s.defaultBranch
  if (!draft && !s.tags.has(o.tag_name)) s.tags.set(o.tag_name, s.resolveRef(target) ?? s.branches.get(s.defaultBranch))
  const release = {
    url: `${s.repoApi}/releases/${id}`,
    assets_url: `${s.repoApi}/releases/${id}/assets`,
    upload_url: `https://uploads.github.com/repos/${s.owner}/${s.repo}/releases/${id}/assets{?name,label}`,
    html_url: draft ? `${s.repoHtml}/releases/tag/untagged-${fakeSha(id).slice(0, 20)}` : `${s.repoHtml}/releases/tag/${o.tag_name}`,
    id,
    author: o.author ? s.user(o.author) : s.actor,
    node_id: nodeId('RE', id),
    tag_name: o.tag_name,
    target_commitish: target,
    name: o.name ?? o.tag_name,
    draft,
    immutable: false,
    prerelease: o.prerelease ?? false,
    created_at: created,
    updated_at: created,
    published_at: draft ? null : when(s, o.published_at ?? o.created_at),
    assets: [],
    tarball_url: draft ? null : `${s.repoApi}/tarball/${o.tag_name}`,
    zipball_url: draft ? null : `${s.repoApi}/zipball/${o.tag_name}`,
    body: o.body ?? null
  }
  s.releases.push(release)
  return release
}
