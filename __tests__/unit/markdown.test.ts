import { cell, inline, link } from '../../src/text/markdown.js'

const ZWSP = '\u200b'

describe('inline', () => {
  it.each([
    ['plain text', 'plain text'],
    ['line one\nline two\r\n\nline three', 'line one line two line three'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)>'],
    ['a && b &amp; c', 'a &amp;&amp; b &amp;amp; c'],
    ['`code` and ```fences```', "'code' and '''fences'''"],
    ['ping @octocat and @acme/oncall', `ping @${ZWSP}octocat and @${ZWSP}acme/oncall`],
    ['fixes #123 and acme/shop#45', `fixes #${ZWSP}123 and acme/shop#${ZWSP}45`],
    ['a lone @ and # sign, #tag', 'a lone @ and # sign, #tag']
  ])('%j becomes %j', (text, expected) => {
    expect(inline(text)).toBe(expected)
  })
})

describe('cell', () => {
  it('escapes pipes so a value cannot add table columns', () => {
    expect(cell('a | b || c')).toBe('a \\| b \\|\\| c')
  })

  it('keeps a row on one line and inert', () => {
    expect(cell('x\n| evil | row |\n<b>@admin</b>')).toBe(`x \\| evil \\| row \\| &lt;b>@${ZWSP}admin&lt;/b>`)
  })
})

describe('link', () => {
  it('links escaped text without brackets that would break the link', () => {
    expect(link('run [#12] <x>', 'https://github.com/acme/shop/actions/runs/1')).toBe(`[run #${ZWSP}12 &lt;x>](https://github.com/acme/shop/actions/runs/1)`)
  })

  it('is plain escaped text without a URL', () => {
    expect(link('run @me', undefined)).toBe(`run @${ZWSP}me`)
    expect(link('run', '')).toBe('run')
  })
})
