// `rollback: deployment`: creates a new deployment of the good release for a deployer that acts
// on deployment events (PRODUCT.md section 5). The deployment is its own ledger record.
import { broken, ready, warning } from '../../facts/readiness.js'
import { clip } from '../../text/clip.js'
import { ledgerPayload } from '../rollback-plan.js'
import { nothingToLookFor, type RollbackTrigger } from './trigger.js'

export const deploymentTrigger: RollbackTrigger<'deployment'> = {
  name: 'deployment',
  // GITHUB_TOKEN's deployment starts no workflow run: give a PAT or App token as github-token.
  permissions: [],
  sends: true,
  usesRef: false,
  deliveryId: false,
  plan: (f) => ({
    strategy: 'deployment',
    where: `a new deployment of ${f.target.sha.slice(0, 12)} in ${f.environment}`,
    payload: {
      ref: f.target.sha,
      environment: f.environment,
      task: 'deploy',
      auto_merge: false,
      required_contexts: [...f.rollback.requiredContexts],
      production_environment: f.productionEnvironment,
      description: clip(`deploy-guard: rollback of ${f.badVersion} to ${f.target.version}`),
      payload: ledgerPayload(f)
    }
  }),
  record(f, planned) {
    const p = planned.payload as { task: string; description: string; required_contexts: string[] }
    return {
      ref: f.target.sha,
      environment: f.environment,
      task: p.task,
      description: p.description,
      payload: ledgerPayload(f),
      requiredContexts: p.required_contexts,
      productionEnvironment: f.productionEnvironment
    }
  },
  // Creating the record was the send.
  send: async (_f, planned) => planned,
  // Once the record exists the deployer has it: a claimed record is already delivered.
  arrived: nothingToLookFor,
  readiness: async () => [],
  listening(scanned) {
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
}
