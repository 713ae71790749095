import { checkFromConfig, type CheckSpec } from '../checks/registry.js'
import type { CheckDefaults, ConfigEntry } from '../checks/config-helpers.js'

export { checkUrl, type CheckDefaults } from '../checks/config-helpers.js'

/** Turns the schema-valid `checks` list of the config file into typed checks, each by its provider. */
export function checksFromConfig(entries: readonly ConfigEntry[], d: CheckDefaults): CheckSpec[] {
  return entries.map((entry, i) => checkFromConfig(entry, `${d.where}checks[${i}]`, d))
}
