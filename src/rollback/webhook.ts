import { createHmac, randomUUID } from 'node:crypto'
import type { Clock } from '../engine/clock.js'
import type { HttpRequest, HttpResponse } from '../net/http-request.js'
import type { WebhookSettings } from '../settings/trigger-sections.js'
import { messageOf } from '../values/message-of.js'

/** Header names deployers rely on (PRODUCT.md section 5). */
export const SIGNATURE_HEADER = 'X-Deploy-Guard-Signature-256'
export const DELIVERY_HEADER = 'X-Deploy-Guard-Delivery'
export const EVENT_HEADER = 'X-Deploy-Guard-Event'

/** Pure: `sha256=<hex HMAC-SHA256 of the exact body bytes>`, the scheme of GitHub's X-Hub-Signature-256. */
export function signature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`
}

/** One attempt of a delivery, as the report shows it. */
export interface WebhookAttempt {
  readonly status?: number
  readonly error?: string
  readonly ms: number
}

/** How a delivery went: every attempt carried the same delivery id, body and signature. */
export interface WebhookResult {
  readonly ok: boolean
  readonly delivery: string
  readonly attempts: readonly WebhookAttempt[]
  /** The first bytes of the last answer, for the report. */
  readonly answer?: string
}

export interface WebhookDeps {
  readonly clock: Clock
  readonly request: (r: HttpRequest) => Promise<HttpResponse>
  readonly uuid?: () => string
}

const PER_ATTEMPT_MS = 10_000
const BACKOFF_MS = [1000, 2000, 4000, 8000]

/**
 * POSTs the JSON body, signed, until a 2xx answers: at most `attempts` tries, all within
 * `totalTimeoutMs`, backing off between them. The delivery id is the same on every retry so the
 * receiver can drop duplicates. A redirect is not followed (the signature and any credentials
 * in the URL stay with the configured receiver); it counts as a failed attempt.
 */
export async function deliverWebhook(w: WebhookSettings, body: string, event: 'rollback' | 'ping', deps: WebhookDeps): Promise<WebhookResult> {
  const delivery = (deps.uuid ?? randomUUID)()
  const headers = {
    'content-type': 'application/json',
    [SIGNATURE_HEADER]: signature(body, w.secret),
    [DELIVERY_HEADER]: delivery,
    [EVENT_HEADER]: event
  }
  const deadline = deps.clock.now() + w.totalTimeoutMs
  const attempts: WebhookAttempt[] = []
  let answer: string | undefined
  for (let i = 0; i < w.attempts; i++) {
    const left = deadline - deps.clock.now()
    if (left <= 0) break
    const started = deps.clock.now()
    try {
      const res = await deps.request({
        url: w.url,
        method: 'POST',
        headers,
        body,
        timeoutMs: Math.min(PER_ATTEMPT_MS, left),
        maxBodyBytes: 4096,
        maxRedirects: 0
      })
      answer = res.body.slice(0, 200)
      attempts.push({ status: res.status, ms: deps.clock.now() - started })
      if (res.status >= 200 && res.status < 300) return { ok: true, delivery, attempts, answer }
    } catch (e) {
      attempts.push({ error: messageOf(e), ms: deps.clock.now() - started })
    }
    const pause = BACKOFF_MS[Math.min(i, BACKOFF_MS.length - 1)]
    if (i + 1 < w.attempts && deadline - deps.clock.now() > pause) await deps.clock.sleep(pause)
    else if (i + 1 < w.attempts) break
  }
  return { ok: false, delivery, attempts, ...(answer !== undefined && { answer }) }
}

/** Pure: one line per attempt, e.g. `500 after 12 ms; 200 after 8 ms`. */
export function attemptsText(r: WebhookResult): string {
  return r.attempts.map((a) => `${a.status ?? a.error ?? '?'} after ${Math.round(a.ms)} ms`).join('; ')
}
