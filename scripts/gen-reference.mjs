#!/usr/bin/env node
// Writes docs/reference.md, the inputs and outputs tables, from action.yml: the one place they
// are declared. `node scripts/gen-reference.mjs --check` exits 1 when the file is stale
// (__tests__/unit/reference.test.ts runs the same comparison).
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
export const REFERENCE = join(ROOT, 'docs/reference.md')

/** A table cell: one line, pipes escaped. */
const cell = (s) =>
  String(s ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim()
/** A default as code, or nothing; an empty default means "see the description". */
const shown = (d) => (d === undefined || d === '' ? '' : `\`${cell(d)}\``)

/** Pure: the reference page of an action.yml text. */
export function renderReference(actionYml) {
  const action = parse(actionYml)
  const inputs = Object.entries(action.inputs ?? {})
  const outputs = Object.entries(action.outputs ?? {})
  return [
    '<!-- Generated from action.yml by scripts/gen-reference.mjs: edit action.yml, then run `node scripts/gen-reference.mjs`. -->',
    '# Inputs and outputs',
    '',
    `Every input of \`${action.name}\` is optional. Inline inputs override the config file (\`.github/deploy-guard.yml\`,`,
    'schema in [schema/deploy-guard.schema.json](../schema/deploy-guard.schema.json)); the config file overrides the defaults.',
    'An empty default means the description says what applies.',
    '',
    '## Inputs',
    '',
    '| input | default | description |',
    '| --- | --- | --- |',
    ...inputs.map(([name, i]) => `| \`${name}\` | ${shown(i.default)} | ${cell(i.description)} |`),
    '',
    '## Outputs',
    '',
    '| output | description |',
    '| --- | --- |',
    ...outputs.map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`),
    ''
  ].join('\n')
}

export const README = join(ROOT, 'README.md')
const START = '<!-- names:start (generated from action.yml by scripts/gen-reference.mjs) -->'
const END = '<!-- names:end -->'

/** Pure: README's compact list of every input and output name, each linked to its row in docs/reference.md. */
export function renderNames(actionYml) {
  const action = parse(actionYml)
  const names = (o, anchor) => Object.keys(o ?? {}).map((n) => `[\`${n}\`](docs/reference.md#${anchor})`)
  return [
    START,
    '',
    `**Inputs:** ${names(action.inputs, 'inputs').join(', ')}.`,
    '',
    `**Outputs:** ${names(action.outputs, 'outputs').join(', ')}.`,
    '',
    END
  ].join('\n')
}

/** Pure: README's text with its generated block replaced (README must hold the two markers). */
export function withNames(readme, actionYml) {
  const from = readme.indexOf(START)
  const to = readme.indexOf(END)
  if (from < 0 || to < from) throw new Error('README.md lacks the names:start / names:end markers')
  return readme.slice(0, from) + renderNames(actionYml) + readme.slice(to + END.length)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const want = renderReference(readFileSync(join(ROOT, 'action.yml'), 'utf8'))
  if (process.argv.includes('--check')) {
    let have = ''
    try {
      have = readFileSync(REFERENCE, 'utf8')
    } catch {
      // missing: stale
    }
    if (have !== want) {
      console.error('docs/reference.md is stale: run node scripts/gen-reference.mjs and commit it')
      process.exit(1)
    }
  } else {
    writeFileSync(REFERENCE, want)
    writeFileSync(README, withNames(readFileSync(README, 'utf8'), readFileSync(join(ROOT, 'action.yml'), 'utf8')))
    console.log('wrote docs/reference.md and the names in README.md')
  }
}
