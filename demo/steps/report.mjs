// Step: the weekly delivery report (mode report) reads the guard's own records of the last 90
// days (deployments and verdicts, the rollback record, the incident issue, the PRs) and writes
// DORA's five keys; it writes nothing on GitHub.

/** What changes GitHub: anything but a GET and a GraphQL query (the report's reads of deployments and PRs). */
const writes = (gh) => gh.requests.filter((q) => q.method !== 'GET' && !(q.path === '/graphql' && !/^\s*mutation/.test(q.body?.query ?? ''))).length

export default {
  id: 'report',
  title: 'The delivery report',
  async run(world, section) {
    const gh = world.github
    section.say(
      "Every Monday the delivery report (`examples/report.yml`, `mode: report`) reads what the guard recorded in the environment's last 90 days: the repository's weekly releases through pull requests, one of them bad, rolled back and its incident closed. Its window ends at the start of the current hour, so today's releases count from the next report on."
    )
    const writesBefore = writes(gh)
    const r = await world.run({ eventName: 'schedule', inputs: { mode: 'report', environment: 'production', 'report-window': '90d' } })
    section.log('What the step printed', r.stdout)
    section.github('Job summary', r.summary)
    section.say(
      `Step outputs: ${['deployments', 'deployment-frequency', 'lead-time-median-seconds', 'change-fail-rate', 'recovery-time-median-seconds', 'rework-rate', 'dora-band'].map((k) => `\`${k}\` = \`${r.outputs[k] || '(empty)'}\``).join(', ')}. Next to the JSON report (\`schemaVersion\` ${r.report?.schemaVersion}) lie \`deployments.csv\`, \`changes.csv\`, \`incidents.csv\` and \`badge.json\`, a shields.io endpoint badge.`
    )
    section.result(
      r.code === 0 && Boolean(r.outputs['dora-band']),
      `${r.outputs.deployments} deployments counted, DORA 2024 band ${r.outputs['dora-band'] || 'none'}`
    )
    section.result(Number(r.outputs['change-fail-rate']) > 0, `change fail rate ${r.outputs['change-fail-rate']}: the bad release and its rollback are counted`)
    section.result(writes(gh) === writesBefore, 'the report wrote nothing on GitHub')
  }
}
