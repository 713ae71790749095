import type { ApprovalSettings } from '../settings/approval-settings.js'
import type { ApproverCheck, LabelEvent, PullFacts, PushTime } from '../facts/approval-facts.js'

/**
 * The labels on the issue at `asOf` by its events, each with the event that last added it: the
 * latest `labeled` per label, dropped by a later `unlabeled`. Events are taken in server order
 * (time, then id), whatever order the pages came in.
 */
export function labelState(events: readonly LabelEvent[], asOf: number): Map<string, LabelEvent> {
  const state = new Map<string, LabelEvent>()
  const ordered = [...events].sort((a, b) => a.at - b.at || a.id - b.id)
  for (const e of ordered) {
    if (e.at > asOf) break
    if (e.action === 'labeled') state.set(e.label.toLowerCase(), e)
    else state.delete(e.label.toLowerCase())
  }
  return state
}

/** A label judged as an approval: whether it counts, why, and what is missing when it does not. */
export interface JudgedLabel {
  readonly label: string
  readonly event?: LabelEvent
  readonly counts: boolean
  /** One sentence for the summary. */
  readonly why: string
  /** A few words for the commit status (140 characters in all). */
  readonly missing: string
  /** The login GitHub must be asked about before the label can count. */
  readonly checkLogin?: string
}

export interface JudgeContext {
  readonly settings: ApprovalSettings
  readonly pr: PullFacts
  readonly push: PushTime
  readonly approvers: ReadonlyMap<string, ApproverCheck>
}

/**
 * Whether a label on the PR approves it (PRODUCT.md section 7): added by someone other than
 * the author, after the latest push, by an approver; a bot or app only when allowed by name.
 * `added` is the event that last added it (undefined: no record of who did).
 */
export function judgeLabel(label: string, added: LabelEvent | undefined, c: JudgeContext): JudgedLabel {
  const no = (why: string, missing: string): JudgedLabel => ({ label, ...(added && { event: added }), counts: false, why, missing })
  if (!added) return no(`${label}: no labeled event says who added it`, `no record of who added ${label}`)
  const who = added.actor.login
  if (sameLogin(who, c.pr.author)) {
    return no(
      `${label} was added by the PR's author @${who}; an author cannot approve their own change`,
      `${label} was added by the author @${who}; needs an approver`
    )
  }
  const allowedBot = isAllowedBot(added, c.settings.allowedBots)
  if ((added.actor.bot || added.actor.app) && !allowedBot) {
    const name = added.actor.app ? `app ${added.actor.app}` : `bot ${who}`
    return no(`${label} was added by ${name}, which approval.allowed-bots does not list`, `${label} by ${name}, not allowed; needs an approver`)
  }
  if ('unknown' in c.push) {
    return no(
      `${label} cannot count: when the head ${short(c.pr.headSha)} was pushed is unknown (${c.push.unknown})`,
      `cannot tell when ${short(c.pr.headSha)} was pushed`
    )
  }
  if (added.at <= c.push.at) {
    return no(
      `${label} was added by @${who} at ${iso(added.at)}, before the latest push at ${iso(c.push.at)} (${c.push.source}): a push makes an approval stale`,
      `${label} by @${who} predates the push of ${short(c.pr.headSha)}; re-add it`
    )
  }
  if (!c.settings.lastPusherMayApprove && c.push.by && sameLogin(who, c.push.by)) {
    return no(
      `${label} was added by @${who}, who pushed the latest commit ${short(c.pr.headSha)}: someone else must approve it (four eyes; approval.last-pusher-may-approve)`,
      `${label} by @${who}, who pushed ${short(c.pr.headSha)}; needs another approver`
    )
  }
  if (allowedBot)
    return {
      label,
      event: added,
      counts: true,
      why: `${label} was added by ${added.actor.app ? `app ${added.actor.app}` : who} (approval.allowed-bots) at ${iso(added.at)}`,
      missing: ''
    }
  const check = c.approvers.get(who.toLowerCase())
  if (!check) return { ...no(`${label}: @${who} not checked yet`, `@${who} not checked`), checkLogin: who }
  if ('unknown' in check)
    return no(
      `${label} cannot count: whether @${who} may approve is unknown: ${check.unknown}`,
      `cannot tell if @${who} may approve: ${check.short ?? 'see the job summary'}`
    )
  if (!check.approver)
    return no(`${label} was added by @${who}, who is not an approver (${check.why})`, `${label} by @${who}, not an approver; needs an approver`)
  return { label, event: added, counts: true, why: `${label} was added by @${who} (${check.via}) at ${iso(added.at)}, after the latest push`, missing: '' }
}

/**
 * A bot or app named in approval.allowed-bots, by what GitHub says the actor is: a Bot account
 * (`name[bot]`) or the app that acted (performed_via_github_app). A user whose login merely
 * equals a bot's name is a user.
 */
function isAllowedBot(e: LabelEvent, allowed: readonly string[]): boolean {
  const names = [...(e.actor.bot ? [e.actor.login.replace(/\[bot\]$/i, '')] : []), ...(e.actor.app ? [e.actor.app] : [])]
  return allowed.some((a) => names.some((n) => sameLogin(a.replace(/\[bot\]$/i, ''), n)))
}

export function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}

export function short(sha: string): string {
  return sha.slice(0, 7)
}

export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}
