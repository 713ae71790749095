// The change-approval settings (PRODUCT.md section 7): inline inputs, else config `approval.*`,
// else the documented defaults; every value checked before any request.
import picomatch from 'picomatch'
import type { InputName } from './inputs.js'
import { parseList } from '../values/parse.js'
import { UserError } from '../values/user-error.js'
import { messageOf } from '../values/message-of.js'

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const
export type Weekday = (typeof WEEKDAYS)[number]

/** A freeze from one instant to another, e.g. over the year end. */
export interface DateRangeWindow {
  readonly kind: 'range'
  readonly name: string
  readonly start: number
  readonly end: number
  /** As written in the config, offset included, for messages. */
  readonly endText: string
}

/** A freeze every week on some days, from..to in local time of an IANA time zone. */
export interface WeeklyWindow {
  readonly kind: 'weekly'
  readonly name: string
  readonly timezone: string
  /** Days the window starts on, 0 = Sunday. */
  readonly days: readonly number[]
  /** Minutes after local midnight; `to` at or before `from` ends on the next day, 1440 is 24:00. */
  readonly from: number
  readonly to: number
}

export type FreezeWindow = DateRangeWindow | WeeklyWindow

/** An `org/team` approver. */
export interface TeamRef {
  readonly org: string
  readonly slug: string
}

/** Everything approval and gate decide with. */
export interface ApprovalSettings {
  /** Any one of these labels, added by an approver, approves a change. */
  readonly labels: readonly string[]
  /** The approvers as written (users and org/team slugs); empty = maintain or admin on the repository. */
  readonly approvers: readonly string[]
  readonly users: readonly string[]
  readonly teams: readonly TeamRef[]
  /** Globs over changed files; `!glob` excludes. A PR touching none needs no approval. */
  readonly protectedPaths: readonly string[]
  /** The guard's config file, relative to the repository root: a change to it (or to a workflow) always needs approval. */
  readonly configFile: string
  /** Any of these labels fails the check. */
  readonly blockLabels: readonly string[]
  /** A label of these, added by an approver after the latest push, lets a change through a freeze. */
  readonly emergencyLabels: readonly string[]
  readonly freezeWindows: readonly FreezeWindow[]
  /** Bot logins (`name[bot]`) or app slugs whose labels count; other bots' labels never do. */
  readonly allowedBots: readonly string[]
  /** gate: whether a commit that no pull request brought (a direct push) may deploy. */
  readonly allowDirectPush: boolean
  /** Four eyes: whether the person who pushed the PR's latest commit may approve it (default false). */
  readonly lastPusherMayApprove: boolean
}

type Raw = Record<string, unknown>
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/
const TEAM = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9][A-Za-z0-9._-]*)$/
const CLOCK = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/

