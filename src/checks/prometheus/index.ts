import { fmt } from '../bounds.js'
import { describeMetric } from '../metric-description.js'
import type { Provider } from '../types.js'
import { prometheusCheck } from './config.js'
import { prometheusProbe } from './prometheus-probe.js'
import type { PrometheusCheck } from './spec.js'

/** `prometheus`: an instant query bounded by min and/or max, optionally against its pre-deploy baseline. */
export const prometheusProvider: Provider<PrometheusCheck> = {
  type: 'prometheus',
  fromConfig: prometheusCheck,
  probe: prometheusProbe,
  describe: (c) => describeMetric(c.query, c, c.baseline ? `; baseline +${fmt(c.baseline.maxIncrease * 100)}%` : '')
}
