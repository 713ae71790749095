// Markdown rendered as GitHub renders issue bodies (GFM: tables, autolink literals, task lists,
// raw HTML), and what GitHub would then turn into notifications and links.
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'

/** GFM to HTML; raw HTML is kept, as GitHub keeps it before sanitising, so a test sees what text produced. */
export function renderGfm(markdown) {
  return micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] })
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

function decode(text) {
  return text
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&(\w+);/g, (m, name) => ENTITIES[name] ?? m)
}

/**
 * The users and teams GitHub would notify: `@name` and `@org/team` in text outside code, pre and
 * links, after entities are decoded (GitHub notifies `&#64;name` and `\@name` too).
 */
export function mentionsIn(html) {
  const text = html
    .replace(/<pre[\s\S]*?<\/pre>/gi, ' ')
    .replace(/<code[\s\S]*?<\/code>/gi, ' ')
    .replace(/<a\b[\s\S]*?<\/a>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
  return [...decode(text).matchAll(/(?:^|[^\w`/])@([A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9][\w.-]*)?)/g)].map((m) => m[1])
}

/** The href of every link in the HTML. */
export function linksIn(html) {
  return [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/gi)].map((m) => decode(m[1]))
}

/** Raw HTML elements in the output, by tag name (img, details, script ...). */
export function elementsIn(html, tag) {
  return (html.match(new RegExp(`<${tag}\\b`, 'gi')) ?? []).length
}
