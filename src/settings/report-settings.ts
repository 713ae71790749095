// The `report.*` section of the config file and the report-window input (PRODUCT.md section 10).
import { isAbsolute, join, normalize } from 'node:path'
import { UserError } from '../values/user-error.js'

/** What mode report reads beyond the environment. */
export interface ReportSettings {
  /** The window the figures cover, ending now (default 90 days). */
  readonly windowMs: number
  /** The window as the user wrote it (`90d`). */
  readonly windowText: string
  /** Where the summary markdown is also written (absolute), '' for nowhere. */
  readonly markdownFile: string
  /** Post the summary as an issue of its own (created, then updated in place): `report.issue`. */
  readonly issue: boolean
}

const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const
const MAX_MS = 366 * UNIT_MS.d
const WINDOW = /^([1-9]\d*)([dwh])$/

type Raw = Record<string, unknown>

/** Builds the report settings from the input (first) or the config section; errors name the path. */
export function reportSettings(input: string, cfg: Raw, where: string, workspace: string): ReportSettings {
  const fromInput = input !== ''
  const raw = fromInput ? input : typeof cfg.window === 'string' ? cfg.window : '90d'
  const at = fromInput ? 'input report-window' : `${where}report.window`
  const m = WINDOW.exec(raw.trim())
  const ms = m ? Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS] : NaN
  if (!(ms >= UNIT_MS.d && ms <= MAX_MS)) throw new UserError(at, raw, 'a window from 1d to 366d, such as 90d, 12w or 720h')
  const file = typeof cfg['markdown-file'] === 'string' ? cfg['markdown-file'] : ''
  const full = file && normalize(isAbsolute(file) ? file : join(workspace, file))
  if (file && !isAbsolute(file) && !full.startsWith(normalize(workspace))) {
    throw new UserError(`${where}report.markdown-file`, file, 'a path inside the workspace')
  }
  const issue = cfg.issue ?? false
  if (typeof issue !== 'boolean') throw new UserError(`${where}report.issue`, issue, 'true or false')
  return { windowMs: ms, windowText: raw.trim(), markdownFile: full, issue }
}
