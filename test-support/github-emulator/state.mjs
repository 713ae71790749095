// The emulator's in-memory store: one repository with its git refs and commits, deployments,
// statuses, issues, Actions workflows/runs/jobs and releases. Records are kept in response shape so
// tests can inspect them directly (gh.state.deployments[0].environment).
import { fakeSha, iso, labelShape, minimalRepoShape, userShape } from './shapes.mjs'

const ID_BASES = {
  deployment: 2_100_000_000,
  deploymentStatus: 5_200_000_000,
  status: 30_000_000_000,
  issue: 2_500_000_000,
  comment: 2_600_000_000,
  label: 7_000_000_000,
  workflow: 95_000_000,
  run: 12_000_000_000,
  job: 33_000_000_000,
  checkSuite: 30_500_000_000,
  release: 180_000_000,
  pull: 1_900_000_000,
  review: 2_700_000_000,
  issueEvent: 9_100_000_000,
  activity: 21_000_000_000,
  request: 0
}

export class EmulatorState {
  /**
   * @param {object} o
   * @param {string} o.owner
   * @param {string} o.repo
   * @param {string} o.defaultBranch
   * @param {string} o.apiUrl
   * @param {string} [o.serverUrl]
   * @param {string} [o.actor] login that owns the token (default github-actions[bot])
   * @param {() => (Date|number|string)} [o.now] clock
   */
  constructor(o) {
    this.options = o
    this.owner = o.owner
    this.repo = o.repo
    this.defaultBranch = o.defaultBranch
    this.apiUrl = o.apiUrl
    this.serverUrl = o.serverUrl ?? 'https://github.com'
    this.clock = o.now ?? (() => Date.now())
    this.counters = {}
    this.repoId = o.repoId ?? 710_000_000 + (parseInt(fakeSha(`${o.owner}/${o.repo}`).slice(0, 6), 16) % 1_000_000)
    this.ownerUser = userShape(this, o.owner, { type: o.ownerType ?? 'Organization' })
    this.actor = userShape(this, o.actor ?? 'github-actions[bot]')
    /** Users that can be assigned (login -> permission: admin|maintain|write|triage|read). */
    this.collaborators = new Map([['octocat', 'admin']])
    /** git data: commit records { sha, message, parents, author, date, files }. */
    this.commits = new Map()
    this.branches = new Map()
    this.tags = new Map()
    const root = this.addCommit({ message: 'Initial commit', parents: [], sha: fakeSha(`${o.owner}/${o.repo}@root`) })
    this.branches.set(o.defaultBranch, root.sha)
    this.deployments = []
    /** deployment id -> statuses, oldest first */
    this.deploymentStatuses = new Map()
    this.commitStatuses = []
    this.issues = []
    this.comments = []
    this.labels = new Map()
    this.workflows = []
    this.workflowRuns = []
    this.jobs = []
    /** job id -> plain-text log */
    this.jobLogs = new Map()
    this.releases = []
    /** Pull requests (internal records, see records-pulls.mjs); each is also in `issues`. */
    this.pulls = []
    /** team slug -> Map(login -> 'member' | 'maintainer') */
    this.teams = new Map()
    /** { issue (number), event } in creation order: labeled, unlabeled, head_ref_force_pushed (records-history.mjs). */
    this.issueEvents = []
    /** { repo ('owner/name' lower-cased), activity }: pushes with the server's time, this repository's and forks'. */
    this.activities = []
    /** Lower-cased full names of forks whose activity the emulator answers for (fork pull requests). */
    this.forks = new Set()
    /** Repository files: path -> Map(ref or '*' -> text); see seed.file. */
    this.files = new Map()
    this.repositoryDispatches = []
    this.workflowDispatches = []
    const epoch = Math.floor(this.now().getTime() / 1000)
    /** Primary rate limits; raise `used` to `limit` to make the next requests fail with 403. */
    this.rateLimit = { resource: 'core', limit: o.rateLimit ?? 5000, used: 0, reset: epoch + 3600 }
    this.searchRateLimit = { resource: 'search', limit: 30, used: 0, reset: epoch + 60 }
  }

  get repoApi() {
    return `${this.apiUrl}/repos/${this.owner}/${this.repo}`
  }

  get repoHtml() {
    return `${this.serverUrl}/${this.owner}/${this.repo}`
  }

  now() {
    return new Date(this.clock())
  }

  timestamp() {
    return iso(this.now())
  }

  nextId(kind) {
    this.counters[kind] = (this.counters[kind] ?? 0) + 1
    return (ID_BASES[kind] ?? 1_000_000) + this.counters[kind]
  }

  /** True when owner/repo (case-insensitive, as GitHub) is the emulated repository. */
  isRepo(owner, repo) {
    return owner.toLowerCase() === this.owner.toLowerCase() && repo.toLowerCase() === this.repo.toLowerCase()
  }

