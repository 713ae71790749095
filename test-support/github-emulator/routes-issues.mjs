// Issues, issue comments and labels, with GitHub's size limits and assignee checks.
import { HttpError, errorBody, notFound, ok, paginate, tooLong, validationFailed } from './http.mjs'
import { newComment, newIssue } from './records.mjs'
import { newIssueEvent } from './records-history.mjs'

/** GitHub's limit for issue and comment bodies. */
export const MAX_BODY = 65536
const MAX_TITLE = 256

function issueOr404(ctx) {
  const issue = ctx.state.findIssue(ctx.params.issue_number)
  if (!issue) throw notFound(ctx)
  return issue
}

function checkIssueFields(ctx, body) {
  const problem =
    tooLong(ctx, 'Issue', 'body', body.body, MAX_BODY) ?? tooLong(ctx, 'Issue', 'title', body.title === undefined ? undefined : String(body.title), MAX_TITLE)
  if (problem) throw problem
  const logins = [...(body.assignees ?? []), ...(body.assignee ? [body.assignee] : [])]
  const known = new Set([...ctx.state.collaborators.keys()].map((l) => l.toLowerCase()))
  const invalid = logins.filter((l) => !known.has(l.toLowerCase()))
  if (invalid.length) {
    throw validationFailed(ctx, ...invalid.map((value) => ({ value, resource: 'Issue', field: 'assignees', code: 'invalid' })))
  }
  if (body.milestone !== undefined && body.milestone !== null) {
    throw validationFailed(ctx, { value: body.milestone, resource: 'Issue', field: 'milestone', code: 'invalid' })
  }
}

const labelName = (l) => (typeof l === 'string' ? l : l.name)

function labelsFromBody(body) {
  const list = Array.isArray(body) ? body : typeof body === 'string' ? [body] : (body?.labels ?? [])
  return list.map(labelName)
}

function setLabels(ctx, issue, names) {
  const seen = new Set()
  const before = new Set(issue.labels.map((l) => l.name.toLowerCase()))
  issue.labels = names.filter((n) => !seen.has(n.toLowerCase()) && seen.add(n.toLowerCase())).map((n) => ctx.state.label(n))
  issue.updated_at = ctx.state.timestamp()
  // GitHub records who changed which label: the token's owner here.
  for (const l of issue.labels) if (!before.has(l.name.toLowerCase())) newIssueEvent(ctx.state, issue, { event: 'labeled', label: l.name })
  for (const name of before) if (!seen.has(name)) newIssueEvent(ctx.state, issue, { event: 'unlabeled', label: name })
  return issue.labels
}

function matchesAssignee(issue, assignee) {
  if (assignee === undefined) return true
  if (assignee === '*') return issue.assignees.length > 0
  if (assignee === 'none') return issue.assignees.length === 0
  return issue.assignees.some((a) => a.login.toLowerCase() === assignee.toLowerCase())
}

