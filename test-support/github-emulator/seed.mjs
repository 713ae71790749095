// gh.seed.*: pre-populates the emulator's state (history that exists before the action runs).
// Every helper returns the created record, in response shape.
import { fakeSha } from './shapes.mjs'
import { newComment, newCommitStatus, newDeployment, newDeploymentStatus, newIssue, newRelease } from './records.mjs'
import { newJob, newWorkflow, newWorkflowRun } from './records-actions.mjs'
import { newPullRequest, newReview } from './records-pulls.mjs'
import { changeLabel, newActivity, newIssueEvent, pushToPull } from './records-history.mjs'

export function createSeed(s) {
  const issueOrThrow = (number, helper) => {
    const issue = s.findIssue(number)
    if (!issue) throw new Error(`seed.${helper}: no issue or pull request #${number}`)
    return issue
  }
  const seed = {
    /** A commit: { sha?, message, parents?, branch?, author?: { name, email, login }, date?, files?: [{ filename, status, additions, deletions, patch }] }. With `branch`, the branch moves to it. */
    commit(o = {}) {
      return s.addCommit(o)
    },

    /** A branch at `sha` (default: a new commit on top of the default branch). Returns the SHA. */
    branch({ name, sha }) {
      const at = sha ?? s.addCommit({ message: `Work on ${name}` }).sha
      s.branches.set(name, at)
      return at
    },

    /** A lightweight tag at `sha` (default: the default branch head). Returns the SHA. */
    tag({ name, sha }) {
      const at = sha ?? s.branches.get(s.defaultBranch)
      s.tags.set(name, at)
      return at
    },

    /**
     * A deployment with its statuses (oldest first), e.g.
     * { sha, ref, environment: 'production', statuses: ['in_progress', 'success'], created_at }.
     * A status can be a state or { state, description, log_url, environment_url, created_at }.
     */
    deployment(o = {}) {
      const sha = o.sha ?? (o.ref ? s.resolveRef(o.ref) : null) ?? fakeSha(`deployment:${s.deployments.length}`)
      const dep = newDeployment(s, { ...o, sha, ref: o.ref ?? sha })
      for (const st of o.statuses ?? []) {
        const fields = typeof st === 'string' ? { state: st } : st
        newDeploymentStatus(s, dep, { created_at: o.created_at, ...fields })
      }
      return dep
    },

    /** A status on an existing deployment (object or id). */
    deploymentStatus(deployment, o) {
      const dep = typeof deployment === 'object' ? deployment : s.findDeployment(deployment)
      if (!dep) throw new Error(`seed.deploymentStatus: no deployment ${deployment}`)
      return newDeploymentStatus(s, dep, typeof o === 'string' ? { state: o } : o)
    },

    /** A commit status: { sha or ref, state, context, description, target_url, created_at }. */
    commitStatus(o) {
      const sha = o.sha ?? s.resolveRef(o.ref ?? s.defaultBranch)
      if (!sha) throw new Error(`seed.commitStatus: cannot resolve ${o.ref}`)
      return newCommitStatus(s, sha, o)
    },

    /** An issue: { title, body, labels, state, state_reason, assignees, user, created_at, comments: ['text', { body, user }] }. */
    issue(o = {}) {
      const issue = newIssue(s, { title: 'Issue', ...o })
      for (const c of o.comments ?? []) newComment(s, issue, typeof c === 'string' ? { body: c } : c)
      return issue
    },

    /** A comment: { issue_number, body, user, created_at }. */
    comment(o) {
      const issue = s.findIssue(o.issue_number)
      if (!issue) throw new Error(`seed.comment: no issue #${o.issue_number}`)
      return newComment(s, issue, o)
    },

    /** A repository label: { name, color, description }. */
    label(o) {
      return s.label(o.name, { color: o.color ?? 'ededed', description: o.description ?? null })
    },

    /** A user who may be assigned issues: { login, permission: admin|maintain|write|triage|read }. */
    collaborator({ login, permission = 'write' }) {
      s.collaborators.set(login, permission)
      return s.user(login)
    },

    /** A workflow: { path or file ('deploy.yml'), name, id, dispatchable (true), inputs: { name: { required } }, content (its YAML, served by get-content) }. */
    workflow(o = {}) {
      const wf = newWorkflow(s, o)
      if (o.content !== undefined) seed.file({ path: wf.path, content: o.content })
      return wf
    },

    /** A file in the repository, served by GET /repos/{o}/{r}/contents/{path}: { path, content, ref } (ref: a branch, tag or SHA; default every ref). */
    file({ path, content, ref = '*' }) {
      if (!s.files.has(path)) s.files.set(path, new Map())
      s.files.get(path).set(ref, content)
      return path
    },

    /**
     * A workflow run: { workflow_id or path, head_sha, head_branch, event, status, conclusion,
     * created_at, run_attempt, jobs: [{ name, conclusion, log }] }.
     */
    workflowRun(o = {}) {
      const run = newWorkflowRun(s, o)
      for (const j of o.jobs ?? []) newJob(s, run, j)
      return run
    },

    /** A job (with its log text): { run_id, name, status, conclusion, log, steps, started_at }. A run is created when run_id is unknown. */
    job(o = {}) {
      const run = (o.run_id && s.findRun(o.run_id)) || seed.workflowRun({ id: o.run_id, conclusion: o.conclusion })
      return newJob(s, run, o)
    },

    /**
     * A pull request (also an issue): { title, body, head: 'branch' | { ref, sha }, base, user, labels,
     * draft, state, merged, files, reviews: [{ user, state: 'APPROVED', body, submitted_at }] }.
     * Files default to those of the head's commits that base lacks. Returns the internal record.
     */
    pullRequest(o = {}) {
      return newPullRequest(s, o)
    },

    /** A review on a seeded pull request: { user, state, body, submitted_at, commit_id }. */
    review(pullNumber, o = {}) {
      const pr = s.findPull(pullNumber)
      if (!pr) throw new Error(`seed.review: no pull request #${pullNumber}`)
      return newReview(s, pr, o)
    },

    /** A label added to an issue or PR, with its labeled event: { issue_number, label, actor (login), created_at, app (slug of an acting GitHub App) }. */
    labeled(o) {
      return changeLabel(s, issueOrThrow(o.issue_number, 'labeled'), o)
    },

    /** A label removed from an issue or PR, with its unlabeled event: { issue_number, label, actor, created_at, app }. */
    unlabeled(o) {
      return changeLabel(s, issueOrThrow(o.issue_number, 'unlabeled'), { ...o, remove: true })
    },

    /** Any other issue event: { issue_number, event, actor, created_at, commit_id, label }. */
    issueEvent(o) {
      return newIssueEvent(s, issueOrThrow(o.issue_number, 'issueEvent'), o)
    },

    /**
     * A push to a pull request's head branch at `at` (the activity record's time): { pull_number,
     * sha, force, actor, at, files, commitDate (the commit's own, client-set date) }. Returns the commit.
     */
    push(o) {
      const pr = s.findPull(o.pull_number)
      if (!pr) throw new Error(`seed.push: no pull request #${o.pull_number}`)
      return pushToPull(s, pr, o)
    },

    /** A repository activity record: { repo ('owner/name'), ref, before, after, activity_type, actor, timestamp }. */
    activity(o) {
      return newActivity(s, o)
    },

    /** A member of an org team: { team (slug), login, role: 'member' | 'maintainer' }. */
    teamMember({ team, login, role = 'member' }) {
      if (!s.teams.has(team)) s.teams.set(team, new Map())
      s.teams.get(team).set(login, role)
      return s.user(login)
    },

    /** A release (and its tag): { tag_name, name, body, draft, prerelease, target_commitish, created_at }. */
    release(o) {
      return newRelease(s, o)
    }
  }
  return seed
}
