import type { BaselineSpec } from './prometheus/spec.js'
import { fmt } from './bounds.js'

/**
 * Pure: the relative-regression rule. Allowed = max(baseline x (1 + max-increase), floor);
 * the floor keeps a zero baseline from turning any new error rate into an infinite increase
 * (or hiding one). The formula is printed in the summary.
 */
export function judgeBaseline(current: number, baseline: number, spec: BaselineSpec): { ok: boolean; allowed: number; formula: string } {
  const relative = baseline * (1 + spec.maxIncrease)
  const allowed = Math.max(relative, spec.floor)
  const formula = `allowed = max(${fmt(baseline)} x (1 + ${fmt(spec.maxIncrease)}) = ${fmt(relative)}, floor ${fmt(spec.floor)}) = ${fmt(allowed)}`
  return { ok: current <= allowed, allowed, formula }
}