/** Splits a search query into qualifiers (key:value, quotes allowed) and free-text words. */
function parseSearch(q) {
  const terms = { words: [], quals: [] }
  for (const m of q.matchAll(/(-?)([a-z-]+):("[^"]*"|\S+)|"([^"]*)"|(\S+)/gi)) {
    if (m[2]) terms.quals.push({ not: m[1] === '-', key: m[2].toLowerCase(), value: m[3].replace(/^"|"$/g, '').toLowerCase() })
    else terms.words.push((m[4] ?? m[5]).toLowerCase())
  }
  return terms
}

function matchesSearch(s, issue, { words, quals }) {
  const text = `${issue.title}\n${issue.body ?? ''}`.toLowerCase()
  const title = issue.title.toLowerCase()
  const inTitleOnly = quals.some((q) => q.key === 'in' && q.value === 'title')
  const test = ({ key, value }) => {
    if (key === 'repo') return value === `${s.owner}/${s.repo}`.toLowerCase()
    if (key === 'is' || key === 'type' || key === 'state') {
      if (value === 'issue') return !issue.pull_request
      if (value === 'pr' || value === 'pull-request') return !!issue.pull_request
      return value === issue.state
    }
    if (key === 'label') return issue.labels.some((l) => l.name.toLowerCase() === value)
    if (key === 'author') return issue.user?.login.toLowerCase() === value
    if (key === 'assignee') return issue.assignees.some((a) => a.login.toLowerCase() === value)
    return true
  }
  return quals.every((q) => test(q) !== q.not) && words.every((w) => (inTitleOnly ? title : text).includes(w))
}

export const issueHandlers = {
  'search/issues-and-pull-requests'(ctx) {
    const terms = parseSearch(ctx.query.q)
    if (!terms.quals.some((q) => !q.not && q.key === 'is' && ['issue', 'pr', 'pull-request'].includes(q.value))) {
      throw validationFailed(ctx, { message: "Query must include 'is:issue' or 'is:pull-request'", resource: 'Search', field: 'q', code: 'invalid' })
    }
    const items = ctx.state.issues.filter((i) => matchesSearch(ctx.state, i, terms))
    const sorted = ctx.state.newestFirst(items).map((i) => ({ ...i, score: 1 }))
    const page = paginate(ctx, ctx.query.order === 'asc' ? sorted.reverse() : sorted)
    const body = { total_count: items.length, incomplete_results: false, items: page.body, search_type: ctx.query.search_type ?? 'lexical' }
    return ok(body, 200, page.headers)
  },

  'issues/create'(ctx) {
    if (ctx.state.options.hasIssues === false) throw new HttpError(410, errorBody(410, 'Issues are disabled for this repo', ctx.docUrl))
    checkIssueFields(ctx, ctx.body)
    const { title, body, labels, assignees, assignee } = ctx.body
    const issue = newIssue(ctx.state, { title, body, labels, assignees: assignees ?? (assignee ? [assignee] : []) })
    return ok(issue, 201, { location: issue.url })
  },

  'issues/list-for-repo'(ctx) {
    const q = ctx.query
    const state = q.state ?? 'open'
    const wanted = q.labels
      ? q.labels
          .split(',')
          .map((l) => l.trim().toLowerCase())
          .filter(Boolean)
      : []
    const list = ctx.state.issues.filter(
      (i) =>
        (state === 'all' || i.state === state) &&
        wanted.every((w) => i.labels.some((l) => l.name.toLowerCase() === w)) &&
        (q.creator === undefined || i.user?.login.toLowerCase() === q.creator.toLowerCase()) &&
        matchesAssignee(i, q.assignee) &&
        (q.since === undefined || i.updated_at >= q.since.replace(/\.\d+Z$/, 'Z'))
    )
    const key = { created: 'created_at', updated: 'updated_at', comments: 'comments' }[q.sort ?? 'created']
    const dir = (q.direction ?? 'desc') === 'desc' ? -1 : 1
    list.sort((a, b) => (a[key] < b[key] ? -dir : a[key] > b[key] ? dir : dir * (a.number - b.number)))
    return paginate(ctx, list)
  },

  'issues/get'(ctx) {
    return ok(issueOr404(ctx))
  },

  'issues/update'(ctx) {
    const issue = issueOr404(ctx)
    const b = ctx.body
    checkIssueFields(ctx, b)
    const s = ctx.state
    if (b.title !== undefined && b.title !== null) issue.title = String(b.title)
    if (b.body !== undefined) issue.body = b.body
    if (b.labels !== undefined) setLabels(ctx, issue, b.labels.map(labelName))
    if (b.assignees !== undefined) issue.assignees = b.assignees.map((l) => s.user(l))
    if (b.assignee !== undefined) issue.assignees = b.assignee ? [s.user(b.assignee)] : []
    issue.assignee = issue.assignees[0] ?? null
    if (b.state && b.state !== issue.state) {
      issue.state = b.state
      issue.closed_at = b.state === 'closed' ? s.timestamp() : null
      issue.closed_by = b.state === 'closed' ? s.actor : issue.closed_by
      issue.state_reason = b.state === 'closed' ? (b.state_reason ?? 'completed') : 'reopened'
    }
    issue.updated_at = s.timestamp()
    return ok(issue)
  },

  'issues/create-comment'(ctx) {
    const issue = issueOr404(ctx)
    const long = tooLong(ctx, 'IssueComment', 'body', ctx.body.body, MAX_BODY)
    if (long) throw long
    const comment = newComment(ctx.state, issue, { body: ctx.body.body })
    return ok(comment, 201, { location: comment.url })
  },

  'issues/list-comments'(ctx) {
    const issue = issueOr404(ctx)
    const since = ctx.query.since?.replace(/\.\d+Z$/, 'Z')
    const list = ctx.state.comments.filter((c) => c.issue_url === issue.url && (!since || c.updated_at >= since))
    return paginate(ctx, list)
  },

  'issues/update-comment'(ctx) {
    const comment = ctx.state.comments.find((c) => c.id === ctx.params.comment_id)
    if (!comment) throw notFound(ctx)
    const long = tooLong(ctx, 'IssueComment', 'body', ctx.body.body, MAX_BODY)
    if (long) throw long
    comment.body = ctx.body.body
    comment.updated_at = ctx.state.timestamp()
    return ok(comment)
  },

  'issues/add-labels'(ctx) {
    const issue = issueOr404(ctx)
    return ok(setLabels(ctx, issue, [...issue.labels.map((l) => l.name), ...labelsFromBody(ctx.body)]))
  },

  'issues/set-labels'(ctx) {
    return ok(setLabels(ctx, issueOr404(ctx), labelsFromBody(ctx.body)))
  },

  'issues/remove-label'(ctx) {
    const issue = issueOr404(ctx)
    const name = ctx.params.name.toLowerCase()
    if (!issue.labels.some((l) => l.name.toLowerCase() === name)) {
      throw new HttpError(404, errorBody(404, 'Label does not exist', ctx.docUrl))
    }
    return ok(
      setLabels(
        ctx,
        issue,
        issue.labels.map((l) => l.name).filter((n) => n.toLowerCase() !== name)
      )
    )
  },

  'issues/list-labels-on-issue'(ctx) {
    return paginate(ctx, issueOr404(ctx).labels)
  },

  'issues/list-labels-for-repo'(ctx) {
    return paginate(ctx, [...ctx.state.labels.values()])
  },

  'issues/create-label'(ctx) {
    const { name, color, description } = ctx.body
    if (ctx.state.labels.has(name.toLowerCase())) {
      throw validationFailed(ctx, { resource: 'Label', code: 'already_exists', field: 'name' })
    }
    const label = ctx.state.label(name, { color: (color ?? 'ededed').replace(/^#/, ''), description: description ?? null })
    return ok(label, 201, { location: label.url })
  }
}
