// `rollback: none` (and `auto` without a workflow): nothing is sent; verify still records,
// reports and opens the incident, and drill says a bad release would not be rolled back.
import { broken } from '../../facts/readiness.js'
import { nothingToLookFor, type RollbackTrigger } from './trigger.js'

const nothing = (): never => {
  throw new Error('rollback: none sends nothing')
}

export const noTrigger: RollbackTrigger<'none'> = {
  name: 'none',
  permissions: [],
  sends: false,
  usesRef: false,
  deliveryId: false,
  plan: nothing,
  send: nothing,
  arrived: nothingToLookFor,
  readiness: async () => [
    broken(
      'trigger',
      'no rollback strategy is configured: a bad release would not be rolled back',
      'set rollback-workflow (or rollback.strategy with its settings)'
    )
  ]
}
