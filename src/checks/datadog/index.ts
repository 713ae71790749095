import { describeMetric } from '../metric-description.js'
import type { Provider } from '../types.js'
import { datadogCheck } from './config.js'
import { datadogProbe } from './datadog-probe.js'
import type { DatadogCheck } from './spec.js'

/** `datadog`: a metrics query over a window ending now, reduced to one number. */
export const datadogProvider: Provider<DatadogCheck> = {
  type: 'datadog',
  fromConfig: datadogCheck,
  probe: datadogProbe,
  describe: (c) => describeMetric(c.query, c)
}
