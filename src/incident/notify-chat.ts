import { httpRequest } from '../net/http-request.js'
import type { ActionTaken } from '../facts/verify-report.js'
import type { VerifyModeSettings } from '../settings/types.js'
import { notifyMessage, type NotifyFacts } from './notify-message.js'
import type { Redactor } from '../text/redact.js'
import { messageOf } from '../values/message-of.js'

/**
 * Tells the configured chat webhook; undefined when none is configured. A failure is reported
 * as an action and never thrown: a chat outage must not fail the guard or lose the incident.
 */
export async function notifyChat(s: VerifyModeSettings, redactor: Redactor, f: NotifyFacts): Promise<ActionTaken | undefined> {
  const url = s.incident.webhookUrl
  if (!url) return undefined
  const body = JSON.stringify(redactor.value(notifyMessage(f)))
  try {
    const res = await httpRequest({
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      timeoutMs: 10_000,
      maxBodyBytes: 16 * 1024,
      maxRedirects: 0
    })
    if (res.status >= 200 && res.status < 300) return { what: `notified the chat webhook (${f.event})`, ok: true }
    return { what: 'could not notify the chat webhook', ok: false, detail: `it answered ${res.status}; the incident is not affected` }
  } catch (e) {
    return { what: 'could not notify the chat webhook', ok: false, detail: `${messageOf(e)}; the incident is not affected` }
  }
}
