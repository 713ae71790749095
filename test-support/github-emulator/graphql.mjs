// POST /graphql: the GraphQL queries deploy-guard sends, answered from the same state as the
// REST API. Not a GraphQL engine: each known operation (by name) has a handler, and a query
// naming a field GitHub's schema does not have on that type is recorded as a violation, as
// GitHub would refuse it. Fields checked against docs.github.com/graphql (Deployment,
// DeploymentStatus, Repository.deployments, Repository.pullRequests, PullRequest).

const FIELDS = {
  deployGuardReportDeployments: new Set([
    'repository',
    'deployments',
    'pageInfo',
    'hasNextPage',
    'endCursor',
    'nodes',
    'databaseId',
    'commitOid',
    'createdAt',
    'task',
    'environment',
    'payload',
    'ref',
    'name',
    'statuses',
    'state',
    'description',
    'logUrl'
  ]),
  deployGuardReportPulls: new Set([
    'repository',
    'pullRequests',
    'pageInfo',
    'hasNextPage',
    'endCursor',
    'nodes',
    'number',
    'title',
    'url',
    'createdAt',
    'mergedAt',
    'updatedAt',
    'mergeCommit',
    'oid',
    'commits',
    'commit',
    'authoredDate'
  ])
}

const cursor = (i) => Buffer.from(`cursor:${i}`).toString('base64')
const fromCursor = (c) => (c ? Number(Buffer.from(c, 'base64').toString().split(':')[1]) : -1)

function deploymentsConnection(s, { environments, after, first = 100 }) {
  const list = s.newestFirst(s.deployments).filter((d) => !environments || environments.includes(d.environment))
  const start = fromCursor(after) + 1
  const page = list.slice(start, start + Math.min(first, 100))
  return {
    pageInfo: { hasNextPage: start + page.length < list.length, endCursor: page.length ? cursor(start + page.length - 1) : null },
    nodes: page.map((d) => ({
      databaseId: d.id,
      commitOid: d.sha,
      createdAt: d.created_at,
      task: d.task,
      environment: d.environment,
      payload: JSON.stringify(d.payload ?? {}),
      ref: /^[0-9a-f]{40}$/.test(d.ref) ? null : { name: d.ref.replace(/^refs\/(heads|tags)\//, '') },
      statuses: {
        nodes: s
          .statusesOf(d.id)
          .slice(0, 100)
          .map((st) => ({ state: st.state.toUpperCase(), description: st.description || null, createdAt: st.created_at, logUrl: st.log_url || null }))
      }
    }))
  }
}

function pullsConnection(s, { after, first = 100 }) {
  const updated = (p) => p.issue.updated_at ?? p.issue.created_at
  const list = s.pulls.filter((p) => p.merged).sort((a, b) => updated(b).localeCompare(updated(a)) || b.number - a.number)
  const start = fromCursor(after) + 1
  const page = list.slice(start, start + Math.min(first, 100))
  return {
    pageInfo: { hasNextPage: start + page.length < list.length, endCursor: page.length ? cursor(start + page.length - 1) : null },
    nodes: page.map((p) => ({
      number: p.number,
      title: p.issue.title,
      url: `${s.repoHtml}/pull/${p.number}`,
      createdAt: p.issue.created_at,
      mergedAt: p.merged_at,
      updatedAt: updated(p),
      mergeCommit: p.merge_commit_sha ? { oid: p.merge_commit_sha } : null,
      commits: { nodes: p.commits.slice(0, 1).map((sha) => ({ commit: { authoredDate: s.commit(sha).date } })) }
    }))
  }
}

const OPERATIONS = {
  deployGuardReportPulls(s, v) {
    if (!s.isRepo(v.owner, v.name))
      return {
        data: { repository: null },
        errors: [{ type: 'NOT_FOUND', path: ['repository'], message: `Could not resolve to a Repository with the name '${v.owner}/${v.name}'.` }]
      }
    return { data: { repository: { pullRequests: pullsConnection(s, { after: v.after }) } } }
  },
  deployGuardReportDeployments(s, v) {
    if (!s.isRepo(v.owner, v.name))
      return {
        data: { repository: null },
        errors: [{ type: 'NOT_FOUND', path: ['repository'], message: `Could not resolve to a Repository with the name '${v.owner}/${v.name}'.` }]
      }
    return { data: { repository: { deployments: deploymentsConnection(s, { environments: v.environments, after: v.after }) } } }
  }
}

/** Answers one POST /graphql; returns { status, body }. */
export function graphql(gh, body, violate) {
  const query = typeof body?.query === 'string' ? body.query : ''
  const name = /^\s*query\s+(\w+)/.exec(query)?.[1]
  const op = name && OPERATIONS[name]
  if (!op) {
    violate(`GraphQL operation ${name ?? '(anonymous)'} is not emulated`)
    return { status: 200, body: { errors: [{ message: `The GitHub emulator does not answer GraphQL operation ${name ?? '(anonymous)'}` }] } }
  }
  const selection = query.slice(query.indexOf('{'))
  for (const field of selection.match(/\b[a-zA-Z_]\w*\b(?=\s*[({\s])/g) ?? []) {
    if (
      ['query', 'first', 'after', 'orderBy', 'field', 'direction', 'environments', 'states', 'owner', 'CREATED_AT', 'UPDATED_AT', 'MERGED', 'DESC'].includes(
        field
      )
    )
      continue
    if (!FIELDS[name].has(field)) violate(`GraphQL ${name}: field ${field} is not one GitHub's schema offers here`)
  }
  return { status: 200, body: op(gh.state, body.variables ?? {}) }
}
