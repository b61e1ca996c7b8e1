import { expect } from 'vitest'
import type { TestGateway } from './test-gateway.js'

/** Pages a connection to its end with `first`/`after`, then back from the end with `last`/`before`; returns every page seen. */
export async function pageThrough(t: TestGateway, field: string, args: string, size: number) {
  const forward: string[][] = []
  const totals: number[] = []
  let after: string | null = null
  let calls = 0
  for (let i = 0; i < 20; i++) {
    const { body } = await t.query(`query($after: String) { c: ${field}(first: ${size}, after: $after${args}) { totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage endCursor } } }`, { after })
    expect(body.errors).toBeUndefined()
    calls += body.extensions.rushdb.calls
    const c = body.data.c
    forward.push(c.nodes.map((n: { id: string }) => n.id))
    totals.push(c.totalCount)
    expect(c.pageInfo.hasPreviousPage).toBe(after !== null)
    if (!c.pageInfo.hasNextPage) break
    after = c.pageInfo.endCursor
  }
  const backward: string[][] = []
  let before: string | null = null
  for (let i = 0; i < 20; i++) {
    const { body } = await t.query(`query($before: String) { c: ${field}(last: ${size}, before: $before${args}) { nodes { id } pageInfo { hasPreviousPage hasNextPage startCursor } } }`, { before })
    expect(body.errors).toBeUndefined()
    calls += body.extensions.rushdb.calls
    const c = body.data.c
    backward.unshift(c.nodes.map((n: { id: string }) => n.id))
    expect(c.pageInfo.hasNextPage).toBe(before !== null)
    if (!c.pageInfo.hasPreviousPage) break
    before = c.pageInfo.startCursor
  }
  return { forward, backward, totals, calls }
}
