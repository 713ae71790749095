// The recovery comment: the timeline of the incident with its figures, and a post-mortem
// template the team fills in (PRODUCT.md section 6).
import type { IncidentMarker } from '../facts/incident-marker.js'
import { span, utc } from './times.js'
import { code } from './untrusted.js'

/** What the passing verification adds to the incident's first failure. */
export interface RecoveryFacts {
  readonly marker: IncidentMarker
  readonly environment: string
  /** The version that passed. */
  readonly version: string
  /** Epoch ms the passing verdict was known. */
  readonly recoveredAt: number
  readonly runUrl: string
  readonly closing: boolean
}

/** The figures of an incident, in ms; time to restore runs from detection to recovery. */
export function recoveryFigures(m: IncidentMarker, recoveredAt: number): { timeToDetect: number; timeToRestore: number; impact: number } {
  return { timeToDetect: m.detectedAt - m.deployedAt, timeToRestore: recoveredAt - m.detectedAt, impact: recoveredAt - m.deployedAt }
}

/** Pure: the recovery comment in markdown. */
export function renderRecovery(f: RecoveryFacts): string {
  const m = f.marker
  const figures = recoveryFigures(m, f.recoveredAt)
  const rows = [
    ['deployed', `${code(m.version, { max: 80 })} deployed`, m.deployedAt],
    ['detected', 'deploy-guard detected the failure', m.detectedAt],
    ...(m.rollbackSentAt !== undefined ? [['rolled back', 'rollback sent', m.rollbackSentAt] as const] : []),
    ['recovered', `${code(f.version, { max: 80 })} passed verification`, f.recoveredAt]
  ] as const
  const table = [
    '| event | what | when | since deployed |',
    '| --- | --- | --- | --- |',
    ...rows.map(([e, what, at]) => `| ${e} | ${what} | ${utc(at)} | ${span(at - m.deployedAt)} |`)
  ]
  const run = f.runUrl ? ` ([verification run](${f.runUrl}))` : ''
  return [
    `### ✅ Recovered: ${code(f.environment)} passed verification${run}`,
    `**Time to detect** ${span(figures.timeToDetect)} · **time to restore** ${span(figures.timeToRestore)} (detected to recovered) · **impact** ${span(figures.impact)} (deployed to recovered)`,
    '#### Timeline',
    table.join('\n'),
    '#### Post-mortem',
    'Copy this into the post-mortem document or fill it in here.',
    POSTMORTEM,
    f.closing
      ? '_Closing: the environment verified healthy. Reopen if the problem comes back._'
      : '_Left open (`incident.close-on-recovery: false`): close it when the post-mortem is done._'
  ].join('\n\n')
}

// Every list holds a placeholder item: an empty `- ` under a line would make that line a
// setext heading in GFM, and an empty `- [ ] ` renders as literal text, not a task.
const POSTMORTEM = [
  '**Summary**: what happened, in two sentences.',
  '',
  '**Impact**: who was affected, how, and for how long (see the figures above).',
  '',
  '**Root cause**: the change or condition behind it, and why it was not caught earlier.',
  '',
  '**What went well**:',
  '',
  '- what helped: detection, the rollback, the first screen of this issue, communication',
  '',
  '**What went wrong**:',
  '',
  '- what slowed the response or made it worse',
  '',
  '**Action items** (owner, due date):',
  '',
  '- [ ] a change that prevents a repeat or shortens the next one (owner, due date)'
].join('\n')
