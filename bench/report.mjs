// Renders the results as markdown tables (printed as they are, and written to BENCHMARKS.md).
import os from 'node:os'
import { writeFileSync } from 'node:fs'

const ms = (s) => (s && s.n ? `${s.median.toFixed(0)} (p90 ${s.p90.toFixed(0)}; ${s.min.toFixed(0)}–${s.max.toFixed(0)})` : 'n/a')
const mib = (s) => (s && s.n ? `${s.median.toFixed(1)} (max ${s.max.toFixed(1)})` : 'n/a')

function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

export function targetsTable(targets) {
  return table(
    ['measure', 'target', 'measured (medians)', 'verdict'],
    targets.map((t) => [t.what, t.target, t.measured, t.pass ? 'PASS' : '**MISS**'])
  )
}

export function coldStartTable(r) {
  return table(
    ['program', 'spawn → first probe at endpoint, ms', 'spawn → exit, ms', 'peak RSS, MiB', 'exit codes'],
    r.rows.map((x) => [x.tool, x.tool === 'node -e 0' ? '– (no probe)' : ms(x.first), ms(x.wall), mib(x.rss), x.codes])
  )
}

export function oneRoundTable(r) {
  return table(
    [
      'N',
      'program',
      'spawn → exit, ms',
      'peak RSS, MiB',
      'first requests spread over, ms',
      'requests per endpoint (min–max)',
      'peak in flight per endpoint',
      'exit codes'
    ],
    r.rows.map((x) => [x.n, x.tool, ms(x.wall), mib(x.rss), ms(x.spread), x.requests, x.inFlight, x.codes])
  )
}

export function failureTable(r) {
  return table(
    ['failing URL', 'program', 'spawn → exit, ms', '503 sent → exit, ms', 'exit codes', 'failure status posted'],
    r.rows.map((x) => [x.where, x.tool, ms(x.wall), ms(x.afterFail), x.codes, x.failurePosted])
  )
}

export function detectionTable(r) {
  return table(
    [
      'window',
      '503 sent → failure POST arrives, ms',
      '503 sent → exit, ms',
      'in_progress POST − 503 sent, ms',
      'failure POST − previous write answered, ms',
      'between consecutive GitHub writes (arrivals), ms',
      'exit codes'
    ],
    r.rows.map((x) => [x.variant, ms(x.latency), ms(x.exitAfter), ms(x.inProgressVs503), ms(x.sincePrevWrite), ms(x.writeGaps), x.codes])
  )
}

export function rollbackTable(r) {
  return table(
    ['verdict (503 sent) → rollback dispatch arrives, ms', 'verdict → dispatch acknowledged, ms', 'GitHub requests, verdict → rollback sent', 'exit codes'],
    r.rows.map((x) => [ms(x.sent), ms(x.acknowledged), `${x.requests.median} (min ${x.requests.min}, max ${x.requests.max})`, x.codes])
  )
}

export function machineFacts({ nodeVersion, waitOnVersion }) {
  const cpus = os.cpus()
  return [
    `- date: ${new Date().toISOString()}`,
    `- node (runs the action, the floor and wait-on): ${nodeVersion}`,
    `- nproc: ${os.availableParallelism()} (${cpus[0]?.model ?? 'unknown CPU'})`,
    `- memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; kernel ${os.type()} ${os.release()}`,
    `- wait-on ${waitOnVersion}; GitHub API: test-support/github-emulator (startGitHubEmulator) behind bench/github-server.mjs's recording proxy`
  ].join('\n')
}

export function writeMarkdown(path, sections) {
  writeFileSync(path, sections.join('\n\n') + '\n')
}
