// Paging reads every item once, in page order, with as few round trips in a row as the API allows.
import { linkPage, readPages } from '../../src/github/paged.js'

const link = (page: number, last: number) =>
  [page < last && `<https://api.test/x?per_page=2&page=${page + 1}>; rel="next"`, page < last && `<https://api.test/x?per_page=2&page=${last}>; rel="last"`]
    .filter(Boolean)
    .join(', ')

function api(items: number[], perPage = 2) {
  const last = Math.max(1, Math.ceil(items.length / perPage))
  const asked: number[] = []
  let inFlight = 0
  let peak = 0
  const fetchPage = async (page: number) => {
    asked.push(page)
    peak = Math.max(peak, ++inFlight)
    await new Promise((r) => setTimeout(r, 5))
    inFlight--
    return { data: items.slice((page - 1) * perPage, page * perPage), headers: { link: link(page, last) } }
  }
  return { fetchPage, asked, peak: () => peak }
}

it('reads the Link header', () => {
  expect(linkPage(link(1, 4), 'next')).toBe(2)
  expect(linkPage(link(1, 4), 'last')).toBe(4)
  expect(linkPage(link(4, 4), 'next')).toBeUndefined()
  expect(linkPage(undefined, 'last')).toBeUndefined()
})

it('with a known count, asks for every page at once', async () => {
  const a = api([1, 2, 3, 4, 5])
  expect(await readPages(a.fetchPage, { expectedPages: 3, maxPages: 10 })).toEqual([1, 2, 3, 4, 5])
  expect(a.peak()).toBe(3)
})

it('without one, reads page 1 then the rest at once', async () => {
  const a = api([1, 2, 3, 4, 5, 6, 7])
  expect(await readPages(a.fetchPage, { maxPages: 10 })).toEqual([1, 2, 3, 4, 5, 6, 7])
  expect(a.asked[0]).toBe(1)
  expect(a.asked.slice(1).sort()).toEqual([2, 3, 4])
})

it('follows pages the count did not foresee, and says when it had to stop', async () => {
  const a = api([1, 2, 3, 4, 5, 6])
  let truncated = false
  expect(await readPages(a.fetchPage, { expectedPages: 1, maxPages: 2, onTruncated: () => (truncated = true) })).toEqual([1, 2, 3, 4])
  expect(truncated).toBe(true)
  const b = api([1, 2, 3])
  let cut = false
  expect(await readPages(b.fetchPage, { expectedPages: 1, maxPages: 5, onTruncated: () => (cut = true) })).toEqual([1, 2, 3])
  expect(cut).toBe(false)
})
