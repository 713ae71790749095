import type { Provider } from '../types.js'
import { urlText } from '../../text/url-text.js'
import { httpCheck } from './config.js'
import { httpProbe } from './http-probe.js'
import type { HttpCheck } from './spec.js'

/** `http`: the service itself answers as expected (status, body, JSON path, latency). */
export const httpProvider: Provider<HttpCheck> = {
  type: 'http',
  fromConfig: httpCheck,
  probe: httpProbe,
  describe(c) {
    const status = c.expectStatus.length ? 'expected status' : '2xx'
    const target = `${c.method} ${urlText(c.url, { query: false })}`
    return c.maxLatencyMs !== undefined
      ? { target, bound: `${status}, <= ${c.maxLatencyMs} ms`, unit: 'ms', threshold: c.maxLatencyMs }
      : { target, bound: status, unit: 'ms' }
  }
}
