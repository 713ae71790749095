import type { LogExcerpt } from '../facts/incident-facts.js'
// A job log read as it streams: redacted block by block, kept whole only where the caller
// writes it (the artifact file), otherwise reduced to its last lines and its error lines. A
// 200 MB log never sits in memory: what is held is one block, the tail and the error lines.
import { StringDecoder } from 'node:string_decoder'

export interface DigestOptions {
  /** Lines of the tail kept (`log-lines`). */
  readonly lines: number
  /** Redacts a block of whole lines; applied before anything is kept or written. */
  readonly redact: (text: string) => string
  /** Error lines kept at most (the first half and the last half of those found). */
  readonly maxErrors?: number
  /** Characters of one line kept at most; the rest is cut. */
  readonly maxLineChars?: number
}

// Runner error annotations, `Error:` of any kind, npm and shell failures, a non-zero exit, panics
// and tracebacks. Literal alternatives only: the pattern scans whole blocks, so it must not try a
// word class at every position.
const ERROR_LINE =
  /##\[error\]|Error:|Exception:|error(?:\[\w+\])?:|ERR!|FATAL|fatal:|panic:|Traceback \(most recent call last\)|exit(?:ed with)? (?:code|status) [1-9]|Segmentation fault|Killed/g
// Stack frames of JavaScript, Python, Java and Go after an error line.
const FRAME = /^(?:\S+Z )?(?:\s+at \S|\s+File ".*", line \d+|\s+\S+\.(?:go|java|kt|py|rb):\d+|\s+\.\.\. \d+ more)/
const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/
const PEM_END = /-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/
// A block is cut at a line end; a line longer than this (a minified bundle, a base64 blob) is cut itself.
const MAX_PENDING = 1024 * 1024
const FRAMES_PER_ERROR = 12

/**
 * Consumes a log as chunks of bytes and keeps its tail and error lines, redacted. Redaction is
 * applied to what is kept; with `full`, push() also returns the whole log redacted, for the
 * artifact. A private key block is blanked whole even when it spans chunks.
 */
export class LogDigest {
  private readonly decoder = new StringDecoder('utf8')
  private pending = ''
  // Raw (unredacted) last lines; redacted once, at the end.
  private tail: string[] = []
  private firstErrors: { line: number; text: string }[] = []
  private lastErrors: { line: number; text: string }[] = []
  private dropped = 0
  private lineNo = 0
  private bytes = 0
  private inKey = false
  private framesLeft = 0
  private readonly maxErrors: number
  private readonly maxLine: number

  constructor(private readonly o: DigestOptions & { readonly full?: boolean }) {
    this.maxErrors = o.maxErrors ?? 60
    this.maxLine = o.maxLineChars ?? 2000
  }

  /** Adds bytes; with `full`, returns the redacted whole lines they completed ('' otherwise). */
  push(chunk: Buffer): string {
    this.bytes += chunk.length
    this.pending += this.decoder.write(chunk)
    let cut = this.pending.lastIndexOf('\n') + 1
    if (cut === 0 && this.pending.length < MAX_PENDING) return ''
    if (cut === 0) cut = this.pending.length
    const block = this.pending.slice(0, cut)
    this.pending = this.pending.slice(cut)
    return this.take(block.endsWith('\n') ? block : `${block}\n`)
  }

  /** Flushes the last line; returns its redacted text (with `full`) and the excerpt. */
  end(): { rest: string; excerpt: LogExcerpt } {
    const last = this.pending + this.decoder.end()
    this.pending = ''
    const rest = last ? this.take(last.endsWith('\n') ? last : `${last}\n`) : ''
    const errors = [...this.firstErrors, ...this.lastErrors]
    const tail = this.tail.length ? this.o.redact(this.tail.join('\n')).split('\n') : []
    return {
      rest,
      excerpt: { tail, tailStart: this.lineNo - this.tail.length + 1, errors, errorsDropped: this.dropped, totalLines: this.lineNo, bytes: this.bytes }
    }
  }

  /** One block of whole lines, each ending in a line feed. */
  private take(raw: string): string {
    let block = raw
    if (this.inKey || block.includes('PRIVATE KEY')) block = this.blankKeys(block)
    // A redaction never adds or removes a line break, so line numbers hold either way.
    const clean = this.o.full ? this.o.redact(block) : undefined
    const scan = clean ?? block
    this.scanErrors(scan, clean !== undefined)
    this.keepTail(scan, clean !== undefined)
    this.lineNo += count(scan, '\n')
    return clean ?? ''
  }

