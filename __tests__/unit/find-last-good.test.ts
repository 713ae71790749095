// The history search reads no more than it needs: pages one at a time, statuses one deployment
// at a time, and it stops as soon as the answer is known.
import { findLastGood, type HistoryReader } from '../../src/rollback/find-last-good.js'
import type { PastDeployment, PastStatus } from '../../src/github/deployment-history.js'

type Seeded = PastDeployment & { statuses: string[] }

/** A history newest first, counting what the search reads. */
function history(list: Seeded[]): HistoryReader & { pages: number[]; statusReads: number[]; gets: number[] } {
  const reads = { pages: [] as number[], statusReads: [] as number[], gets: [] as number[] }
  return {
    ...reads,
    async page(n) {
      reads.pages.push(n)
      return list.slice((n - 1) * 100, n * 100)
    },
    async statuses(id): Promise<PastStatus[]> {
      reads.statusReads.push(id)
      return [...(list.find((d) => d.id === id)?.statuses ?? [])]
        .reverse()
        .map((state, i) => ({ id: i, state, description: state === 'failure' ? 'deploy-guard: failed' : '', logUrl: '' }))
    },
    async get(id) {
      reads.gets.push(id)
      return list.find((d) => d.id === id)
    }
  }
}

let next = 1000
const dep = (version: string, statuses: string[], o: Partial<PastDeployment> = {}): Seeded => {
  const id = next--
  return { id, sha: (o.sha ?? id.toString(16)).padStart(40, '0'), ref: version, task: 'deploy', createdAt: '', version, statuses, ...o }
}

describe('findLastGood', () => {
  it('one page and one status read when the newest other deployment is good, out of 250', async () => {
    const list = [dep('v3', ['in_progress', 'failure']), ...Array.from({ length: 249 }, (_, i) => dep(`v2.${249 - i}`, ['success', 'inactive']))]
    const h = history(list)
    const f = await findLastGood(h, { version: 'v3', deploymentId: list[0].id })
    expect(f.target).toMatchObject({ version: 'v2.249', source: 'deployment', deploymentId: list[1].id })
    expect(h.pages).toEqual([1])
    expect(h.statusReads).toEqual([list[1].id])
    expect(f.verified?.id).toBe(list[0].id)
  })

  it('a page of history read to its end, then no further, when the good one is on page 2', async () => {
    const bad = dep('v9', ['failure'], { sha: 'b'.repeat(40) })
    const retries = Array.from({ length: 120 }, () => dep('b'.repeat(40), ['success'], { sha: 'b'.repeat(40), version: undefined as never }))
    const list = [dep('v10', ['failure']), bad, ...retries, dep('v8', ['success']), dep('v7', ['success'])]
    const h = history(list)
    const f = await findLastGood(h, { version: 'v10', deploymentId: list[0].id })
    expect(f.target?.version).toBe('v8')
    expect(h.pages).toEqual([1, 2])
    expect(h.statusReads).toEqual([bad.id, list[122].id])
    expect([...f.recordedBad]).toEqual(expect.arrayContaining(['v10', 'v9', 'b'.repeat(40)]))
  })

  it('stops at once on a rollback being verified: nothing more to know', async () => {
    const list = [
      dep('v1', ['queued', 'failure'], { rollback: { of: 'v2', runId: '7', runAttempt: '1', job: 'verify', strategy: 'workflow' } }),
      dep('v0', ['success'])
    ]
    const h = history(list)
    const f = await findLastGood(h, { version: 'v1', deploymentId: list[0].id })
    expect(f.verified?.rollback?.of).toBe('v2')
    expect(f.target).toBeUndefined()
    expect(h.statusReads).toEqual([])
  })

  it('never takes a rollback record the guard set inactive (a duplicate that never ran) for a good release', async () => {
    const duplicate = dep('v1', ['queued', 'inactive'], {
      task: 'deploy-guard:rollback',
      rollback: { of: 'v0', runId: '7', runAttempt: '1', job: 'verify', strategy: 'workflow' }
    })
    const list = [dep('v3', ['failure']), duplicate, dep('v2', ['success', 'inactive'])]
    const f = await findLastGood(history(list), { version: 'v3', deploymentId: list[0].id })
    expect(f.target).toMatchObject({ version: 'v2', deploymentId: list[2].id })
  })

  it('sees rollbacks already recorded for the bad release on the page it read, without reading more', async () => {
    const rb = dep('v1', ['queued'], { rollback: { of: 'v2', runId: '7', runAttempt: '1', job: 'verify', strategy: 'workflow' } })
    const newer = dep('v3', ['success'])
    const list = [newer, rb, dep('v2', ['failure']), dep('v1', ['success'])]
    const h = history(list)
    const f = await findLastGood(h, { version: 'v2', deploymentId: list[2].id })
    expect(f.target?.version).toBe('v3')
    expect(f.rollbacks.map((d) => d.id)).toEqual([rb.id])
    expect(h.statusReads).toEqual([newer.id])
  })

  it('finds the verified deployment by id when it is older than every page read', async () => {
    const old = dep('v5', ['success', 'failure'])
    const list = [dep('v6', ['success'])]
    const h = history([...list])
    const f = await findLastGood({ ...h, get: async (id) => (id === old.id ? old : undefined) }, { version: 'v5', deploymentId: old.id })
    expect(f.verified?.id).toBe(old.id)
    expect(f.target?.version).toBe('v6')
  })

  it('gives up after the limits, saying the history was not complete', async () => {
    const list = Array.from({ length: 300 }, (_, i) => dep(`v${i}`, ['in_progress']))
    const h = history(list)
    const f = await findLastGood(h, { version: 'vX' }, { maxPages: 5, maxExamined: 50 })
    expect(f.target).toBeUndefined()
    expect(f.complete).toBe(false)
    expect(h.statusReads).toHaveLength(50)
    expect(h.pages).toEqual([1])
  })
})

describe('findLastGood: a rollback is known from the guard record', () => {
  const mark = { of: 'v3', runId: '42', runAttempt: '1', job: 'verify', strategy: 'workflow' }

  it('the release is the rollback even when its deployer recorded its own newer deployment of it', async () => {
    const own = dep('v2', ['in_progress', 'failure'], { sha: 'a'.repeat(40), version: undefined as never })
    const record = dep('v2', ['queued'], { sha: 'a'.repeat(40), task: 'deploy-guard:rollback', rollback: mark })
    const list = [own, record, dep('v3', ['failure']), dep('v2', ['success'], { sha: 'a'.repeat(40) }), dep('v1', ['success'])]
    const f = await findLastGood(history(list), { version: 'v2', deploymentId: own.id })
    expect(f.rollbackRecord?.id).toBe(record.id)
    expect(f.target).toBeUndefined()
  })

  it('a rollback record older than another release deployed since does not make a later deploy of that version a rollback', async () => {
    const record = dep('v2', ['queued', 'success'], { sha: 'a'.repeat(40), task: 'deploy-guard:rollback', rollback: mark })
    const again = dep('v2', ['in_progress', 'failure'], { sha: 'a'.repeat(40) })
    const list = [again, dep('v4', ['success']), record, dep('v3', ['failure'])]
    const f = await findLastGood(history(list), { version: 'v2', deploymentId: again.id })
    expect(f.rollbackRecord).toBeUndefined()
    expect(f.target).toMatchObject({ version: 'v4' })
  })
})