/** Builds and checks `approval.*`; `where` prefixes config paths in messages. */
export function approvalSettings(inputs: Readonly<Record<InputName, string>>, cfg: Raw, configPath: string): ApprovalSettings {
  const at = (key: string) => `config ${configPath}: approval.${key}`
  // An input or config list the user wrote that yields nothing (`block-labels: ','`) is a mistake,
  // never "no labels": an empty list would silently switch a rule off.
  const list = (input: InputName | undefined, key: string, fallback: string[], separators?: RegExp): { items: string[]; where: string } => {
    if (input && inputs[input] !== '') {
      const items = parseList(inputs[input], separators)
      if (!items.length) throw new UserError(`input ${input}`, inputs[input], 'at least one item, or no input at all for the default')
      return { items, where: `input ${input}` }
    }
    if (Array.isArray(cfg[key])) {
      const raw = cfg[key] as unknown[]
      const items = raw.map((x) => String(x).trim()).filter(Boolean)
      if (raw.length && !items.length) throw new UserError(at(key), raw, 'non-empty names')
      return { items, where: at(key) }
    }
    return { items: fallback, where: input ? `input ${input}` : at(key) }
  }
  const labels = list('approval-labels', 'labels', ['change-approved'])
  if (!labels.items.length) throw new UserError(labels.where, labels.items, 'at least one label that approves a change')
  const approvers = list('approvers', 'approvers', [])
  const users: string[] = []
  const teams: TeamRef[] = []
  for (const raw of approvers.items) {
    const a = raw.replace(/^@/, '')
    const team = TEAM.exec(a)
    if (team) teams.push({ org: team[1], slug: team[2].toLowerCase() })
    else if (LOGIN.test(a)) users.push(a)
    else throw new UserError(approvers.where, raw, 'GitHub user names or org/team slugs, e.g. octocat, my-org/release-managers')
  }
  // One glob per line: a comma belongs to the glob ({deploy,infra}/**), never separates two.
  const paths = list('protected-paths', 'protected-paths', ['**'], /\n/)
  if (!paths.items.some((p) => !p.startsWith('!')))
    throw new UserError(paths.where, paths.items, 'at least one glob that is not an exclusion (!glob), e.g. ** or src/**')
  for (const p of paths.items) checkGlob(paths.where, p)
  const emergency = list(undefined, 'emergency-labels', ['emergency'])
  const windows = Array.isArray(cfg['freeze-windows']) ? (cfg['freeze-windows'] as Raw[]) : []
  const allowDirect = cfg['allow-direct-push']
  const lastPusher = cfg['last-pusher-may-approve']
  return {
    labels: labels.items,
    approvers: approvers.items,
    users,
    teams,
    protectedPaths: paths.items,
    // The policy cannot be changed by the change it judges (PRODUCT.md section 7).
    configFile: configPath.replace(/^\.\//, ''),
    blockLabels: list('block-labels', 'block-labels', ['do-not-deploy']).items,
    emergencyLabels: emergency.items,
    freezeWindows: windows.map((w, i) => freezeWindow(w, `${at('freeze-windows')}[${i}]`)),
    allowedBots: list(undefined, 'allowed-bots', []).items,
    allowDirectPush: allowDirect === true,
    lastPusherMayApprove: lastPusher === true
  }
}

function checkGlob(where: string, pattern: string): void {
  const body = pattern.replace(/^!/, '')
  if (body.startsWith('/') || body.startsWith('./')) {
    throw new UserError(where, pattern, 'globs relative to the repository root, without a leading / or ./ (e.g. src/**, .github/workflows/*)')
  }
  // A comma outside {} is most likely two globs written on one line: as one glob it would match
  // nothing and switch approval off, so it is refused rather than guessed at.
  if (/,/.test(body.replace(/\{[^{}]*\}/g, ''))) {
    throw new UserError(where, pattern, 'one glob per line (a comma is allowed only inside braces, e.g. {deploy,infra}/**)')
  }
  try {
    // debug: picomatch otherwise turns a glob it cannot compile ([z-a]) into one that matches nothing.
    picomatch.makeRe(body, { dot: true, debug: true, strictBrackets: true })
  } catch (e) {
    throw new UserError(where, pattern, `a valid glob (${messageOf(e)})`)
  }
}

function freezeWindow(w: Raw, where: string): FreezeWindow {
  const name = String(w.name ?? '').trim()
  if (!name) throw new UserError(`${where}.name`, w.name, 'a name, shown when the window blocks a change')
  const weeklyKeys = ['timezone', 'days', 'from', 'to'].filter((k) => w[k] !== undefined)
  const rangeKeys = ['start', 'end'].filter((k) => w[k] !== undefined)
  if (rangeKeys.length && weeklyKeys.length) {
    throw new UserError(where, name, 'either a date range (start, end) or a weekly window (timezone, days, from, to), not both')
  }
  if (rangeKeys.length) {
    const start = instant(`${where}.start`, w.start)
    const end = instant(`${where}.end`, w.end)
    if (end <= start) throw new UserError(`${where}.end`, w.end, `an instant after start (${String(w.start)})`)
    return { kind: 'range', name, start, end, endText: String(w.end) }
  }
  for (const k of ['timezone', 'days', 'from', 'to']) {
    if (w[k] === undefined)
      throw new UserError(`${where}.${k}`, undefined, 'a value: a freeze window is a date range (start, end) or weekly (timezone, days, from, to)')
  }
  const timezone = String(w.timezone)
  if (!validTimeZone(timezone)) throw new UserError(`${where}.timezone`, w.timezone, 'an IANA time zone such as Europe/Berlin, America/New_York or UTC')
  const rawDays = Array.isArray(w.days) ? (w.days as unknown[]) : []
  const days = rawDays.map((d) => WEEKDAYS.indexOf(String(d).toLowerCase() as Weekday))
  if (!rawDays.length || days.some((d) => d < 0)) throw new UserError(`${where}.days`, w.days, `a list of days from ${WEEKDAYS.join(', ')}`)
  const from = clock(`${where}.from`, w.from)
  const to = clock(`${where}.to`, w.to)
  if (from === 1440) throw new UserError(`${where}.from`, w.from, 'a time from 00:00 to 23:59')
  if (from === to) throw new UserError(`${where}.to`, w.to, `a time other than from (${String(w.from)}); 00:00 to 24:00 is a whole day`)
  return { kind: 'weekly', name, timezone, days: [...new Set(days)].sort(), from, to }
}

function instant(where: string, raw: unknown): number {
  const text = raw instanceof Date ? raw.toISOString() : String(raw ?? '')
  const ms = INSTANT.test(text) ? Date.parse(text) : NaN
  if (!Number.isFinite(ms)) throw new UserError(where, raw, 'an ISO 8601 date and time with an offset, e.g. 2026-12-20T00:00:00+01:00')
  return ms
}

function clock(where: string, raw: unknown): number {
  const m = CLOCK.exec(String(raw ?? ''))
  if (!m) throw new UserError(where, raw, 'a local time HH:MM from 00:00 to 24:00')
  return m[3] ? 1440 : Number(m[1]) * 60 + Number(m[2])
}

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return true
  } catch {
    return false
  }
}