  /** Lines inside a private key block become `***`, the markers stay: the reader sees a key was there. */
  private blankKeys(block: string): string {
    const lines = block.split('\n')
    for (let i = 0; i < lines.length - 1; i++) {
      const l = lines[i]
      if (!this.inKey && PEM_BEGIN.test(l)) {
        this.inKey = !PEM_END.test(l.slice(l.search(PEM_BEGIN) + 10))
        if (this.inKey) lines[i] = l.replace(/(-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----).*$/, '$1 ***')
      } else if (this.inKey) {
        if (PEM_END.test(l)) {
          this.inKey = false
          lines[i] = l.replace(/^.*?(-----END )/, '*** $1')
        } else lines[i] = '***'
      }
    }
    return lines.join('\n')
  }

  /** Finds error lines in the block with one scan, then the stack frames under each. */
  private scanErrors(block: string, redacted: boolean): void {
    let line = this.lineNo
    let at = 0
    const next = (from: number): number => {
      const end = block.indexOf('\n', from)
      return end < 0 ? block.length : end
    }
    // Frames may continue an error of the previous block.
    let pos = 0
    while (this.framesLeft > 0 && pos < block.length) {
      const end = next(pos)
      const text = block.slice(pos, end)
      if (!FRAME.test(text)) break
      this.keepError(line + 1, text, redacted)
      this.framesLeft--
      line++
      at = pos = end + 1
    }
    if (pos >= block.length) return
    this.framesLeft = 0
    ERROR_LINE.lastIndex = pos
    for (let m = ERROR_LINE.exec(block); m; m = ERROR_LINE.exec(block)) {
      const start = block.lastIndexOf('\n', m.index) + 1
      line += count(block, '\n', at, start)
      at = start
      let end = next(m.index)
      this.keepError(line + 1, block.slice(start, end), redacted)
      let frames = FRAMES_PER_ERROR
      while (frames > 0 && end + 1 < block.length) {
        const fEnd = next(end + 1)
        const text = block.slice(end + 1, fEnd)
        if (!FRAME.test(text)) break
        line++
        at = end + 1
        this.keepError(line + 1, text, redacted)
        frames--
        end = fEnd
      }
      if (end + 1 >= block.length) this.framesLeft = frames
      ERROR_LINE.lastIndex = end + 1
    }
  }

  // The first errors say what broke, the last what stopped the job: keep both ends.
  private keepError(line: number, raw: string, redacted: boolean): void {
    const entry = { line, text: detach(redacted ? raw : this.o.redact(raw), this.maxLine) }
    const half = Math.ceil(this.maxErrors / 2)
    if (this.firstErrors.length < half) {
      this.firstErrors.push(entry)
      return
    }
    this.lastErrors.push(entry)
    if (this.lastErrors.length > this.maxErrors - half) {
      this.lastErrors.shift()
      this.dropped++
    }
  }

  /**
   * The last `lines` lines of the block join the tail. Short lines stay slices of their block (a
   * tail of short lines spans a block or two); a long line is redacted whole, then cut and
   * copied, so no tail line keeps a large block alive and no cut leaves half a secret.
   */
  private keepTail(block: string, redacted: boolean): void {
    const n = this.o.lines
    if (n === 0) return
    const fresh: string[] = []
    let end = block.length - 1
    while (fresh.length < n && end >= 0) {
      const start = block.lastIndexOf('\n', end - 1) + 1
      const l = block.slice(start, end)
      fresh.push(l.length > this.maxLine ? detach(redacted ? l : this.o.redact(l), this.maxLine) : l)
      end = start - 1
    }
    fresh.reverse()
    this.tail = fresh.length === n ? fresh : [...this.tail.slice(Math.max(0, this.tail.length - (n - fresh.length))), ...fresh]
  }
}

function count(s: string, c: string, from = 0, to = s.length): number {
  let n = 0
  for (let i = s.indexOf(c, from); i >= 0 && i < to; i = s.indexOf(c, i + 1)) n++
  return n
}

/**
 * A copy of the first `max` characters that does not keep the block it was cut from alive (V8
 * slices share their parent string), with a note when the line was cut.
 */
function detach(s: string, max: number): string {
  const cut = s.length > max ? `${s.slice(0, max)} … (${s.length - max} more characters)` : s
  return Buffer.from(cut, 'utf8').toString('utf8')
}
