/** A numeric bound; the sample fails when the value leaves [min, max]. */
export interface Bounds {
  readonly min?: number
  readonly max?: number
}

/** What every check has, whatever its provider. */
export interface CheckBase {
  /** Unique name, shown in the summary, outputs and incident. */
  readonly name: string
  /** Per-request timeout in ms. */
  readonly timeoutMs: number
  /** Free-form tags, e.g. `security`, used by escalation. */
  readonly tags: readonly string[]
}
