// `rollback: repository-dispatch`: sends the repository_dispatch event deployers listen for (PRODUCT.md section 5).
import { grantText } from '../../facts/permissions.js'
import { ready, warning } from '../../facts/readiness.js'
import { repositoryDispatch, repositoryDispatchRunSince } from '../../github/rollback-triggers.js'
import { payloadNames } from '../rollback-plan.js'
import type { RollbackTrigger } from './trigger.js'

/** The repository_dispatch event type deployers listen for (PRODUCT.md section 5). */
export const DISPATCH_EVENT = 'deploy-guard-rollback'

const PERMISSIONS = [{ scope: 'contents', level: 'write', why: 'send the repository_dispatch rollback event (write includes read)' }] as const

export const repositoryDispatchTrigger: RollbackTrigger<'repository-dispatch'> = {
  name: 'repository-dispatch',
  permissions: PERMISSIONS,
  sends: true,
  usesRef: false,
  deliveryId: false,
  plan: (f) => ({
    strategy: 'repository-dispatch',
    where: `repository_dispatch event ${DISPATCH_EVENT} in ${f.repository}`,
    payload: { event_type: DISPATCH_EVENT, client_payload: payloadNames(f) }
  }),
  async send(_f, planned, { gh }) {
    const payload = (planned.payload as { client_payload: Record<string, unknown> }).client_payload
    await repositoryDispatch(gh.client, gh.repo, DISPATCH_EVENT, payload, grantText(PERMISSIONS[0]))
    return planned
  },
  async arrived(gh, _r, _ref, since) {
    const run = await repositoryDispatchRunSince(gh.client, gh.repo, since)
    return run && `repository_dispatch run ${run.id}`
  },
  readiness: async () => [],
  listening(scanned, ref) {
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
}
