import type { ReadinessItem } from '../facts/readiness.js'
import { inline, link } from '../text/markdown.js'

/** Everything one drill run found; the JSON report file is this object. */
export interface DrillReport {
  readonly schemaVersion: 1
  readonly mode: 'drill'
  /** passed: recovery would work today; failed: an item is broken. */
  readonly result: 'passed' | 'failed'
  readonly environment: string
  readonly strategy: string
  /** The release a rollback would redeploy if the current deployment failed now. */
  readonly rollbackVersion?: string
  readonly items: readonly ReadinessItem[]
  /** Requests to GitHub, all reads (drill writes nothing). */
  readonly githubRequests: number
  readonly startedAt: string
  readonly endedAt: string
  readonly runUrl: string
}

/** Pure: ready unless an item is broken; warnings inform, they do not fail the drill. */
export function drillResult(items: readonly ReadinessItem[]): 'passed' | 'failed' {
  return items.some((i) => i.status === 'broken') ? 'failed' : 'passed'
}

const TITLES: Record<ReadinessItem['area'], string> = {
  checks: 'Checks (each sampled once)',
  history: 'Last good release',
  trigger: 'Rollback trigger',
  permissions: 'Token permissions for the failure path'
}

/** Pure: the job summary of a drill: a readiness checklist, each broken line naming what to fix; `note` names what else the trigger's check sent. */
export function renderDrill(r: DrillReport, note = ''): string {
  const title = r.result === 'passed' ? '## ✅ deploy-guard drill: ready to recover' : '## ❌ deploy-guard drill: recovery would not work today'
  const facts =
    `**Environment** \`${inline(r.environment)}\` · **strategy** \`${inline(r.strategy)}\`` +
    (r.rollbackVersion ? ` · **a rollback now would redeploy** \`${inline(r.rollbackVersion)}\`` : '')
  const sections = (Object.keys(TITLES) as ReadinessItem['area'][]).flatMap((area) => {
    const items = r.items.filter((i) => i.area === area)
    return items.length ? [`### ${TITLES[area]}`, items.map(line).join('\n')] : []
  })
  const broken = r.items.filter((i) => i.status === 'broken').length
  const tail = `Nothing was changed: drill sent ${r.githubRequests} request(s) to GitHub, all reads${note}.` + (broken ? ` **${broken} item(s) to fix.**` : '')
  const footer = r.runUrl ? `<sub>${link('workflow run', r.runUrl)} · deploy-guard drill</sub>` : ''
  return [title, facts, ...sections, tail, footer].filter(Boolean).join('\n\n') + '\n'
}

function line(i: ReadinessItem): string {
  if (i.status === 'ready') return `- [x] ${inline(i.what)}`
  const icon = i.status === 'broken' ? '❌' : '⚠️'
  return `- [ ] ${icon} ${inline(i.what)}${i.fix ? ` — **${i.status === 'broken' ? 'fix' : 'check'}:** ${inline(i.fix)}` : ''}`
}
