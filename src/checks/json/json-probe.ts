import type { JsonCheck } from './spec.js'
import type { ProviderFactory } from '../types.js'
import { judgeBounds } from '../bounds.js'
import { parseJsonPath, pickJsonPath, toNumber } from '../json-path.js'
import { fetchMetric, parseJsonBody } from '../metric-failure.js'

/** Any HTTP endpoint answering JSON; a JSON path picks the number (New Relic, CloudWatch proxies, in-house). */
export const jsonProbe: ProviderFactory<JsonCheck> = (check, ctx) => {
  const path = parseJsonPath(check.path)
  return {
    check,
    async measure(signal) {
      const got = await fetchMetric(
        () =>
          ctx.request({
            url: check.url,
            method: check.method,
            headers: { accept: 'application/json', ...check.headers },
            body: check.body,
            timeoutMs: check.timeoutMs,
            signal
          }),
        'metrics endpoint'
      )
      if ('failed' in got) return got.failed
      if (got.res.status < 200 || got.res.status >= 300) return { status: 'error', detail: `metrics endpoint answered ${got.res.status}` }
      const parsed = parseJsonBody(got.res, 'metrics endpoint')
      if ('failed' in parsed) return parsed.failed
      const raw = pickJsonPath(parsed.doc, path)
      const value = toNumber(raw)
      if (value === undefined) {
        return {
          status: 'error',
          detail: raw === undefined ? `${check.path} not found in the answer` : `${check.path} is ${JSON.stringify(raw)}, not a finite number`
        }
      }
      const b = judgeBounds(value, check)
      return { status: b.ok ? 'pass' : 'fail', value, detail: b.text }
    }
  }
}
