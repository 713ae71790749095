// docs/reference.md is generated from action.yml; a change to either without the other fails here.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { renderReference, withNames } from '../../scripts/gen-reference.mjs'

const ROOT = process.cwd()
const actionYml = readFileSync(join(ROOT, 'action.yml'), 'utf8')

it('docs/reference.md is what scripts/gen-reference.mjs writes from action.yml (run it and commit when this fails)', () => {
  expect(readFileSync(join(ROOT, 'docs/reference.md'), 'utf8')).toBe(renderReference(actionYml))
})

it('has a row for every input and output of action.yml, with its default', () => {
  const action = parse(actionYml) as { inputs: Record<string, { default?: string }>; outputs: Record<string, unknown> }
  const page = renderReference(actionYml)
  for (const [name, i] of Object.entries(action.inputs)) expect(page).toContain(`| \`${name}\` | ${i.default ? `\`${i.default}\`` : ''} |`)
  for (const name of Object.keys(action.outputs)) expect(page).toContain(`| \`${name}\` |`)
})

it('keeps a description with a pipe or a line break inside its table cell', () => {
  const page = renderReference('name: x\ninputs:\n  a:\n    description: "one | two\\nthree"\noutputs: {}\n')
  expect(page).toContain('| `a` |  | one \\| two three |')
})

it('README names every input and output of action.yml in its generated block (run it and commit when this fails)', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  expect(readme).toBe(withNames(readme, actionYml))
  const action = parse(actionYml) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> }
  for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) expect(readme).toContain(`\`${name}\``)
})
