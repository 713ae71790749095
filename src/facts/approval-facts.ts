// Plain data the change-approval policy decides on; the GitHub adapters build it, the pure
// functions of approval/ read it. Times are epoch milliseconds from GitHub's servers.

/** Who did something on GitHub. */
export interface Actor {
  readonly login: string
  /** A bot account (type Bot or a `[bot]` login). */
  readonly bot: boolean
  /** The GitHub App that acted, when the event says so (performed_via_github_app). */
  readonly app?: string
}

/** One `labeled` or `unlabeled` event of the pull request's issue, in server order. */
export interface LabelEvent {
  readonly id: number
  readonly label: string
  readonly action: 'labeled' | 'unlabeled'
  readonly actor: Actor
  readonly at: number
}

/** A file the pull request changes; a rename has both names. */
export interface ChangedFile {
  readonly filename: string
  readonly previousFilename?: string
}

/** When the PR's head commit was pushed, by the server's clock, or why that cannot be told. */
/** `by`: who pushed it, from the same server record as the time (four eyes: that person cannot approve). */
export type PushTime = { readonly at: number; readonly source: string; readonly by?: string } | { readonly unknown: string }

/** Whether a login may approve, as far as GitHub would tell. */
export type ApproverCheck =
  { readonly approver: true; readonly via: string } | { readonly approver: false; readonly why: string } | { readonly unknown: string; readonly short?: string }

/** The pull request as the policy sees it. */
export interface PullFacts {
  readonly number: number
  readonly author: string
  readonly headSha: string
  readonly url: string
}
