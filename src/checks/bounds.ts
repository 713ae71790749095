import type { Bounds } from './check-base.js'

/** Compares a value with [min, max]; the text says which bound was crossed. */
export function judgeBounds(value: number, b: Bounds): { ok: boolean; text: string } {
  if (b.max !== undefined && value > b.max) return { ok: false, text: `${fmt(value)} > max ${fmt(b.max)}` }
  if (b.min !== undefined && value < b.min) return { ok: false, text: `${fmt(value)} < min ${fmt(b.min)}` }
  return { ok: true, text: `${fmt(value)} within ${boundsText(b)}` }
}

/** `<= 0.05`, `>= 10`, `10..20` or `any`. */
export function boundsText(b: Bounds): string {
  if (b.min !== undefined && b.max !== undefined) return `${fmt(b.min)}..${fmt(b.max)}`
  if (b.max !== undefined) return `<= ${fmt(b.max)}`
  if (b.min !== undefined) return `>= ${fmt(b.min)}`
  return 'any'
}

/** Short, stable number formatting for messages and tables. */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n)
  if (Number.isInteger(n)) return String(n)
  const abs = Math.abs(n)
  return abs >= 100 ? n.toFixed(1) : abs >= 1 ? n.toFixed(3).replace(/\.?0+$/, '') : Number(n.toPrecision(3)).toString()
}
