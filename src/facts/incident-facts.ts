import type { RollbackOutcome } from './outcomes.js'
import type { Severity } from '../settings/incident-settings.js'

/** The severity and why, in words for the issue. */
export interface SeverityDecision {
  readonly severity: Severity
  readonly why: string
  /** The level before a failed rollback raised it. */
  readonly raisedFrom?: Severity
}

/** What the incident shows of one job's log. */
export interface LogExcerpt {
  /** The last lines, redacted, oldest first. */
  readonly tail: readonly string[]
  /** Line number (1-based) of the first tail line. */
  readonly tailStart: number
  /** Error lines and the stack frames after them, redacted, with their line numbers. */
  readonly errors: readonly { readonly line: number; readonly text: string }[]
  /** Error lines found beyond those kept. */
  readonly errorsDropped: number
  readonly totalLines: number
  readonly bytes: number
}

/** A failed or inconclusive check as the incident shows it. */
export interface IncidentCheck {
  readonly name: string
  readonly status: string
  readonly type: string
  /** What was observed: a value with its unit, or what the target answered. */
  readonly observed: string
  readonly bound: string
  readonly reason: string
  readonly tags: readonly string[]
}

/** One commit between the last good and the bad version. */
export interface ChangedCommit {
  readonly sha: string
  readonly title: string
  readonly author: string
  /** The GitHub login of the author, when GitHub knows it; named, never mentioned. */
  readonly login?: string
  readonly url: string
  /** The pull requests that brought the commit: GitHub's record (commits-to-pulls), else those the title names. */
  readonly pulls: readonly number[]
  /** Where `pulls` came from: GitHub's record, or the commit title when GitHub named none. */
  readonly pullsFrom?: 'github' | 'title'
}

/** What changed between the last good and the bad version (compare API), or why it is not known. */
export interface ChangeSet {
  readonly base?: string
  readonly head: string
  readonly compareUrl?: string
  readonly commits: readonly ChangedCommit[]
  /** Commits in the range; more than `commits` when the list was capped (the newest are listed, newest first). */
  readonly total: number
  /** The workflow's commit the range ends at instead, when `head` names no commit (a semver number without a tag). */
  readonly headFallback?: string
  /** Why the commits could not be listed (no last good release, the compare failed). */
  readonly note?: string
}

/** A job of the current run attempt, as the Actions API lists it. */
export interface RunJob {
  readonly id: number
  readonly name: string
  readonly status: string
  readonly conclusion: string | null
  readonly url: string
  readonly completedAt?: number
  /** The first step that failed, by its name in the workflow (untrusted text). */
  readonly failedStep?: string
}

/** One job of the run attempt and what its log shows. */
export interface JobLog extends RunJob {
  /** Why the log is attached: it failed, or it is the deploy job. */
  readonly role?: 'failed' | 'deploy'
  readonly excerpt?: LogExcerpt
  /** Why no log is shown: still running (the guard's own job), expired, not found, withheld. */
  readonly note?: string
}

/** Everything an incident issue says; plain data, rendered by render-incident.ts. */
export interface IncidentFacts {
  readonly environment: string
  readonly version: string
  readonly result: 'failed' | 'inconclusive'
  readonly reason: string
  /** The `deploy-result` input: `failure` when the deploy job failed and nothing was verified. */
  readonly deployResult?: string
  readonly severity: SeverityDecision
  /** Handles (users, org/team) the escalation rules notify, without the `@`. */
  readonly mentions: readonly string[]
  readonly checks: readonly IncidentCheck[]
  /** Epoch ms. deployedAt: the deploy job ended, else the window started; windowStartedAt: the verification window started. */
  readonly times: { readonly deployedAt: number; readonly detectedAt: number; readonly rollbackSentAt?: number; readonly windowStartedAt?: number }
  /** Undefined when no rollback step ran (none configured in this release). */
  readonly rollback?: RollbackOutcome
  readonly deployment?: { readonly id: number; readonly url: string; readonly state: string }
  readonly runUrl: string
  readonly runbookUrl: string
  /** The incident playbook in the action's repository, linked when no runbook-url is set. */
  readonly playbookUrl?: string
  readonly repoUrl: string
  readonly changes: ChangeSet
  readonly jobs: readonly JobLog[]
  /** Set when logs are kept out of the issue (a check tagged private, e.g. security). */
  readonly logsWithheld?: string
  /** The full logs as an artifact: a link, or why there is none. */
  readonly artifact?: { readonly url?: string; readonly note: string }
  /** Why the jobs could not be listed, when they could not. */
  readonly jobsNote?: string
}

/** What the report and the summary keep of the incident, posted or not. */
export interface IncidentReport {
  readonly action?: 'opened' | 'updated' | 'resolved'
  readonly number?: number
  readonly url?: string
  readonly severity?: Severity
  readonly title: string
  /** False when the issue could not be posted: `text` then holds everything it would have said. */
  readonly posted: boolean
  readonly text: string
  readonly error?: string
  readonly artifact?: string
}
