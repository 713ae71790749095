// Pull requests (seeded only): each is also an issue (same number, labels and comments), as on
// GitHub. gh.state.pulls keeps internal records; responses are built from them on each request.
import { newIssue, when } from './records.mjs'
import { newActivity, newIssueEvent } from './records-history.mjs'
import { commitShape, fakeSha, fileShape, fullRepoShape, nodeId, userShape } from './shapes.mjs'

/** Commits on head that base lacks (`git log base..head`), oldest first. */
export function commitsBetween(s, baseSha, headSha) {
  const baseAnc = s.ancestors(baseSha)
  return [...s.ancestors(headSha).values()].filter((c) => !baseAnc.has(c.sha)).reverse()
}

/**
 * { title, body, head: 'branch' | { ref, sha }, base ('main'), user, labels, draft, state, merged,
 *   merged_at, merge_commit_sha, fork (login owning the fork the head is in), pushed_at (when the
 *   head was pushed: the activity record; default created_at), files,
 *   reviews: [{ user, state, body, submitted_at }], created_at, number?, commits (the SHAs GitHub
 *   associates with the PR, for commits-to-pulls: a rebase merge's rewritten commits; default
 *   the head's commits that base lacks) }
 * Labels given here are recorded as labeled by the author when the PR was opened.
 */
export function newPullRequest(s, o) {
  const headRef = typeof o.head === 'object' ? o.head.ref : (o.head ?? 'feature')
  const fork = o.fork ? `${o.fork}/${s.repo}` : null
  const headSha =
    (typeof o.head === 'object' ? o.head.sha : null) ??
    (fork ? null : s.branches.get(headRef)) ??
    s.addCommit({ message: o.title ?? 'Change', parents: [s.branches.get(o.base ?? s.defaultBranch)], ...(fork ? {} : { branch: headRef }) }).sha
  if (!fork && !s.branches.has(headRef)) s.branches.set(headRef, headSha)
  if (!s.commits.has(headSha)) s.addCommit({ sha: headSha, message: o.title ?? 'Change', parents: [s.branches.get(o.base ?? s.defaultBranch)] })
  if (fork) s.forks.add(fork.toLowerCase())
  const baseRef = o.base ?? s.defaultBranch
  const baseSha = s.branches.get(baseRef) ?? s.resolveRef(baseRef)
  const issue = newIssue(s, {
    title: o.title ?? 'Change',
    body: o.body ?? null,
    labels: o.labels,
    user: o.user ?? 'octocat',
    state: o.state,
    created_at: o.created_at
  })
  const commits = commitsBetween(s, baseSha, headSha)
  const files = new Map()
  for (const c of commits) for (const f of c.files ?? []) files.set(f.filename, f)
  for (const f of o.files ?? []) files.set(f.filename, f)
  const merged = o.merged ?? o.merged_at !== undefined
  const mergedAt = merged ? when(s, o.merged_at ?? issue.created_at) : null
  const pr = {
    number: issue.number,
    id: s.nextId('pull'),
    issue,
    fork,
    head: { ref: headRef, sha: headSha },
    base: { ref: baseRef, sha: baseSha },
    draft: o.draft ?? false,
    merged,
    merged_at: mergedAt,
    merge_commit_sha: merged ? (o.merge_commit_sha ?? fakeSha(`merge:${issue.number}`)) : null,
    commits: o.commits ?? commits.map((c) => c.sha),
    files: [...files.values()],
    reviews: []
  }
  if (merged) Object.assign(issue, { state: 'closed', closed_at: mergedAt, state_reason: null })
  newActivity(s, {
    repo: fork ?? undefined,
    ref: headRef,
    after: headSha,
    activity_type: 'push',
    actor: issue.user.login,
    timestamp: o.pushed_at ?? issue.created_at
  })
  for (const l of issue.labels) newIssueEvent(s, issue, { event: 'labeled', label: l.name, actor: issue.user.login, created_at: issue.created_at })
  issue.pull_request = {
    url: `${s.repoApi}/pulls/${issue.number}`,
    html_url: `${s.repoHtml}/pull/${issue.number}`,
    diff_url: `${s.repoHtml}/pull/${issue.number}.diff`,
    patch_url: `${s.repoHtml}/pull/${issue.number}.patch`,
    merged_at: pr.merged_at
  }
  s.pulls.push(pr)
  for (const r of o.reviews ?? []) newReview(s, pr, r)
  return pr
}

