import type { PrometheusCheck } from './spec.js'
import type { Measurement, ProbeContext, ProviderFactory } from '../types.js'
import { fmt, judgeBounds } from '../bounds.js'
import { judgeBaseline } from '../baseline.js'
import { fetchMetric, parseJsonBody } from '../metric-failure.js'
import { formatDuration } from '../../values/parse.js'

type Value = { value: number; warnings: string[] } | { failed: Measurement }

/**
 * Instant query via /api/v1/query. The baseline is the same query evaluated `offset` before
 * verification started (the `time` parameter: the same as a PromQL offset on every selector,
 * and it works for any expression); it is read once and kept for the window.
 */
export const prometheusProbe: ProviderFactory<PrometheusCheck> = (check, ctx) => {
  let baseline: Promise<Value> | undefined
  return {
    check,
    async measure(signal) {
      const current = await instantQuery(check, ctx, signal)
      if ('failed' in current) return current.failed
      const bounds = judgeBounds(current.value, check)
      const warnings = current.warnings.length ? { warnings: current.warnings } : {}
      if (!bounds.ok) return { status: 'fail', value: current.value, detail: bounds.text, ...warnings }
      if (!check.baseline) return { status: 'pass', value: current.value, detail: bounds.text, ...warnings }
      baseline ??= instantQuery(check, ctx, signal, ctx.startedAt - check.baseline.offsetMs)
      const base = await baseline
      if ('failed' in base) {
        baseline = undefined
        return { ...base.failed, detail: `baseline ${formatDuration(check.baseline.offsetMs)} before: ${base.failed.detail}` }
      }
      const rule = judgeBaseline(current.value, base.value, check.baseline)
      const detail = rule.ok
        ? `${fmt(current.value)} <= ${fmt(rule.allowed)} (baseline ${fmt(base.value)})`
        : `${fmt(current.value)} > ${fmt(rule.allowed)}: regression over baseline ${fmt(base.value)}`
      return {
        status: rule.ok ? 'pass' : 'fail',
        value: current.value,
        detail,
        baseline: { value: base.value, allowed: rule.allowed, formula: rule.formula },
        ...warnings
      }
    }
  }
}

async function instantQuery(check: PrometheusCheck, ctx: ProbeContext, signal: AbortSignal, at?: number): Promise<Value> {
  const url = new URL('api/v1/query', check.url.endsWith('/') ? check.url : check.url + '/')
  url.searchParams.set('query', check.query)
  if (at !== undefined) url.searchParams.set('time', (at / 1000).toFixed(3))
  const got = await fetchMetric(
    () => ctx.request({ url: url.toString(), headers: { accept: 'application/json', ...check.headers }, timeoutMs: check.timeoutMs, signal }),
    'Prometheus'
  )
  if ('failed' in got) return got
  const parsed = parseJsonBody(got.res, 'Prometheus')
  if ('failed' in parsed) return parsed
  return readResult(parsed.doc, got.res.status)
}

/** Pure: one number out of a Prometheus API answer, or the reason there is none. */
export function readResult(doc: unknown, httpStatus: number): Value {
  const d = doc as { status?: string; error?: string; errorType?: string; warnings?: string[]; data?: { resultType?: string; result?: unknown } }
  const err = (detail: string): Value => ({ failed: { status: 'error', detail } })
  if (d.status !== 'success') {
    return err(`Prometheus answered ${httpStatus}: ${d.errorType ?? 'error'}: ${d.error ?? 'no error message'}`)
  }
  const warnings = Array.isArray(d.warnings) ? d.warnings.map(String) : []
  const type = d.data?.resultType
  let raw: unknown
  if (type === 'scalar') raw = (d.data?.result as [number, string])?.[1]
  else if (type === 'vector') {
    const series = d.data?.result as { value: [number, string] }[]
    if (!series?.length) return err('the query returned an empty vector (no data)')
    if (series.length > 1) return err(`the query returned ${series.length} series; aggregate it to one number, e.g. with sum()`)
    raw = series[0].value[1]
  } else return err(`unexpected result type ${type}; the query must return one number (vector or scalar)`)
  const value = Number(raw)
  if (!Number.isFinite(value)) return err(`the query returned ${raw}`)
  return { value, warnings }
}
