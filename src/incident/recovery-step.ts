// The recovery step of runFollowUps on a passing verdict: the environment's open incident gets
// the timeline and a post-mortem template, and is closed unless configured otherwise.
import { IncidentIssues } from '../github/incidents.js'
import { RECOVERED_LABEL } from './latest-state.js'
import { renderRecovery } from './render-recovery.js'
import type { ActionTaken } from '../facts/verify-report.js'
import { runUrl } from '../settings/context.js'
import { redactorFor } from '../text/redact.js'
import type { FollowUpInput } from '../verify/follow-up-input.js'
import type { IncidentOutcome } from '../facts/outcomes.js'
import { notifyChat } from './notify-chat.js'
import { messageOf } from '../values/message-of.js'

/** Resolves the open incident of the environment, if any; never throws. */
export async function resolveIncident(input: FollowUpInput): Promise<{ outcome?: IncidentOutcome; actions: readonly ActionTaken[] }> {
  const s = input.settings
  if (!s.incident.enabled || input.result !== 'passed') return { actions: [] }
  const conn = await input.github().catch(() => undefined)
  if (!conn) return { actions: [] }
  const issues = new IncidentIssues(conn.client, conn.repo)
  const redactor = redactorFor(s.secrets)
  let outcome: IncidentOutcome | undefined
  const actions: ActionTaken[] = []
  try {
    const open = await issues.findOpen(s.environment)
    // Normally one; more only when a race left two, and both are resolved by this recovery.
    for (const i of open) {
      const closing = s.incident.closeOnRecovery
      // Left open, an incident gets one recovery comment per recovery: the label says this one
      // was told, and the next failure (latest-state.ts) takes it off.
      if (!closing && i.labels.includes(RECOVERED_LABEL)) continue
      const text = renderRecovery({
        marker: i.marker,
        environment: s.environment,
        version: s.version,
        recoveredAt: input.decidedAt,
        runUrl: runUrl(s.context),
        closing
      })
      await issues.comment(i.number, redactor.text(text))
      if (closing) await issues.close(i.number, 'completed')
      else await issues.relabel(i.number, [RECOVERED_LABEL], [])
      outcome ??= { number: i.number, url: i.url, action: 'resolved' }
      actions.push({ what: `${closing ? 'resolved and closed' : 'resolved'} incident #${i.number}`, ok: true, url: i.url })
      const chat = await notifyChat(s, redactor, {
        event: 'recovered',
        environment: s.environment,
        version: s.version,
        result: 'passed',
        reason: input.reason,
        issueUrl: i.url,
        issueNumber: i.number,
        runUrl: runUrl(s.context)
      })
      if (chat) actions.push(chat)
    }
  } catch (e) {
    const message = messageOf(e)
    input.log.warning(`Could not resolve the incident: ${message}`, { title: 'deploy-guard: incident issue' })
    actions.push({ what: 'could not resolve the open incident', ok: false, detail: message })
  }
  return { ...(outcome && { outcome }), actions }
}
