/** A URL fit for names, logs and messages: no user name or password, optionally no query. */
export function urlText(url: string, { query = true }: { query?: boolean } = {}): string {
  const u = new URL(url)
  u.username = ''
  u.password = ''
  if (!query) u.search = ''
  return u.toString()
}
