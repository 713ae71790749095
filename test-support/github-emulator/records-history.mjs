// Issue events (labeled, unlabeled, head_ref_force_pushed) and repository activity (pushes with
// the server's time), the records approval reads to tell who added a label and when, and when
// the head commit was pushed.
import { fakeSha, nodeId, userShape } from './shapes.mjs'
import { when } from './records.mjs'

/** A GitHub App, as performed_via_github_app shows it. */
export function appShape(s, slug) {
  const id = (parseInt(fakeSha(`app:${slug}`).slice(0, 6), 16) % 900_000) + 100_000
  return {
    id,
    slug,
    node_id: nodeId('A', id),
    owner: s.ownerUser,
    name: slug,
    description: null,
    external_url: `https://example.com/${slug}`,
    html_url: `${s.serverUrl}/apps/${slug}`,
    created_at: '2020-01-01T00:00:00Z',
    updated_at: '2020-01-01T00:00:00Z',
    permissions: { issues: 'write', pull_requests: 'write', metadata: 'read' },
    events: ['pull_request']
  }
}

/**
 * An issue event: { event, actor (login; default the token's), created_at, label (name), app
 * (slug of the GitHub App that acted), commit_id }. Kept in state.issueEvents with the issue number.
 */
export function newIssueEvent(s, issue, o) {
  const id = s.nextId('issueEvent')
  const label = o.label ? s.label(o.label) : null
  const event = {
    id,
    node_id: nodeId('LE', id),
    url: `${s.repoApi}/issues/events/${id}`,
    actor: o.actor ? userShape(s, o.actor) : s.actor,
    event: o.event,
    commit_id: o.commit_id ?? null,
    commit_url: o.commit_id ? `${s.repoApi}/commits/${o.commit_id}` : null,
    created_at: when(s, o.created_at),
    performed_via_github_app: o.app ? appShape(s, o.app) : null,
    ...(label && { label: { name: label.name, color: label.color } })
  }
  s.issueEvents.push({ issue: issue.number, event })
  return event
}

/** Repository activity: { repo ('owner/name', default this one), ref (branch), before, after, activity_type, actor, timestamp }. */
export function newActivity(s, o) {
  const id = s.nextId('activity')
  const activity = {
    id,
    node_id: nodeId('RA', id),
    before: o.before ?? '0'.repeat(40),
    after: o.after,
    ref: `refs/heads/${o.ref.replace(/^refs\/heads\//, '')}`,
    timestamp: when(s, o.timestamp),
    activity_type: o.activity_type ?? 'push',
    actor: o.actor ? userShape(s, o.actor) : s.ownerUser
  }
  s.activities.push({ repo: (o.repo ?? `${s.owner}/${s.repo}`).toLowerCase(), activity })
  return activity
}

/**
 * A push to a pull request's head branch: a new head commit (or `sha`), its files added to the
 * PR, the activity record at `at`, and for a force push the head_ref_force_pushed event.
 * { pull_number, sha, force, actor, at, files, message }.
 */
export function pushToPull(s, pr, o = {}) {
  const before = pr.head.sha
  const commit = s.addCommit({
    sha: o.sha,
    message: o.message ?? 'More changes',
    parents: o.force ? [pr.base.sha] : [before],
    files: o.files ?? [],
    date: o.commitDate
  })
  pr.head.sha = commit.sha
  if (!pr.fork) s.branches.set(pr.head.ref, commit.sha)
  pr.commits = o.force ? [commit.sha] : [...pr.commits, commit.sha]
  const files = new Map(pr.files.map((f) => [f.filename, f]))
  for (const f of commit.files) files.set(f.filename, f)
  pr.files = [...files.values()]
  const actor = o.actor ?? pr.issue.user.login
  newActivity(s, {
    repo: pr.fork ?? undefined,
    ref: pr.head.ref,
    before,
    after: commit.sha,
    activity_type: o.force ? 'force_push' : 'push',
    actor,
    timestamp: o.at
  })
  if (o.force) newIssueEvent(s, pr.issue, { event: 'head_ref_force_pushed', actor, created_at: o.at, commit_id: commit.sha })
  pr.issue.updated_at = when(s, o.at)
  return commit
}

/** Adds or removes a label on an issue and records the event, as GitHub does for any label change. */
export function changeLabel(s, issue, o) {
  const name = o.label
  const has = issue.labels.some((l) => l.name.toLowerCase() === name.toLowerCase())
  if (o.remove) {
    if (!has) throw new Error(`seed: #${issue.number} has no label ${name} to remove`)
    issue.labels = issue.labels.filter((l) => l.name.toLowerCase() !== name.toLowerCase())
  } else if (!has) {
    issue.labels = [...issue.labels, s.label(name)]
  }
  return newIssueEvent(s, issue, { event: o.remove ? 'unlabeled' : 'labeled', label: name, actor: o.actor, created_at: o.created_at, app: o.app })
}
