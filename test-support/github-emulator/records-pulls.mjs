// Pull requests (seeded only): each is also an issue (same number, labels and comments), as on
// GitHub. gh.state.pulls keeps internal records; responses are built from them on each request.
import { newIssue, when } from './records.mjs'
import { commitShape, fakeSha, fileShape, fullRepoShape, nodeId } from './shapes.mjs'

/** Commits on head that base lacks (`git log base..head`), oldest first. */
export function commitsBetween(s, baseSha, headSha) {
  const baseAnc = s.ancestors(baseSha)
  return [...s.ancestors(headSha).values()].filter((c) => !baseAnc.has(c.sha)).reverse()
}

/**
 * { title, body, head: 'branch' | { ref, sha }, base ('main'), user, labels, draft, state, merged,
 *   files, reviews: [{ user, state, body, submitted_at }], created_at, number? }
 */
export function newPullRequest(s, o) {
  const headRef = typeof o.head === 'object' ? o.head.ref : (o.head ?? 'feature')
  const headSha = (typeof o.head === 'object' ? o.head.sha : null) ?? s.branches.get(headRef) ?? s.addCommit({ message: o.title ?? 'Change', branch: headRef }).sha
  if (!s.branches.has(headRef)) s.branches.set(headRef, headSha)
  const baseRef = o.base ?? s.defaultBranch
  const baseSha = s.branches.get(baseRef) ?? s.resolveRef(baseRef)
  const issue = newIssue(s, { title: o.title ?? 'Change', body: o.body ?? null, labels: o.labels, user: o.user ?? 'octocat', state: o.state, created_at: o.created_at })
  const commits = commitsBetween(s, baseSha, headSha)
  const files = new Map()
  for (const c of commits) for (const f of c.files ?? []) files.set(f.filename, f)
  for (const f of o.files ?? []) files.set(f.filename, f)
  const merged = o.merged ?? false
  const pr = {
    number: issue.number,
    id: s.nextId('pull'),
    issue,
    head: { ref: headRef, sha: headSha },
    base: { ref: baseRef, sha: baseSha },
    draft: o.draft ?? false,
    merged,
    merged_at: merged ? issue.created_at : null,
    merge_commit_sha: merged ? fakeSha(`merge:${issue.number}`) : null,
    commits: commits.map((c) => c.sha),
    files: [...files.values()],
    reviews: []
  }
  if (merged) Object.assign(issue, { state: 'closed', closed_at: issue.created_at, state_reason: null })
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

function branchShape(s, { ref, sha }) {
  return { label: `${s.owner}:${ref}`, ref, sha, user: s.ownerUser, repo: fullRepoShape(s) }
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
    head: branchShape(s, pr.head),
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
