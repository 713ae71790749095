/** GitHub refuses deployment and commit status descriptions over 140 characters. */
export const MAX_STATUS_DESCRIPTION = 140

/** At most `max` characters, cut at a word when one is near, with an ellipsis. */
export function clip(text: string, max = MAX_STATUS_DESCRIPTION): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`
}
