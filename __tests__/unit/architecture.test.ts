// The folders of src/ form layers: no folder imports one that imports it back, directly or not.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'

const SRC = join(process.cwd(), 'src')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : []
  })
}

const folderOf = (file: string): string => relative(SRC, file).split('/')[0].replace(/\.ts$/, '')

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>()
  for (const file of files(SRC)) {
    const from = folderOf(file)
    for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const target = normalize(join(dirname(file), m[1]))
      if (!target.startsWith(SRC)) continue
      const to = folderOf(target)
      if (to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to))
    }
  }
  return graph
}

function cycles(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = []
  const visit = (node: string, path: string[]): void => {
    if (path.includes(node)) return void found.push([...path.slice(path.indexOf(node)), node])
    for (const next of graph.get(node) ?? []) visit(next, [...path, node])
  }
  for (const node of graph.keys()) visit(node, [])
  return found
}

it('has no import cycle between the folders of src/', () => {
  const graph = folderGraph()
  expect(graph.size).toBeGreaterThan(5)
  expect(cycles(graph).map((c) => c.join(' -> '))).toEqual([])
})

it('providers know nothing of settings, verdicts, GitHub or rendering', () => {
  expect([...(folderGraph().get('checks') ?? [])].sort()).toEqual(['net', 'text', 'values'])
})
