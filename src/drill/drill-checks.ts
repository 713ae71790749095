import type { GitHubConnection } from '../github/connect.js'
import type { DeploymentHistory } from '../github/deployment-history.js'
import type { WorkflowFiles } from '../github/workflow-files.js'
import { httpRequest } from '../net/http-request.js'
import type { Clock } from '../engine/clock.js'
import type { Settings } from '../settings/types.js'
import { findLastGood, type RollbackTarget } from '../rollback/find-last-good.js'
import { DISPATCH_EVENT } from '../rollback/rollback-plan.js'
import { broken, ready, warning, type ReadinessItem } from './readiness.js'
import { fallbackTarget } from '../rollback/rollback-step.js'
import { attemptsText, deliverWebhook } from '../rollback/webhook.js'
import { missingPermissions, workflowFacts, type WorkflowFacts } from '../rollback/workflow-yaml.js'
import { messageOf } from '../values/message-of.js'

const message = (e: unknown): string => messageOf(e)
// Enough for any repository's deploy workflows; every file read is one GET.
const MAX_FILES = 10

/** A workflow file read at a ref, with its facts; `error` when it could not be read or parsed. */
export interface ScannedWorkflow {
  readonly path: string
  readonly facts?: WorkflowFacts
  readonly error?: string
}

/**
 * The release a rollback would pick if the current deployment failed now: the current one is
 * the newest good deployment, the target the newest good one other than it (then the fallback).
 */
export async function wouldRollBackTo(
  gh: GitHubConnection,
  history: DeploymentHistory,
  s: Settings
): Promise<{ items: ReadinessItem[]; target?: RollbackTarget }> {
  const current = (await findLastGood(history, { version: '\u0000no release' })).target
  const finding = current
    ? await findLastGood(history, { version: current.version, ...(current.deploymentId !== undefined && { deploymentId: current.deploymentId }) })
    : undefined
  const target = finding?.target ?? (await fallbackTarget(gh, s, finding ?? { recordedBad: new Set<string>() }, current?.version ?? ''))
  const now = current
    ? `the current release is ${current.version} (deployment ${current.deploymentId})`
    : `no deployment of ${s.environment} reached success yet`
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

/** The rollback workflow exists, is active, and declares the version input on the rollback ref. */
export async function checkWorkflowTrigger(files: WorkflowFiles, s: Settings, ref: string): Promise<ReadinessItem[]> {
  const r = s.rollback
  const wf = await files.workflow(r.workflow)
  if (!wf) return [broken('trigger', `no workflow ${r.workflow} in the repository`, 'check rollback-workflow (the file name under .github/workflows/)')]
  if (wf.state !== 'active') return [broken('trigger', `workflow ${r.workflow} is ${wf.state}`, `enable it (gh workflow enable ${r.workflow})`)]
  const text = await files.text(wf.path, ref)
  if (text === undefined)
    return [
      broken(
        'trigger',
        `${wf.path} does not exist on ${ref} (or the drill's token lacks contents: read)`,
        'set rollback-ref to a branch or tag that has the workflow'
      )
    ]
  let facts: WorkflowFacts
  try {
    facts = workflowFacts((await import('yaml')).parse(text))
  } catch (e) {
    return [broken('trigger', `${wf.path} on ${ref} is not valid YAML: ${message(e).split('\n')[0]}`, 'fix the workflow file')]
  }
  if (!facts.dispatchInputs)
    return [broken('trigger', `${wf.path} on ${ref} has no on: workflow_dispatch trigger`, `add on: workflow_dispatch with the input ${r.workflowInput}`)]
  if (!(r.workflowInput in facts.dispatchInputs)) {
    return [
      broken(
        'trigger',
        `${wf.path} on ${ref} declares no workflow_dispatch input ${r.workflowInput}`,
        `add inputs: { ${r.workflowInput}: { required: true } } under on.workflow_dispatch, or set rollback.workflow-input`
      )
    ]
  }
  const others = Object.entries(facts.dispatchInputs)
    .filter(([k, v]) => k !== r.workflowInput && v.required && !v.hasDefault)
    .map(([k]) => k)
  if (others.length)
    return [
      broken(
        'trigger',
        `${wf.path} on ${ref} requires input(s) ${others.join(', ')}, which the rollback does not send`,
        'give them a default or make them optional'
      )
    ]
  return [ready('trigger', `workflow ${wf.path} on ${ref} can be dispatched with input ${r.workflowInput}`)]
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
        return { path: w.path, error: message(e).split('\n')[0] }
      }
    })
  )
}

