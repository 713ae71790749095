/** A release or tag that the fallback may pick. */
export interface TaggedRelease {
  readonly tag: string
  readonly draft?: boolean
  readonly prerelease?: boolean
  readonly sha?: string
}
