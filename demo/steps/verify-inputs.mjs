// The verify inputs every release of the story is checked with: the service's health and its
// error ratio, sampled every second, rolled back by dispatching deploy.yml.
export function verifyInputs(world, o = {}) {
  return {
    environment: 'production',
    'health-urls': `${world.service.url}/health`,
    'prometheus-url': world.prometheus.url,
    'error-rate-query': 'sum(rate(http_requests_total{code=~"5.."}[1m])) / sum(rate(http_requests_total[1m]))',
    'error-rate-threshold': '0.05',
    interval: '1s',
    'failure-limit': '1',
    'rollback-workflow': 'deploy.yml',
    ...o
  }
}

/** The inputs as the workflow's `with:` block would show them. */
export const withBlock = (inputs) => ['```yaml', 'with:', ...Object.entries(inputs).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`), '```'].join('\n')

/** A Markdown table of the deployments GitHub records now, from the `from`th on (the weeks before the story left out). */
export function deploymentsTable(gh, from = 0) {
  const rows = gh.state.deployments.slice(from).map((d) => {
    const states = gh.state.statusesOf(d.id).map((s) => `\`${s.state}\``)
    const version = d.payload?.deploy_guard?.version ?? d.ref
    return `| ${d.id} | \`${version}\` | \`${d.sha.slice(0, 7)}\` | \`${d.task}\` | ${states.join(' → ')} |`
  })
  return ['| deployment | version | commit | task | statuses |', '| --- | --- | --- | --- | --- |', ...rows].join('\n')
}
