import { DeploymentHistory } from '../github/deployment-history.js'
import { defaultBranch } from '../github/releases.js'
import { WorkflowFiles } from '../github/workflow-files.js'
import type { ModeContext, ModeDeps, ModeResult } from '../mode/mode.js'
import { sampleOnce } from '../rollback/sample-once.js'
import { permissionItems, scanWorkflows, wouldRollBackTo } from './drill-checks.js'
import { drillResult, renderDrill, type DrillReport } from './readiness.js'
import { broken, ready, warning, type ReadinessItem } from '../facts/readiness.js'
import { triggerFor } from '../rollback/triggers/registry.js'
import type { RollbackTarget } from '../rollback/find-last-good.js'
import { runUrl } from '../settings/context.js'
import type { VerifyModeSettings } from '../settings/types.js'
import { messageOf } from '../values/message-of.js'

/**
 * drill mode (PRODUCT.md sections 1 and 5): rehearses the recovery path without side effects.
 * Every check is sampled once, the last good release is looked up, the trigger and the token's
 * permissions are checked with reads only, and a webhook gets one signed `action: "ping"`. The
 * summary is a readiness checklist; the step fails when recovery would not work today. It takes
 * verify's view, `VerifyModeSettings`: a rehearsal reads what verify, rollback and incident would.
 */
export async function run(ctx: ModeContext): Promise<ModeResult<DrillReport>> {
  const { settings: s } = ctx
  const deps: ModeDeps = ctx
  const startedAt = deps.clock.now()
  const url = runUrl(s.context)
  const items: ReadinessItem[] = await deps.log.group(`Drill: sampling ${s.verify.checks.length} check(s) once`, () => sampleChecks(s, deps))
  let target: RollbackTarget | undefined
  let requests = 0
  const gh = await deps.github()
  if (!gh) {
    items.push(
      broken(
        'history',
        'no github-token or repository: the last good release cannot be looked up',
        'run the drill with the default github-token in a repository workflow'
      )
    )
  } else {
    gh.client.hook.before('request', () => void requests++)
    const found = await attempt('history', () => wouldRollBackTo(gh, new DeploymentHistory(gh.client, gh.repo, s.environment), s))
    items.push(...found.items)
    target = found.target
    items.push(...(await attempt('trigger', () => triggerItems(s, deps, new WorkflowFiles(gh.client, gh.repo), gh, url))).items)
  }
  const report: DrillReport = {
    schemaVersion: 1,
    mode: 'drill',
    result: drillResult(items),
    environment: s.environment,
    strategy: s.rollback.strategy,
    ...(target && { rollbackVersion: target.version }),
    items,
    githubRequests: requests,
    startedAt: new Date(startedAt).toISOString(),
    endedAt: new Date(deps.clock.now()).toISOString(),
    runUrl: url
  }
  const result: ModeResult<DrillReport> = {
    report,
    summarize: (r) => renderDrill(r, triggerFor(s.rollback.strategy).drillNote),
    // result: passed (ready to recover) or failed; rollback-version: the release a rollback would redeploy.
    outputs: { result: report.result, 'rollback-version': report.rollbackVersion ?? '' },
    exitCode: report.result === 'passed' ? 0 : 1
  }
  for (const i of items.filter((x) => x.status !== 'ready')) {
    const text = `${i.what}${i.fix ? `: ${i.fix}` : ''}`
    if (i.status === 'broken') deps.log.error(text, { title: `deploy-guard drill: ${i.area}` })
    else deps.log.warning(text, { title: `deploy-guard drill: ${i.area}` })
  }
  deps.log.info(
    `deploy-guard drill: ${report.result === 'passed' ? 'ready to recover' : 'recovery would not work today'} (${requests} GitHub reads, no writes)`
  )
  return result
}

async function sampleChecks(s: VerifyModeSettings, deps: ModeDeps): Promise<ReadinessItem[]> {
  if (!s.verify.checks.length)
    return [
      broken(
        'checks',
        'no checks are configured: verify would have nothing to judge a release by',
        'set health-urls, prometheus-url with error-rate-query, or checks in the config file'
      )
    ]
  const v = await sampleOnce(s, deps.clock, deps.cancel)
  return v.checks.map((c) => {
    const sample = v.samples.find((x) => x.check === c.name)
    const detail = sample?.detail ?? c.reason
    if (c.status === 'passed') return ready('checks', `${c.name}: ${detail}`)
    if (c.status === 'failed') return warning('checks', `${c.name} answers but fails now: ${detail}`, 'the release running now would be judged bad')
    return broken(
      'checks',
      `${c.name} cannot be measured: ${detail}`,
      'fix the check (URL, query, credentials): an unmeasurable check makes verify inconclusive, which does not roll back'
    )
  })
}

async function triggerItems(
  s: VerifyModeSettings,
  deps: ModeDeps,
  files: WorkflowFiles,
  gh: NonNullable<Awaited<ReturnType<ModeDeps['github']>>>,
  url: string
): Promise<{ items: ReadinessItem[] }> {
  const trigger = triggerFor(s.rollback.strategy)
  // Nothing to send: nothing to look for in the workflows, nor a token to check.
  if (!trigger.sends) return { items: await trigger.readiness({ settings: s, clock: deps.clock, files, branch: '', runUrl: url }) }
  const branch = s.context.defaultBranch || (await defaultBranch(gh.client, gh.repo))
  const items: ReadinessItem[] = [...(await trigger.readiness({ settings: s, clock: deps.clock, files, branch, runUrl: url }))]
  const scanned = await scanWorkflows(files, branch).catch((e: unknown) => {
    items.push(warning('permissions', `the workflow files could not be read: ${messageOf(e)}`, 'give the drill job actions: read and contents: read'))
    return []
  })
  items.push(...(trigger.listening?.(scanned, branch) ?? []), ...permissionItems(s, scanned))
  return { items }
}

/** A step of the drill that failed outright becomes a broken item naming why. */
async function attempt<T extends { items: ReadinessItem[] }>(
  area: ReadinessItem['area'],
  fn: () => Promise<T>
): Promise<T | { items: ReadinessItem[]; target?: undefined }> {
  try {
    return await fn()
  } catch (e) {
    return { items: [broken(area, messageOf(e), 'see the message: it names the permission or setting to change')] }
  }
}
