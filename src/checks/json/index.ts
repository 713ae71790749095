import { urlText } from '../../text/url-text.js'
import { describeMetric } from '../metric-description.js'
import type { Provider } from '../types.js'
import { jsonCheck } from './config.js'
import { jsonProbe } from './json-probe.js'
import type { JsonCheck } from './spec.js'

/** `json`: any endpoint answering JSON; a JSON path picks the number (New Relic, CloudWatch proxies, in-house). */
export const jsonProvider: Provider<JsonCheck> = {
  type: 'json',
  fromConfig: jsonCheck,
  probe: jsonProbe,
  describe: (c) => describeMetric(`${c.method} ${urlText(c.url, { query: false })} ${c.path}`, c)
}
