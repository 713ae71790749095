import { cell, inline, link } from '../text/markdown.js'
import type { ApprovalReport } from './approval-report.js'
import type { RuleResult } from './policy.js'

const RULE_NAMES: Record<RuleResult['rule'], string> = {
  'pull-request': 'Pull request',
  'protected-paths': 'Protected paths',
  approval: 'Approval label',
  'block-labels': 'Block labels',
  'freeze-windows': 'Freeze windows'
}
const MARK: Record<RuleResult['status'], string> = { pass: '✅ pass', fail: '❌ fail', info: 'ℹ️' }

/** The job summary of approval and gate: the verdict, every rule with pass or fail and why, what was posted. Pure. */
export function renderApprovalSummary(r: ApprovalReport): string {
  const ok = r.result === 'passed'
  const title =
    r.mode === 'gate'
      ? `${ok ? '✅' : '⛔'} deploy-guard gate: ${ok ? 'deploy allowed' : 'deploy refused'}`
      : `${ok ? '✅' : '❌'} deploy-guard: change ${ok ? 'approved' : 'not approved'}`
  const lines = [`## ${title}`, '', `**${inline(r.reason)}**`, '']
  const pr = r.pullRequest
  if (pr) {
    const merged = pr.mergedAt ? `, merged ${pr.mergedAt}` : ''
    lines.push(`Pull request ${link(`#${pr.number} ${pr.title}`, pr.url)} by ${inline(`@${pr.author}`)}, head \`${pr.headSha.slice(0, 7)}\`${merged}.`)
  }
  if (r.mode === 'gate') lines.push(`Commit to deploy: \`${r.commit.slice(0, 12)}\`.`)
  if (r.policySource) lines.push(`Policy: ${inline(r.policySource)}.`)
  if (r.push) lines.push('unknown' in r.push ? `Latest push: unknown (${inline(r.push.unknown)}).` : `Latest push: ${r.push.at} (${inline(r.push.source)}).`)
  lines.push('', '| rule | result | why |', '| --- | --- | --- |')
  for (const rule of r.rules) lines.push(`| ${RULE_NAMES[rule.rule]} | ${MARK[rule.status]} | ${cell(rule.detail)} |`)
  if (r.protectedFiles.length) {
    const shown = r.protectedFiles.slice(0, 50)
    const more = r.protectedFiles.length > shown.length ? `\n\n…and ${r.protectedFiles.length - shown.length} more.` : ''
    lines.push(
      '',
      `<details><summary>Protected files changed (${r.protectedFiles.length})</summary>`,
      '',
      ...shown.map((f) => `- ${cell(f)}`),
      more,
      '</details>'
    )
  }
  if (r.actions.length) {
    lines.push('', '### Actions')
    for (const a of r.actions) lines.push(`- ${a.ok ? '✅' : '⚠️'} ${link(a.what, a.url)}${a.detail ? `: ${inline(a.detail)}` : ''}`)
  } else if (r.mode === 'gate') {
    lines.push('', "gate changes nothing on GitHub: its verdict is this job's result.")
  }
  if (r.dryRun) lines.push('', '_dry-run: nothing was posted to GitHub._')
  if (r.runUrl) lines.push('', `[Workflow run](${r.runUrl})`)
  return lines.join('\n') + '\n'
}