  user(login) {
    return userShape(this, login)
  }

  minimalRepo() {
    return minimalRepoShape(this)
  }

  /** Adds a commit record; parents default to the branch's head (a new branch starts at the default branch's). */
  addCommit({ sha, message = 'Update', parents, author, date, files = [], branch } = {}) {
    const parentList = parents ?? [this.branches.get(branch) ?? this.branches.get(this.defaultBranch)].filter(Boolean)
    const record = {
      sha: sha ?? fakeSha(`${message}:${parentList.join(',')}:${this.commits.size}`),
      message,
      parents: parentList,
      author: author ?? { name: 'Octo Cat', email: 'octocat@github.com', login: 'octocat' },
      date: date ? iso(date) : this.timestamp(),
      files
    }
    this.commits.set(record.sha, record)
    if (branch) this.branches.set(branch, record.sha)
    return record
  }

  /**
   * Resolves a ref the way the API does for deployments, statuses and compare: a 40-hex SHA (any),
   * a branch or tag name (also refs/heads/x, refs/tags/x, heads/x, tags/x), or an unambiguous SHA
   * prefix of a known commit (7+ chars). Returns the SHA or null.
   */
  resolveRef(ref) {
    if (typeof ref !== 'string' || !ref) return null
    if (/^[0-9a-f]{40}$/i.test(ref)) return ref.toLowerCase()
    const m = ref.match(/^(?:refs\/)?(heads|tags)\/(.+)$/)
    if (m) return (m[1] === 'heads' ? this.branches : this.tags).get(m[2]) ?? null
    if (this.branches.has(ref)) return this.branches.get(ref)
    if (this.tags.has(ref)) return this.tags.get(ref)
    if (/^[0-9a-f]{7,39}$/i.test(ref)) {
      const found = [...this.commits.keys()].filter((sha) => sha.startsWith(ref.toLowerCase()))
      if (found.length === 1) return found[0]
    }
    return null
  }

  /** The commit record for a SHA; unknown SHAs read as one commit on top of the default branch. */
  commit(sha) {
    const known = this.commits.get(sha)
    if (known) return known
    const head = this.branches.get(this.defaultBranch)
    return { sha, message: `Commit ${sha.slice(0, 7)}`, parents: head && head !== sha ? [head] : [], author: undefined, date: this.timestamp(), files: [] }
  }

  /** All commits reachable from sha (itself included), nearest first. */
  ancestors(sha) {
    const seen = new Map()
    const queue = [sha]
    // An index, not shift(): histories of thousands of commits (the report bench) stay linear.
    for (let i = 0; i < queue.length; i++) {
      const cur = queue[i]
      if (seen.has(cur)) continue
      const c = this.commit(cur)
      seen.set(cur, c)
      queue.push(...c.parents)
    }
    return seen
  }

  /** A file's text at a ref: the copy seeded for that ref, else the one seeded for every ref; null when absent. */
  fileAt(path, ref) {
    const copies = this.files.get(path)
    if (!copies) return null
    return copies.get(ref) ?? copies.get('*') ?? null
  }

  findDeployment(id) {
    return this.deployments.find((d) => d.id === Number(id)) ?? null
  }

  statusesOf(deploymentId) {
    let list = this.deploymentStatuses.get(deploymentId)
    if (!list) this.deploymentStatuses.set(deploymentId, (list = []))
    return list
  }

  nextIssueNumber() {
    this.counters.issueNumber = (this.counters.issueNumber ?? 0) + 1
    return this.counters.issueNumber
  }

  findIssue(number) {
    return this.issues.find((i) => i.number === Number(number)) ?? null
  }

  /** The existing label with that name (case-insensitive), else a new one. */
  label(name, fields = {}) {
    const key = name.toLowerCase()
    if (!this.labels.has(key)) this.labels.set(key, labelShape(this, { name, ...fields }))
    return this.labels.get(key)
  }

  findPull(number) {
    return this.pulls.find((p) => p.number === Number(number)) ?? null
  }

  findWorkflow(idOrFile) {
    return this.workflows.find((w) => String(w.id) === String(idOrFile) || w.path === idOrFile || w.path.split('/').pop() === idOrFile) ?? null
  }

  findRun(id) {
    return this.workflowRuns.find((r) => r.id === Number(id)) ?? null
  }

  findJob(id) {
    return this.jobs.find((j) => j.id === Number(id)) ?? null
  }

  /** Sorted copy, newest first (created_at, then id), as most GitHub lists are. */
  newestFirst(list) {
    return [...list].sort((a, b) => (b.created_at ?? '').localeCompare(a.created_at ?? '') || b.id - a.id)
  }
}
