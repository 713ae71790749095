import type { TaggedRelease } from '../facts/releases.js'
import semver from 'semver'
import type { PastDeployment, PastStatus } from '../github/deployment-history.js'

/** What one deployment's statuses say about its release. */
export interface DeploymentJudgement {
  /** Reached `success` (GitHub's later `inactive` still counts), and the guard never failed it. */
  readonly good: boolean
  /** deploy-guard set it to `failure`: its version is recorded bad. */
  readonly guardFailed: boolean
}

/** Status descriptions deploy-guard writes start with this (verify/verify-mode.ts). */
const GUARD = /^deploy-guard\b/

/**
 * Pure: judges a deployment by its statuses. GitHub marks older deployments `inactive` when a
 * newer one succeeds (auto_inactive), and only ever after a success: an `inactive` with no
 * failure or error is a release that was good once, even when its success status is not listed.
 */
export function judge(statuses: readonly PastStatus[], o: { readonly ledgerRecord?: boolean } = {}): DeploymentJudgement {
  const guardFailed = statuses.some((s) => s.state === 'failure' && GUARD.test(s.description))
  const succeeded = statuses.some((s) => s.state === 'success')
  // A rollback record the guard set `inactive` (a duplicate, or superseded) never ran: only its deployer's `success` counts.
  const retired = !o.ledgerRecord && statuses.some((s) => s.state === 'inactive') && !statuses.some((s) => s.state === 'failure' || s.state === 'error')
  return { guardFailed, good: !guardFailed && (succeeded || retired) }
}

/**
 * Pure: the version a rollback to this deployment sends. deploy-guard's own deployments carry
 * it in the payload; another tool's deployment of a tag (v1.2.3, refs/tags/x) sends the tag;
 * anything else sends the SHA, since a branch name such as `main` has moved on since.
 */
export function versionOfDeployment(d: PastDeployment): string {
  if (d.version) return d.version
  const tag = /^refs\/tags\/(.+)$/.exec(d.ref)?.[1]
  if (tag) return tag
  return semver.valid(d.ref) ? d.ref : d.sha
}

/** Pure: one key for a version as users write it: `v1.2.3`, `1.2.3` and `=1.2.3` are the same release; SHAs lower-cased. */
export function versionKey(v: string): string {
  const parsed = semver.valid(v)
  if (parsed) return `semver:${parsed}`
  return /^[0-9a-f]{40}$/i.test(v) ? v.toLowerCase() : v
}

/** Pure: every key by which a deployment names its release: version, SHA, and a tag ref (never a branch, which moves). */
export function deploymentKeys(d: PastDeployment): string[] {
  return [...new Set([d.version, d.sha, versionOfDeployment(d)].filter((x): x is string => !!x).map(versionKey))]
}

/**
 * Pure: the fallback target among releases or tags: semver order (build metadata does not
 * order, `v` prefixes are read), drafts, prereleases and non-semver names excluded, never the
 * bad version nor one recorded bad, and, when the bad version is semver itself, only releases
 * below it: a rollback goes back, not forward to something never deployed.
 */
export function pickRelease(releases: readonly TaggedRelease[], badVersion: string, recordedBad: ReadonlySet<string>): TaggedRelease | undefined {
  const bad = semver.valid(badVersion)
  const usable = releases.filter((r) => {
    const v = semver.parse(r.tag)
    if (!v || r.draft || r.prerelease || v.prerelease.length) return false
    if (recordedBad.has(versionKey(r.tag)) || (r.sha && recordedBad.has(versionKey(r.sha)))) return false
    return !bad || semver.lt(v, bad)
  })
  // semver.rcompare ignores build metadata: among equals, the API's order (newest first) stands.
  return [...usable].sort((a, b) => semver.rcompare(a.tag, b.tag))[0]
}