/** For repository-dispatch and deployment: which workflow would run on the event. */
export function listenerItems(s: Settings, scanned: readonly ScannedWorkflow[], ref: string): ReadinessItem[] {
  if (s.rollback.strategy === 'repository-dispatch') {
    const hit = scanned.find((w) => {
      const t = w.facts?.repositoryDispatch
      return t === 'all' || t?.includes(DISPATCH_EVENT)
    })
    return hit
      ? [ready('trigger', `${hit.path} on ${ref} runs on repository_dispatch ${DISPATCH_EVENT}`)]
      : [
          warning(
            'trigger',
            `no workflow on ${ref} listens to repository_dispatch ${DISPATCH_EVENT}`,
            `add on: repository_dispatch: { types: [${DISPATCH_EVENT}] } to the deploy workflow, unless a deployer outside Actions receives it`
          )
        ]
  }
  if (s.rollback.strategy !== 'deployment') return []
  const hit = scanned.find((w) => w.facts?.onDeployment)
  const items = [
    hit
      ? ready('trigger', `${hit.path} runs on deployment events`)
      : warning(
          'trigger',
          'no workflow listens to deployment events',
          'a deployer outside Actions must act on them, or add on: deployment to the deploy workflow'
        )
  ]
  const defaultToken = scanned.flatMap((w) => w.facts?.guardJobs ?? []).some((j) => !j.ownToken && (j.mode === 'verify' || j.mode === 'auto'))
  if (hit && defaultToken) {
    items.push(
      broken(
        'trigger',
        "the verify step uses the workflow's GITHUB_TOKEN: a deployment it creates starts no workflow run",
        'pass a PAT or GitHub App token as github-token to the verify step'
      )
    )
  }
  return items
}

/** The permissions of each job that runs deploy-guard verify, against what the failure path calls. */
export function permissionItems(s: Settings, scanned: readonly ScannedWorkflow[]): ReadinessItem[] {
  const needed = neededPermissions(s)
  const jobs = scanned.flatMap((w) => (w.facts?.guardJobs ?? []).filter((j) => j.mode === 'verify' || j.mode === 'auto').map((j) => ({ ...j, path: w.path })))
  if (!jobs.length) {
    return [
      warning(
        'permissions',
        'no job running deploy-guard in verify mode was found in the workflow files read',
        `give the verify job permissions: ${needed.join(', ')}`
      )
    ]
  }
  return jobs.map((j) => {
    const name = `job ${j.job} in ${j.path}`
    if (j.ownToken) return warning('permissions', `${name} passes its own github-token`, `make sure that token may: ${needed.join(', ')}`)
    const missing = missingPermissions(needed, j.permissions)
    if (missing === 'unknown')
      return warning(
        'permissions',
        `${name} declares no permissions: block, so it gets the repository's default token permissions (read-only unless changed)`,
        `add permissions: ${needed.join(', ')}`
      )
    if (missing.length)
      return broken('permissions', `${name} lacks ${missing.join(', ')}`, `add ${missing.map((m) => `\`${m}\``).join(', ')} to its permissions: block`)
    return ready('permissions', `${name} may ${needed.join(', ')}`)
  })
}

/** What the failure path calls: the ledger, the trigger, the incident issue. */
export function neededPermissions(s: Settings): string[] {
  const out = ['deployments: write']
  if (s.rollback.strategy === 'workflow') out.push('actions: write')
  if (s.rollback.strategy === 'repository-dispatch') out.push('contents: write')
  if (s.incident.enabled) out.push('issues: write')
  return out
}

/** The webhook answers a signed `action: "ping"`, which deployers must ignore. */
export async function pingWebhook(s: Settings, clock: Clock, runUrl: string): Promise<ReadinessItem[]> {
  const w = s.rollback.webhook
  if (!w) return []
  const c = s.context
  const body = JSON.stringify({
    action: 'ping',
    repository: c.repository ? `${c.repository.owner}/${c.repository.repo}` : '',
    environment: s.environment,
    run_url: runUrl
  })
  const result = await deliverWebhook(w, body, 'ping', { clock, request: httpRequest })
  return result.ok
    ? [ready('trigger', `the webhook answered a signed ping (delivery ${result.delivery}: ${attemptsText(result)})`)]
    : [
        broken(
          'trigger',
          `the webhook did not answer a signed ping with 2xx (${attemptsText(result)})`,
          'check rollback.webhook.url and that the receiver verifies X-Deploy-Guard-Signature-256 with rollback.webhook.secret and answers 2xx to action "ping"'
        )
      ]
}
