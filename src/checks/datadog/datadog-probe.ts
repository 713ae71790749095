import type { DatadogCheck } from './spec.js'
import type { ProviderFactory } from '../types.js'
import { judgeBounds } from '../bounds.js'
import { fetchMetric, parseJsonBody } from '../metric-failure.js'

type Series = { pointlist?: [number, number | null][] }

/** Datadog metrics query API (v1 /api/v1/query) over a window ending now, reduced to one number. */
export const datadogProbe: ProviderFactory<DatadogCheck> = (check, ctx) => ({
  check,
  async measure(signal) {
    const to = Math.floor(ctx.now() / 1000)
    const url = new URL('/api/v1/query', check.apiUrl)
    url.searchParams.set('from', String(to - Math.round(check.windowMs / 1000)))
    url.searchParams.set('to', String(to))
    url.searchParams.set('query', check.query)
    const headers = { accept: 'application/json', 'DD-API-KEY': check.apiKey, 'DD-APPLICATION-KEY': check.appKey }
    const got = await fetchMetric(() => ctx.request({ url: url.toString(), headers, timeoutMs: check.timeoutMs, signal }), 'Datadog')
    if ('failed' in got) return got.failed
    const parsed = parseJsonBody(got.res, 'Datadog')
    if ('failed' in parsed) return parsed.failed
    const doc = parsed.doc as { status?: string; error?: string; errors?: string[]; series?: Series[] }
    if (got.res.status !== 200 || doc.status === 'error') {
      return { status: 'error', detail: `Datadog answered ${got.res.status}: ${doc.error ?? doc.errors?.join('; ') ?? 'error'}` }
    }
    if ((doc.series?.length ?? 0) > 1) {
      return { status: 'error', detail: `the query returned ${doc.series?.length} series; aggregate it to one, e.g. with sum:` }
    }
    const value = reduce(doc.series ?? [], check.aggregation)
    if (value === undefined) return { status: 'error', detail: 'the query returned no points in the window' }
    const b = judgeBounds(value, check)
    return { status: b.ok ? 'pass' : 'fail', value, detail: `${check.aggregation} ${b.text}` }
  }
})

/** Pure: the points of the first series reduced by the aggregation; undefined when none. */
export function reduce(series: Series[], aggregation: DatadogCheck['aggregation']): number | undefined {
  const points = (series[0]?.pointlist ?? []).map((p) => p[1]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
  if (!points.length) return undefined
  switch (aggregation) {
    case 'last':
      return points[points.length - 1]
    case 'max':
      return Math.max(...points)
    case 'min':
      return Math.min(...points)
    case 'sum':
      return points.reduce((a, b) => a + b, 0)
    case 'avg':
      return points.reduce((a, b) => a + b, 0) / points.length
  }
}
