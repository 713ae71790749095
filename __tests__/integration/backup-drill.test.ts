// The backup drill of docs/playbooks/backup-and-dr.md, as examples/drill.yml runs it: the
// `backups` job's step and examples/config/backups.deploy-guard.yml, through the bundled action,
// against a real Prometheus scraping the backup job's gauges. A stale backup fails the job and
// opens the incident of environment `backups`; the next fresh run closes it.
import { jest } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { example, runAction } from '../../test-support/run-action.mjs'
import { startPrometheus, type PrometheusServer } from '../../test-support/prometheus.mjs'
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.mjs'

jest.setTimeout(90_000)

const push = example('push')
const [owner, repo] = (push.repository.full_name as string).split('/')

type Step = { uses?: string; with?: Record<string, string> }
const drill = parse(readFileSync('examples/drill.yml', 'utf8')) as { jobs: Record<string, { steps: Step[] }> }
const backupsStep = drill.jobs.backups.steps.find((s) => s.uses?.startsWith('deploy-guard/')) as Step
const inputs = backupsStep.with as Record<string, string>

/** The backup job's gauges, in Unix seconds, as a Pushgateway would expose them. */
const gauges = { backup: 0, restoreTest: 0 }
let exporter: Server
let prom: PrometheusServer
let gh: GitHubEmulator
let config: string

beforeAll(async () => {
  exporter = createServer((_req, res) => {
    res.setHeader('content-type', 'text/plain; version=0.0.4')
    res.end(
      `backup_last_success_timestamp_seconds{database="orders"} ${gauges.backup}\n` +
        `backup_restore_test_last_success_timestamp_seconds{database="orders"} ${gauges.restoreTest}\n`
    )
  })
  await new Promise<void>((resolve) => exporter.listen(0, '127.0.0.1', resolve))
  const port = (exporter.address() as { port: number }).port
  // The scrape job is named as the example's queries expect: job="db-backup".
  prom = await startPrometheus({ targets: [`127.0.0.1:${port}`], scrapeInterval: '1s', jobName: 'db-backup' })
  config = readFileSync('examples/config/backups.deploy-guard.yml', 'utf8').replaceAll('https://prometheus.example.com', prom.url)
  gh = await startGitHubEmulator({ owner, repo })
})

afterAll(async () => {
  gh?.assertClean()
  await gh?.close()
  await prom?.close()
  await new Promise((resolve) => exporter?.close(resolve))
})

const now = () => Math.floor(Date.now() / 1000)
async function backupsAre(backupAgeS: number, restoreAgeS: number): Promise<void> {
  gauges.backup = now() - backupAgeS
  gauges.restoreTest = now() - restoreAgeS
  await prom.waitForValue('max(backup_last_success_timestamp_seconds{job="db-backup"})', (v: number) => v === gauges.backup)
}
const run = () => runAction({ apiUrl: gh.url, event: push, eventName: 'schedule', inputs, files: { [inputs.config]: config } })
const openIncidents = () => gh.state.issues.filter((i) => i.state === 'open')

it('is the step examples/drill.yml runs', () => {
  expect(inputs).toMatchObject({ mode: 'verify', environment: 'backups', duration: '0s', rollback: 'none' })
})

it('passes while the backup and the restore test are fresh, and opens nothing', async () => {
  await backupsAre(3600, 2 * 86_400)
  const r = await run()
  expect(r.errors).toEqual([])
  expect(r.outputs.result).toBe('passed')
  expect(r.code).toBe(0)
  expect(openIncidents()).toEqual([])
  expect(gh.state.deployments.map((d) => d.environment)).toEqual(['backups'])
})

it('fails on a backup older than the bound and opens the incident of environment backups', async () => {
  await backupsAre(30 * 3600, 2 * 86_400)
  const r = await run()
  expect(r.code).toBe(1)
  expect(r.outputs.result).toBe('failed')
  expect(JSON.parse(r.outputs['failed-checks'])).toEqual(['backup age'])
  expect(r.outputs['rolled-back']).toBe('false')
  const [incident] = openIncidents()
  expect(incident.title).toMatch(/backups/)
  expect(incident.labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual(expect.arrayContaining(['incident', 'backups', 'env:backups', 'sev2']))
  expect(incident.body).toMatch(/backup age/)
  expect(incident.body).toContain('docs/playbooks/backup-and-dr.md')
})

it('closes the incident when the next run finds the backups fresh again', async () => {
  await backupsAre(600, 2 * 86_400)
  const r = await run()
  expect(r.code).toBe(0)
  expect(openIncidents()).toEqual([])
  expect(gh.state.issues).toHaveLength(1)
  expect(gh.state.comments.at(-1)?.body).toMatch(/Recovered/)
})
