import type { GitHubConnection } from '../github/connect.js'
import type { DeploymentHistory } from '../github/deployment-history.js'
import type { WorkflowFiles } from '../github/workflow-files.js'
import type { VerifyModeSettings } from '../settings/types.js'
import { findLastGood, type RollbackTarget } from '../rollback/find-last-good.js'
import { grantText, strongestPerScope, VERIFY_BASE } from '../facts/permissions.js'
import { triggerFor } from '../rollback/triggers/registry.js'
import { broken, ready, warning, type ReadinessItem } from '../facts/readiness.js'
import { fallbackTarget } from '../rollback/rollback-step.js'
import { missingPermissions, workflowFacts, type ScannedWorkflow } from '../rollback/workflow-yaml.js'
import { messageOf } from '../values/message-of.js'

// Enough for any repository's deploy workflows; every file read is one GET.
const MAX_FILES = 10

/**
 * The release a rollback would pick if the current deployment failed now: the current one is
 * the newest good deployment, the target the newest good one other than it (then the fallback).
 */
export async function wouldRollBackTo(
  gh: GitHubConnection,
  history: DeploymentHistory,
  s: VerifyModeSettings
): Promise<{ items: ReadinessItem[]; target?: RollbackTarget }> {
  const current = (await findLastGood(history, { version: '\u0000no release' })).target
  const finding = current
    ? await findLastGood(history, { version: current.version, ...(current.deploymentId !== undefined && { deploymentId: current.deploymentId }) })
    : undefined
  const now = current
    ? `the current release is ${current.version} (deployment ${current.deploymentId})`
    : `no deployment of ${s.environment} reached success yet`
  // verify never rolls back a rollback (the loop guard): say so, rather than "no earlier good release".
  const rolledBackFrom = (finding?.rollbackRecord ?? finding?.verified)?.rollback?.of
  if (current && rolledBackFrom !== undefined) {
    return {
      items: [
        warning(
          'history',
          `${now}, itself a rollback from ${rolledBackFrom}: if it failed verify now, the guard would open the incident but not roll back again (it never rolls back a rollback)`,
          'deploy a fixed release: once one passes verify, it is what a rollback redeploys'
        )
      ]
    }
  }
  const target = finding?.target ?? (await fallbackTarget(gh, s, finding ?? { recordedBad: new Set<string>() }, current?.version ?? ''))
  if (target) {
    const from = target.source === 'deployment' ? `deployment ${target.deploymentId}` : `the newest ${target.source} in semver order`
    return { items: [ready('history', `${now}; a rollback would redeploy ${target.version} (${from}, ${target.sha.slice(0, 12)})`)], target }
  }
  const fix =
    s.rollback.fallback === 'none'
      ? 'deploy a release that passes verify, or set rollback.fallback to releases or tags'
      : `deploy a release that passes verify, or publish a semver ${s.rollback.fallback === 'releases' ? 'release' : 'tag'} below the current one`
  return { items: [broken('history', `${now}; there is no earlier good release to roll back to`, fix)] }
}

/** Reads the active workflow files at the ref, at most MAX_FILES. */
export async function scanWorkflows(files: WorkflowFiles, ref: string): Promise<ScannedWorkflow[]> {
  const list = (await files.list()).filter((w) => w.state === 'active' && /\.ya?ml$/.test(w.path)).slice(0, MAX_FILES)
  const yaml = await import('yaml')
  return Promise.all(
    list.map(async (w): Promise<ScannedWorkflow> => {
      try {
        const text = await files.text(w.path, ref)
        return text === undefined ? { path: w.path, error: `not on ${ref}` } : { path: w.path, facts: workflowFacts(yaml.parse(text)) }
      } catch (e) {
        return { path: w.path, error: messageOf(e).split('\n')[0] }
      }
    })
  )
}

/** The permissions of each job that runs deploy-guard verify, against what the failure path calls. */
export function permissionItems(s: VerifyModeSettings, scanned: readonly ScannedWorkflow[]): ReadinessItem[] {
  const { needed, helpful } = neededPermissions(s)
  const jobs = scanned.flatMap((w) => (w.facts?.guardJobs ?? []).filter((j) => j.mode === 'verify' || j.mode === 'auto').map((j) => ({ ...j, path: w.path })))
  const all = [...needed, ...helpful.map((h) => h.grant)]
  if (!jobs.length) {
    return [
      warning(
        'permissions',
        'no job running deploy-guard in verify mode was found in the workflow files read',
        `give the verify job permissions: ${all.join(', ')}`
      )
    ]
  }
  return jobs.flatMap((j) => {
    const name = `job ${j.job} in ${j.path}`
    if (j.ownToken) return [warning('permissions', `${name} passes its own github-token`, `make sure that token may: ${all.join(', ')}`)]
    const missing = missingPermissions(needed, j.permissions)
    if (missing === 'unknown')
      return [
        warning(
          'permissions',
          `${name} declares no permissions: block, so it gets the repository's default token permissions (read-only unless changed)`,
          `add permissions: ${all.join(', ')}`
        )
      ]
    const lacking = helpful.filter((h) => (missingPermissions([h.grant], j.permissions) as string[]).length)
    const degraded = lacking.map((h) => warning('permissions', `${name} lacks ${h.grant}: ${h.without}`, `add \`${h.grant}\` to its permissions: block`))
    if (missing.length)
      return [
        broken('permissions', `${name} lacks ${missing.join(', ')}`, `add ${missing.map((m) => `\`${m}\``).join(', ')} to its permissions: block`),
        ...degraded
      ]
    return [ready('permissions', `${name} may ${needed.join(', ')}`), ...degraded]
  })
}

/**
 * What the failure path calls, from the one permissions table (facts/permissions.ts and the
 * trigger's grants): `needed` breaks it when missing; `helpful` only takes something away.
 */
export function neededPermissions(s: VerifyModeSettings): { needed: string[]; helpful: { grant: string; without: string }[] } {
  const base = VERIFY_BASE.filter((g) => s.incident.enabled || !g.incidentOnly)
  // In the order the failure path calls them: the ledger, the trigger, the incident.
  const ledger = base.filter((g) => g.scope === 'deployments')
  const grants = strongestPerScope([...ledger, ...triggerFor(s.rollback.strategy).permissions, ...base.filter((g) => g.scope !== 'deployments')])
  return {
    needed: grants.filter((g) => !g.without).map(grantText),
    helpful: grants.flatMap((g) => (g.without ? [{ grant: grantText(g), without: g.without }] : []))
  }
}
