// Reading a list endpoint page by page costs one round trip per page; when the page count is
// known (from a total, or the first page's Link `last`), the pages are read at once instead.
// The client's throttling caps how many are in flight.

export interface Page<T> {
  readonly data: readonly T[]
  readonly headers: { readonly link?: string }
}

/** The page number of a Link header's `rel` ("next", "last"), or undefined. */
export function linkPage(link: string | undefined, rel: string): number | undefined {
  const m = link
    ?.split(',')
    .find((part) => new RegExp(`rel="${rel}"`).test(part))
    ?.match(/[?&]page=(\d+)/)
  return m ? Number(m[1]) : undefined
}

/**
 * Every item of pages 1..n, in page order. `expectedPages` (from a count the API gave) lets all
 * pages go at once; otherwise page 1 goes first and its Link `last` says how many follow. Pages
 * beyond what was expected are followed one by one, up to `maxPages`; `onTruncated` hears of any
 * left unread.
 */
export async function readPages<T>(
  fetchPage: (page: number) => Promise<Page<T>>,
  o: { maxPages: number; expectedPages?: number; onTruncated?: () => void }
): Promise<T[]> {
  let pages: Page<T>[]
  if (o.expectedPages !== undefined && o.expectedPages > 1) {
    pages = await Promise.all(range(1, Math.min(o.expectedPages, o.maxPages)).map(fetchPage))
  } else {
    const first = await fetchPage(1)
    const last = Math.min(linkPage(first.headers.link, 'last') ?? 1, o.maxPages)
    pages = [first, ...(await Promise.all(range(2, last).map(fetchPage)))]
  }
  const more = () => linkPage(pages[pages.length - 1].headers.link, 'next') !== undefined
  while (pages.length < o.maxPages && more()) pages.push(await fetchPage(pages.length + 1))
  if (more()) o.onTruncated?.()
  return pages.flatMap((p) => p.data)
}

function range(from: number, to: number): number[] {
  return to < from ? [] : Array.from({ length: to - from + 1 }, (_, i) => from + i)
}
