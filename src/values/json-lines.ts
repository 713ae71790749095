// Large reports are written piece by piece: one JSON.stringify of a 5,000-change report holds a
// multi-megabyte string (two bytes a character once a commit message has an emoji) and its
// encoded copy at the same time.

/**
 * The text of `JSON.stringify(value, null, 2)`, in pieces: a top-level array's items and a
 * top-level object's array members one item at a time. The pieces joined are those exact bytes.
 */
export function* prettyJsonPieces(value: unknown): Generator<string> {
  if (Array.isArray(value)) {
    yield* arrayPieces(value, '')
    return
  }
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    const whole = JSON.stringify(value, null, 2)
    if (whole !== undefined) yield whole
    return
  }
  const members = Object.entries(value).filter(([, v]) => serialisable(v))
  if (!members.length) {
    yield '{}'
    return
  }
  yield '{'
  for (const [i, [key, v]] of members.entries()) {
    yield `${i ? ',' : ''}\n  ${JSON.stringify(key)}: `
    if (Array.isArray(v)) yield* arrayPieces(v, '  ')
    else yield indent(JSON.stringify(v, null, 2), '  ')
  }
  yield '\n}'
}

function* arrayPieces(items: readonly unknown[], pad: string): Generator<string> {
  if (!items.length) {
    yield '[]'
    return
  }
  yield '['
  for (const [i, item] of items.entries()) {
    const text = serialisable(item) ? JSON.stringify(item, null, 2) : 'null'
    yield `${i ? ',' : ''}\n${pad}  ${indent(text, `${pad}  `)}`
  }
  yield `\n${pad}]`
}

// JSON text has no raw line breaks inside strings, so every line break starts a nested line.
const indent = (text: string, pad: string): string => (pad ? text.replace(/\n/g, `\n${pad}`) : text)

// What JSON.stringify leaves out of an object and writes as null in an array.
const serialisable = (v: unknown): boolean => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol'
