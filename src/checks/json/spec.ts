import type { Bounds, CheckBase } from '../check-base.js'

/** Any HTTP endpoint answering JSON; a JSON path picks the number. */
export interface JsonCheck extends CheckBase, Bounds {
  readonly type: 'json'
  readonly url: string
  readonly method: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
  /** JSON path that picks the number, e.g. `$.data[0].value`. */
  readonly path: string
}
