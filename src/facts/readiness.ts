// One line of drill's checklist: plain data, so each rollback trigger (src/rollback/triggers/)
// can say whether it would work today without importing the drill.

/** One line of drill's checklist. `broken` means recovery would not work today. */
export interface ReadinessItem {
  readonly area: 'checks' | 'history' | 'trigger' | 'permissions'
  readonly status: 'ready' | 'broken' | 'warning'
  readonly what: string
  /** What to change, for broken and warning items. */
  readonly fix?: string
}

export const ready = (area: ReadinessItem['area'], what: string): ReadinessItem => ({ area, status: 'ready', what })
export const broken = (area: ReadinessItem['area'], what: string, fix: string): ReadinessItem => ({ area, status: 'broken', what, fix })
export const warning = (area: ReadinessItem['area'], what: string, fix: string): ReadinessItem => ({ area, status: 'warning', what, fix })
