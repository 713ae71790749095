// `rollback: webhook`: POSTs a signed JSON rollback to Argo CD, Spinnaker or an in-house
// deployer (PRODUCT.md section 5); drill sends it a signed ping.
import { broken, ready } from '../../facts/readiness.js'
import { httpRequest } from '../../net/http-request.js'
import { urlText } from '../../text/url-text.js'
import { payloadNames } from '../rollback-plan.js'
import { attemptsText, deliverWebhook } from '../webhook.js'
import { nothingToLookFor, type RollbackTrigger } from './trigger.js'

export const webhookTrigger: RollbackTrigger<'webhook'> = {
  name: 'webhook',
  permissions: [],
  sends: true,
  usesRef: false,
  deliveryId: true,
  drillNote: ', and one signed `action: "ping"` to the webhook',
  plan: (f) => ({
    strategy: 'webhook',
    where: `POST ${urlText(f.rollback.webhook?.url ?? '', { query: false })}`,
    payload: { action: 'rollback', repository: f.repository, ...payloadNames(f) }
  }),
  async send(f, planned, { clock }) {
    if (!f.rollback.webhook) throw new Error('no webhook configured')
    // The delivery id is in the ledger: a re-run resending an unconfirmed delivery reuses it, so the receiver can drop the copy.
    const id = f.delivery
    const result = await deliverWebhook(f.rollback.webhook, JSON.stringify(planned.payload), 'rollback', {
      clock,
      request: httpRequest,
      ...(id && { uuid: () => id })
    })
    const webhook = { delivery: result.delivery, attempts: attemptsText(result) }
    if (!result.ok) throw Object.assign(new Error(`the webhook did not answer 2xx (${webhook.attempts})`), { webhook })
    return { ...planned, webhook }
  },
  // Its effect is outside GitHub: it is sent again under the delivery id in the record, so the receiver can drop a copy.
  arrived: nothingToLookFor,
  async readiness({ settings: s, clock, runUrl }) {
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
}
