// DORA's 2024 performance clusters (Accelerate State of DevOps Report 2024), as the report
// prints them. The report year is printed with every band: the clusters move from year to year.

export const DORA_YEAR = 2024
export const BANDS = ['elite', 'high', 'medium', 'low'] as const
export type Band = (typeof BANDS)[number]

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** Lead time for changes: elite under a day, high under a week, medium under a month, else low. */
export function leadTimeBand(medianMs: number): Band {
  return medianMs < DAY ? 'elite' : medianMs < 7 * DAY ? 'high' : medianMs < 30 * DAY ? 'medium' : 'low'
}

/** Deployment frequency: elite on demand (daily or more), high weekly to daily, medium monthly to weekly, else low. */
export function frequencyBand(perWeek: number): Band {
  return perWeek >= 7 ? 'elite' : perWeek >= 1 ? 'high' : perWeek >= 7 / 30 ? 'medium' : 'low'
}

/**
 * Change fail rate: the 2024 clusters sit at 5 % (elite), 20 % (high), 10 % (medium) and 40 %
 * (low), not in order; a rate takes the cluster whose value is nearest.
 */
export function changeFailBand(rate: number): Band {
  return rate <= 0.075 ? 'elite' : rate <= 0.15 ? 'medium' : rate <= 0.3 ? 'high' : 'low'
}

/** Failed deployment recovery time: elite under an hour, high under a day, medium under a week, else low. */
export function recoveryBand(medianMs: number): Band {
  return medianMs < HOUR ? 'elite' : medianMs < DAY ? 'high' : medianMs < 7 * DAY ? 'medium' : 'low'
}

/** The overall band: the lowest of the figures that have one (a team is as fast as its slowest key). */
export function overallBand(bands: readonly (Band | undefined)[]): Band | undefined {
  const known = bands.filter((b): b is Band => b !== undefined)
  return known.length ? known.reduce((a, b) => (BANDS.indexOf(b) > BANDS.indexOf(a) ? b : a)) : undefined
}

/** What each band means, printed under the figures. */
export const BAND_TEXT = {
  leadTime: 'elite < 1 day, high < 1 week, medium < 1 month, low longer',
  frequency: 'elite ≥ daily (on demand), high ≥ weekly, medium ≥ monthly, low less often',
  changeFail: 'cluster values elite 5 %, high 20 %, medium 10 %, low 40 %: the nearest one',
  recovery: 'elite < 1 hour, high < 1 day, medium < 1 week, low longer',
  rework: 'DORA 2024 publishes no clusters for rework rate'
} as const
