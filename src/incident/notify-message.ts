// The chat message of an incident: one short line with the verdict and the issue link, for a
// Slack- or Teams-compatible incoming webhook. `&`, `<` and `>` are escaped as Slack asks, so a
// reason cannot form `<!channel>` or a link of its own.

/** What the message says. */
export interface NotifyFacts {
  readonly event: 'opened' | 'updated' | 'recovered' | 'not posted'
  readonly environment: string
  readonly version: string
  readonly result: string
  readonly severity?: string
  readonly reason: string
  readonly issueUrl?: string
  readonly issueNumber?: number
  readonly runUrl: string
}

const HEAD: Record<NotifyFacts['event'], string> = {
  opened: '🔴 Incident opened',
  updated: '🔁 Incident updated',
  recovered: '✅ Recovered',
  'not posted': '🔴 Incident (the issue could not be posted)'
}

/** Pure: the webhook body, `{ "text": ... }`, which Slack and Teams incoming webhooks both take. */
export function notifyMessage(f: NotifyFacts): { text: string } {
  const sev = f.severity ? ` [${f.severity}]` : ''
  const reason = f.reason.replace(/\s+/g, ' ').slice(0, 200)
  const where = f.issueUrl ? ` Issue #${f.issueNumber ?? ''}: ${f.issueUrl}` : f.runUrl ? ` Run: ${f.runUrl}` : ''
  const text = `${HEAD[f.event]}${sev}: ${f.environment} ${f.result} verifying ${f.version.slice(0, 80)}: ${reason}.${where}`
  return { text: text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') }
}
