// The demo's story, in order: each step is one section of the terminal output and of the HTML
// page. A new capability's step is one file here and one line in STEPS.
import healthyRelease from './healthy-release.mjs'
import badRelease from './bad-release.mjs'
import recovery from './recovery.mjs'
import approval from './approval.mjs'
import gate from './gate.mjs'
import drill from './drill.mjs'
import report from './report.mjs'

/** @type {{ id: string, title: string, run: (world: object, section: object) => Promise<void> }[]} */
export const STEPS = [healthyRelease, badRelease, recovery, approval, gate, drill, report]
