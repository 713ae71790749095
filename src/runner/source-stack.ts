// The bundle's source maps are read only when an unexpected error's stack is printed. A mapper
// installed at start-up (ncc's source-map-register) parses a 4 MB map the first time any stack is
// formatted, Node's own internal errors included: ~40 MiB and ~400 ms in a run that never fails.
import { readFile } from 'node:fs/promises'
import { SourceMap } from 'node:module'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

// `at fn (file:///…/dist/252.index.js:1:2345)` or `at /…/dist/index.js:1:99`: file, line, column.
const FRAME = /((?:file:\/\/)?\/[^\s():]+\.[cm]?js):(\d+):(\d+)/g

/** The stack with every frame in a file that has a `.map` beside it shown at its source position. */
export async function sourceStack(stack: string): Promise<string> {
  const files = new Set([...stack.matchAll(FRAME)].map((m) => m[1] as string))
  const maps = new Map<string, SourceMap | undefined>()
  await Promise.all([...files].map(async (f) => maps.set(f, await mapOf(f))))
  return stack.replace(FRAME, (frame, file: string, line: string, column: string) => {
    const map = maps.get(file)
    const entry = map?.findEntry(Number(line) - 1, Number(column) - 1)
    if (!entry || !('originalSource' in entry) || !entry.originalSource) return frame
    const source = resolve(dirname(pathOf(file)), entry.originalSource)
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`
  })
}

async function mapOf(file: string): Promise<SourceMap | undefined> {
  try {
    return new SourceMap(JSON.parse(await readFile(`${pathOf(file)}.map`, 'utf8')) as ConstructorParameters<typeof SourceMap>[0])
  } catch {
    return undefined
  }
}

const pathOf = (file: string): string => (file.startsWith('file://') ? fileURLToPath(file) : file)