/** A review: { user, state: APPROVED | CHANGES_REQUESTED | COMMENTED | DISMISSED, body, submitted_at, commit_id }. */
export function newReview(s, pr, o) {
  const id = s.nextId('review')
  const url = `${s.repoApi}/pulls/${pr.number}`
  const review = {
    id,
    node_id: nodeId('PRR', id),
    user: s.user(o.user ?? 'octocat'),
    body: o.body ?? '',
    state: o.state ?? 'APPROVED',
    html_url: `${s.repoHtml}/pull/${pr.number}#pullrequestreview-${id}`,
    pull_request_url: url,
    author_association: s.collaborators.has(o.user ?? 'octocat') ? 'COLLABORATOR' : 'CONTRIBUTOR',
    _links: { html: { href: `${s.repoHtml}/pull/${pr.number}#pullrequestreview-${id}` }, pull_request: { href: url } },
    submitted_at: when(s, o.submitted_at),
    commit_id: o.commit_id ?? pr.head.sha
  }
  pr.reviews.push(review)
  return review
}

function branchShape(s, { ref, sha }, fork = null) {
  if (!fork) return { label: `${s.owner}:${ref}`, ref, sha, user: s.ownerUser, repo: fullRepoShape(s) }
  const [owner, name] = fork.split('/')
  const user = userShape(s, owner, { type: 'User' })
  const base = fullRepoShape(s)
  const id = s.repoId + 1 + (parseInt(fakeSha(fork).slice(0, 5), 16) % 100_000)
  const repo = {
    ...base,
    id,
    node_id: nodeId('R', id),
    name,
    full_name: fork,
    owner: user,
    fork: true,
    html_url: `${s.serverUrl}/${fork}`,
    url: `${s.apiUrl}/repos/${fork}`,
    organization: null
  }
  return { label: `${owner}:${ref}`, ref, sha, user, repo }
}

/** pull-request-simple (lists). */
export function pullSimpleShape(s, pr) {
  const { issue } = pr
  const url = `${s.repoApi}/pulls/${pr.number}`
  const html = `${s.repoHtml}/pull/${pr.number}`
  const link = (href) => ({ href })
  return {
    url,
    id: pr.id,
    node_id: nodeId('PR', pr.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issue.url,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${s.repoApi}/pulls/comments{/number}`,
    comments_url: issue.comments_url,
    statuses_url: `${s.repoApi}/statuses/${pr.head.sha}`,
    number: pr.number,
    state: issue.state,
    locked: false,
    title: issue.title,
    user: issue.user,
    body: issue.body,
    labels: issue.labels,
    milestone: null,
    active_lock_reason: null,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_at: issue.closed_at,
    merged_at: pr.merged_at,
    merge_commit_sha: pr.merge_commit_sha,
    assignee: issue.assignee,
    assignees: issue.assignees,
    requested_reviewers: [],
    requested_teams: [],
    head: branchShape(s, pr.head, pr.fork),
    base: branchShape(s, pr.base),
    _links: {
      self: link(url),
      html: link(html),
      issue: link(issue.url),
      comments: link(issue.comments_url),
      review_comments: link(`${url}/comments`),
      review_comment: link(`${s.repoApi}/pulls/comments{/number}`),
      commits: link(`${url}/commits`),
      statuses: link(`${s.repoApi}/statuses/${pr.head.sha}`)
    },
    author_association: 'MEMBER',
    auto_merge: null,
    draft: pr.draft
  }
}

/** pull-request (GET one). */
export function pullShape(s, pr) {
  const files = pr.files.map((f) => fileShape(s, pr.head.sha, f))
  return {
    ...pullSimpleShape(s, pr),
    merged: pr.merged,
    mergeable: pr.issue.state === 'open' ? true : null,
    rebaseable: pr.issue.state === 'open' ? true : null,
    mergeable_state: pr.issue.state === 'open' ? 'clean' : 'unknown',
    merged_by: pr.merged ? s.user('octocat') : null,
    comments: pr.issue.comments,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: pr.commits.length,
    additions: files.reduce((n, f) => n + f.additions, 0),
    deletions: files.reduce((n, f) => n + f.deletions, 0),
    changed_files: files.length
  }
}

export function pullCommitShapes(s, pr) {
  return pr.commits.map((sha) => commitShape(s, s.commit(sha)))
}
