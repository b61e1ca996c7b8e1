import type { GraphiQLOptions } from 'graphql-yoga'

let cached: { key: string; html: Promise<string> } | undefined

/**
 * yoga's `renderGraphiQL`, serving GraphiQL with its scripts, styles and editor workers inlined
 * from the npm package @graphql-yoga/render-graphiql, so the playground works without a CDN
 * (yoga's default page loads them from unpkg). The 9 MB module loads on the first page view only.
 */
export function renderOfflineGraphiQL(options: GraphiQLOptions): Promise<string> {
  const key = JSON.stringify(options)
  if (cached?.key !== key) {
    cached = { key, html: import('@graphql-yoga/render-graphiql').then(({ renderGraphiQL }) => renderGraphiQL(options)) }
  }
  return cached.html
}
