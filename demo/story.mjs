// The demo's story: one section per step, each made of narration, what GitHub shows (job
// summaries, issues, comments, statuses) and what the step printed. Printed to the terminal as
// it happens, rendered (never raw Markdown), and kept for the HTML page (html-page.mjs), so a
// new step adds a section to both without touching either renderer.
import { markdownToTerminal } from './markdown-terminal.mjs'

const bold = (s) => `\x1b[1m${s}\x1b[0m`
const dim = (s) => `\x1b[2m${s}\x1b[0m`
const red = (s) => `\x1b[31m${s}\x1b[0m`
const green = (s) => `\x1b[32m${s}\x1b[0m`
const yellow = (s) => `\x1b[33m${s}\x1b[0m`

/** The kinds of block a section holds; the HTML page renders each kind its own way. */
export const BLOCK_KINDS = ['say', 'github', 'log', 'result']

/**
 * @param {{ write?: (line: string) => void }} [o] where terminal lines go (stdout by default)
 */
export function createStory(o = {}) {
  const write = o.write ?? ((line) => process.stdout.write(line + '\n'))
  const sections = []
  const results = []

  /** Opens a section: `id` names its anchor, `title` its heading. */
  function section(id, title) {
    const s = { id, title, blocks: [] }
    sections.push(s)
    write('')
    write(bold(`━━ ${sections.length}. ${title} ━━`))
    return {
      /** Narration, in Markdown. */
      say(markdown) {
        s.blocks.push({ kind: 'say', markdown })
        for (const line of markdownToTerminal(markdown)) write(line)
      },
      /** Something GitHub shows (a job summary, an issue, a comment), in GitHub's Markdown. */
      github(label, markdown) {
        s.blocks.push({ kind: 'github', label, markdown })
        write('')
        write(bold(label))
        write(dim('┌' + '─'.repeat(78)))
        for (const line of markdownToTerminal(markdown)) write(dim('│ ') + line)
        write(dim('└' + '─'.repeat(78)))
      },
      /** What the action printed, as the run's log shows it (workflow commands turned into what the runner displays). */
      log(label, stdout) {
        const lines = runnerLog(stdout)
        s.blocks.push({ kind: 'log', label, lines })
        write('')
        write(bold(label))
        for (const l of lines)
          write('  ' + (l.level === 'error' ? red(l.text) : l.level === 'warning' ? yellow(l.text) : l.level === 'group' ? bold(l.text) : l.text))
      },
      /** A claim the demo checks: it fails the demo (exit status 1) when false. */
      result(ok, text) {
        s.blocks.push({ kind: 'result', ok, text })
        results.push({ section: id, ok, text })
        write((ok ? green('✔ ') : red('✘ ')) + text)
      }
    }
  }

  return { section, sections, results, ok: () => results.every((r) => r.ok) }
}

/** Workflow commands as the run page shows them: groups as headings, annotations by level, masks and ends dropped. */
export function runnerLog(stdout) {
  const out = []
  for (const raw of stdout.split('\n')) {
    if (!raw || /^::(add-mask|endgroup|set-output|save-state|debug)/.test(raw)) continue
    const annotation = /^::(error|warning|notice)(?: [^:]*)?::(.*)$/.exec(raw)
    if (annotation)
      out.push({
        level: annotation[1],
        text: `${annotation[1] === 'error' ? 'Error' : annotation[1] === 'warning' ? 'Warning' : 'Notice'}: ${unescape(annotation[2])}`
      })
    else if (raw.startsWith('::group::')) out.push({ level: 'group', text: '▸ ' + raw.slice(9) })
    else out.push({ level: 'info', text: raw })
  }
  return out
}

/** Undoes the runner's escaping of annotation messages (%25, %0D, %0A). */
function unescape(s) {
  return s.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%')
}
