/** Text safe inside a markdown table cell: no pipes, line breaks, HTML or mentions. */
export function cell(text: string): string {
  return inline(text).replace(/\|/g, '\\|')
}

/** Untrusted text made inert for markdown: HTML escaped, mentions and references broken. */
export function inline(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/`/g, "'")
    .replace(/@(?=[A-Za-z0-9])/g, '@\u200b')
    .replace(/#(?=\d)/g, '#\u200b')
}

export function link(text: string, url: string | undefined): string {
  return url ? `[${inline(text).replace(/[[\]]/g, '')}](${url})` : inline(text)
}
