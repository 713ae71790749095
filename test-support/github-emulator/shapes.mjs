// Builders for response objects shaped like GitHub's (the fields the OpenAPI schemas require and
// the ones real responses carry). `s` is the EmulatorState (for URLs, clock and ids).
import { createHash } from 'node:crypto'

/** GitHub's timestamp format: ISO 8601 in UTC without milliseconds. */
export function iso(date) {
  return new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** A deterministic 40-hex SHA for a string. */
export function fakeSha(seed) {
  return createHash('sha1').update(String(seed)).digest('hex')
}

export function nodeId(prefix, id) {
  return `${prefix}_kwDO${Buffer.from(String(id)).toString('base64url')}`
}

const KNOWN_USERS = { octocat: 583231, 'github-actions[bot]': 41898282, 'dependabot[bot]': 49699333 }

/** A simple-user object; logins ending in [bot] are Bots. */
export function userShape(s, login, { type, id } = {}) {
  const uid = id ?? KNOWN_USERS[login] ?? (parseInt(fakeSha(login).slice(0, 7), 16) % 90_000_000) + 1_000_000
  const kind = type ?? (login.endsWith('[bot]') ? 'Bot' : 'User')
  const api = `${s.apiUrl}/users/${encodeURIComponent(login)}`
  return {
    login,
    id: uid,
    node_id: kind === 'Bot' ? nodeId('BOT', uid) : kind === 'Organization' ? nodeId('O', uid) : nodeId('U', uid),
    avatar_url: `https://avatars.githubusercontent.com/${kind === 'Bot' ? 'in' : 'u'}/${uid}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: kind === 'Bot' ? `${s.serverUrl}/apps/${login.replace(/\[bot\]$/, '')}` : `${s.serverUrl}/${login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: kind,
    user_view_type: 'public',
    site_admin: false
  }
}

/** The minimal-repository fields (used inside workflow runs, combined statuses, ...). */
export function minimalRepoShape(s) {
  const api = s.repoApi
  const html = s.repoHtml
  return {
    id: s.repoId,
    node_id: nodeId('R', s.repoId),
    name: s.repo,
    full_name: `${s.owner}/${s.repo}`,
    owner: s.ownerUser,
    private: s.options.private ?? true,
    html_url: html,
    description: s.options.description ?? null,
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `git://${new URL(s.serverUrl).host}/${s.owner}/${s.repo}.git`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@${new URL(s.serverUrl).host}:${s.owner}/${s.repo}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    hooks_url: `${api}/hooks`
  }
}

/** full-repository, as GET /repos/{owner}/{repo} answers. */
export function fullRepoShape(s) {
  const created = s.options.repoCreatedAt ?? '2020-01-01T00:00:00Z'
  return {
    ...minimalRepoShape(s),
    clone_url: `${s.repoHtml}.git`,
    mirror_url: null,
    svn_url: s.repoHtml,
    homepage: null,
    language: 'TypeScript',
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    size: 1024,
    default_branch: s.defaultBranch,
    open_issues_count: s.issues.filter((i) => i.state === 'open').length,
    is_template: false,
    topics: [],
    has_issues: s.options.hasIssues ?? true,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: s.options.archived ?? false,
    disabled: false,
    visibility: (s.options.private ?? true) ? 'private' : 'public',
    pushed_at: iso(s.now()),
    created_at: created,
    updated_at: iso(s.now()),
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
    allow_rebase_merge: true,
    allow_squash_merge: true,
    allow_auto_merge: false,
    delete_branch_on_merge: false,
    allow_merge_commit: true,
    allow_forking: false,
    web_commit_signoff_required: false,
    license: null,
    forks: 0,
    open_issues: s.issues.filter((i) => i.state === 'open').length,
    watchers: 0,
    network_count: 0,
    subscribers_count: 1,
    organization: s.ownerUser.type === 'Organization' ? s.ownerUser : null
  }
}

export function labelShape(s, { name, color = 'ededed', description = null, id = s.nextId('label') }) {
  return {
    id,
    node_id: nodeId('LA', id),
    url: `${s.repoApi}/labels/${encodeURIComponent(name)}`,
    name,
    color,
    default: false,
    description
  }
}

export function reactions(url) {
  return { url: `${url}/reactions`, total_count: 0, '+1': 0, '-1': 0, laugh: 0, confused: 0, heart: 0, hooray: 0, eyes: 0, rocket: 0 }
}

/** A commit object (as in compare and GET /commits/{ref}) from the state's commit record. */
export function commitShape(s, c) {
  const person = (p) => ({ name: p.name, email: p.email, date: c.date })
  const author = c.author ?? { name: 'Octo Cat', email: 'octocat@github.com', login: 'octocat' }
  return {
    url: `${s.repoApi}/commits/${c.sha}`,
    sha: c.sha,
    node_id: nodeId('C', c.sha.slice(0, 12)),
    html_url: `${s.repoHtml}/commit/${c.sha}`,
    comments_url: `${s.repoApi}/commits/${c.sha}/comments`,
    commit: {
      url: `${s.repoApi}/git/commits/${c.sha}`,
      author: person(author),
      committer: person(author),
      message: c.message,
      comment_count: 0,
      tree: { sha: fakeSha(`tree:${c.sha}`), url: `${s.repoApi}/git/trees/${fakeSha(`tree:${c.sha}`)}` },
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null }
    },
    author: author.login ? userShape(s, author.login) : null,
    committer: author.login ? userShape(s, author.login) : null,
    parents: c.parents.map((p) => ({ sha: p, url: `${s.repoApi}/commits/${p}`, html_url: `${s.repoHtml}/commit/${p}` }))
  }
}

/** A diff-entry for compare/commit files from { filename, status, additions, deletions, patch }. */
export function fileShape(s, sha, f) {
  const additions = f.additions ?? 1
  const deletions = f.deletions ?? 0
  const path = f.filename.split('/').map(encodeURIComponent).join('/')
  return {
    sha: f.sha ?? fakeSha(`blob:${sha}:${f.filename}`),
    filename: f.filename,
    status: f.status ?? 'modified',
    additions,
    deletions,
    changes: additions + deletions,
    blob_url: `${s.repoHtml}/blob/${sha}/${path}`,
    raw_url: `${s.repoHtml}/raw/${sha}/${path}`,
    contents_url: `${s.repoApi}/contents/${path}?ref=${sha}`,
    ...(f.patch !== undefined ? { patch: f.patch } : {}),
    ...(f.previous_filename ? { previous_filename: f.previous_filename } : {})
  }
}

export function simpleCommitShape(c) {
  const author = c.author ?? { name: 'Octo Cat', email: 'octocat@github.com' }
  return {
    id: c.sha,
    tree_id: fakeSha(`tree:${c.sha}`),
    message: c.message,
    timestamp: c.date,
    author: { name: author.name, email: author.email },
    committer: { name: author.name, email: author.email }
  }
}
