// A job log read as it streams: redacted block by block, kept whole only where the caller
// writes it (the artifact file), otherwise reduced to its last lines and its error lines. A
// 200 MB log never sits in memory: what is held is one block, the tail and the error lines.
import { StringDecoder } from 'node:string_decoder'

/** What the incident shows of one job's log. */
export interface LogExcerpt {
  /** The last lines, redacted, oldest first. */
  readonly tail: readonly string[]
  /** Line number (1-based) of the first tail line. */
  readonly tailStart: number
  /** Error lines and the stack frames after them, redacted, with their line numbers. */
  readonly errors: readonly { readonly line: number; readonly text: string }[]
  /** Error lines found beyond those kept. */
  readonly errorsDropped: number
  readonly totalLines: number
  readonly bytes: number
}

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
// and tracebacks. The runner's timestamp prefix is part of the line and does not get in the way.
const ERROR_LINE =
  /##\[error\]|\b[A-Z]?\w*(?:Error|Exception):|\berror(?:\[\w+\])?:|\bERR!|\bFATAL\b|\bfatal:|\bpanic:|Traceback \(most recent call last\)|\bexit(?:ed)?(?: with)? (?:code|status) [1-9]\d*|\bexit code [1-9]\d*|\bSegmentation fault\b|\bKilled\b/
// Stack frames of JavaScript, Python, Java and Go after an error line.
const FRAME = /^(?:\S+Z )?(?:\s+at \S|\s+File ".*", line \d+|\s+\S+\.(?:go|java|kt|py|rb):\d+|\s+\.\.\. \d+ more)/
const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/
const PEM_END = /-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/
// A block is cut at a line end; a line longer than this (a minified bundle, a base64 blob) is cut itself.
const MAX_PENDING = 1024 * 1024
const FRAMES_PER_ERROR = 12

/**
 * Consumes a log as chunks of bytes. push() returns the redacted text of the whole lines it
 * completed, for the caller to write to the artifact; end() returns the excerpt. A private key
 * block is redacted whole even when it spans chunks.
 */
export class LogDigest {
  private readonly decoder = new StringDecoder('utf8')
  private pending = ''
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

  constructor(private readonly o: DigestOptions) {
    this.maxErrors = o.maxErrors ?? 60
    this.maxLine = o.maxLineChars ?? 2000
  }

  /** Adds bytes; returns the redacted whole lines they completed ('' when none). */
  push(chunk: Buffer): string {
    this.bytes += chunk.length
    this.pending += this.decoder.write(chunk)
    let cut = this.pending.lastIndexOf('\n') + 1
    if (cut === 0 && this.pending.length < MAX_PENDING) return ''
    if (cut === 0) cut = this.pending.length
    const block = this.pending.slice(0, cut)
    this.pending = this.pending.slice(cut)
    return this.take(block)
  }

  /** Flushes the last line; returns its redacted text and the excerpt. */
  end(): { rest: string; excerpt: LogExcerpt } {
    const last = this.pending + this.decoder.end()
    this.pending = ''
    const rest = last ? this.take(last.endsWith('\n') ? last : `${last}\n`) : ''
    const errors = [...this.firstErrors, ...this.lastErrors]
    return {
      rest,
      excerpt: { tail: this.tail, tailStart: this.lineNo - this.tail.length + 1, errors, errorsDropped: this.dropped, totalLines: this.lineNo, bytes: this.bytes }
    }
  }

  private take(block: string): string {
    const lines = block.split('\n')
    lines.pop()
    if (this.inKey || block.includes('PRIVATE KEY')) this.blankKeys(lines)
    const clean = this.o.redact(lines.join('\n')).split('\n')
    // A redaction never adds or removes a line break, so line numbers hold.
    const start = this.lineNo
    for (let i = 0; i < clean.length; i++) this.scan(clean[i], start + i + 1)
    this.lineNo += clean.length
    this.keepTail(clean)
    return clean.join('\n') + '\n'
  }

  /** Lines inside a private key block become `***`, the markers stay: the reader sees a key was there. */
  private blankKeys(lines: string[]): void {
    for (let i = 0; i < lines.length; i++) {
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
  }

  private scan(line: string, n: number): void {
    if (ERROR_LINE.test(line)) {
      this.framesLeft = FRAMES_PER_ERROR
      this.keepError(n, line)
    } else if (this.framesLeft > 0 && FRAME.test(line)) {
      this.framesLeft--
      this.keepError(n, line)
    } else this.framesLeft = 0
  }

  // The first errors say what broke, the last what stopped the job: keep both ends.
  private keepError(line: number, text: string): void {
    const entry = { line, text: detach(text, this.maxLine) }
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

  private keepTail(clean: string[]): void {
    const n = this.o.lines
    if (n === 0) return
    const fresh = (clean.length > n ? clean.slice(clean.length - n) : clean).map((l) => (l.length > this.maxLine ? detach(l, this.maxLine) : l))
    this.tail = fresh.length === n ? fresh : [...this.tail.slice(Math.max(0, this.tail.length - (n - fresh.length))), ...fresh]
  }
}

/**
 * A copy of the first `max` characters that does not keep the block it was cut from alive (V8
 * slices share their parent string), with a note when the line was cut.
 */
function detach(s: string, max: number): string {
  const cut = s.length > max ? `${s.slice(0, max)} … (${s.length - max} more characters)` : s
  return Buffer.from(cut, 'utf8').toString('utf8')
}
