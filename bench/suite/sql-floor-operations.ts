import Database from 'better-sqlite3'
import { CHURN_MATCHES_CTE, CHURN_PARAMS } from '../engine/sql-floor.js'

/** The nested-import relationship type (RushDB's default). */
const NESTED = '__RUSHDB__RELATION__DEFAULT__'

type Row = { parent?: number; rid: number; id: string; props: string }
type Props = Record<string, unknown> & { __rid: number; __id: string }

/** How a child level hangs off its parents: edge types seen from the parent, label, filter, order, page. */
interface ChildLevel {
  label: string
  /** Types followed from parent to child (`out`), child to parent (`in`), or either way (`any`). */
  out?: string[]
  in?: string[]
  any?: string[]
  /** SQL condition on the child row `c` (values as named parameters). */
  where?: string
  /** ORDER BY terms on `c`, the record id (`c.rid`) always last. */
  order?: string
  limit: number
}

// One statement per level of the answer, the way a hand-written application would read a tree:
// the parents' rids go in as a JSON array, the children come back with the parent they hang off,
// already filtered, ordered and paged per parent in SQL (row_number over the parent).
function childSql(level: ChildLevel): string {
  const arms: string[] = []
  const types = (list: string[]) => list.map((t) => `'${t}'`).join(', ')
  const outTypes = [...(level.out ?? []), ...(level.any ?? [])]
  const inTypes = [...(level.in ?? []), ...(level.any ?? [])]
  if (outTypes.length) arms.push(`SELECT p.value AS parent, e.dst AS child FROM json_each(@parents) p JOIN rels e ON e.src = p.value AND e.type IN (${types(outTypes)})`)
  if (inTypes.length) arms.push(`SELECT p.value, e.src FROM json_each(@parents) p JOIN rels e ON e.dst = p.value AND e.type IN (${types(inTypes)})`)
  return `
    WITH edges AS (${arms.join(' UNION ')}),
    ranked AS (
      SELECT edges.parent, c.rid, c.id, c.props,
        row_number() OVER (PARTITION BY edges.parent ORDER BY ${level.order ? `${level.order}, ` : ''}c.rid) AS n
      FROM edges JOIN records c ON c.rid = edges.child AND c.label = '${level.label}'
      ${level.where ? `WHERE ${level.where}` : ''}
    )
    SELECT parent, rid, id, props FROM ranked WHERE n <= ${level.limit} ORDER BY parent, n`
}

function hydrate(row: Row): Props {
  return { ...JSON.parse(row.props), __rid: row.rid, __id: row.id }
}

function pick(record: Props, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, f === 'id' ? record.__id : (record[f] ?? null)]))
}

const statusIs = (param: string) => `EXISTS (SELECT 1 FROM vals s WHERE s.rid = c.rid AND s.name = 'status' AND s.type = 'string' AND s.v = @${param})`

// The engine benchmark's churn matches (bench/engine/sql-floor.ts), paged as the GraphQL page of 20.
const CHURN_SQL = `${CHURN_MATCHES_CTE}
SELECT r.rid, r.id, r.props FROM matches m
JOIN records r ON r.rid = m.rid
JOIN vals k ON k.rid = m.rid AND k.name = 'customerId' AND k.pos = 0
ORDER BY k.v, r.rid
LIMIT 20`

// Keyset page in customerId order on the (name, type, v, rid) index: rows after the cursor's
// (customerId, id), one more than the page to know whether another page follows.
const PAGE_SQL = `
SELECT r.rid, r.id, r.props FROM vals k JOIN records r ON r.rid = k.rid AND r.label = 'CUSTOMER'
WHERE k.name = 'customerId' AND k.type = 'string' AND k.pos = 0
  AND (@after IS NULL OR k.v > @v OR (k.v = @v AND r.rid > (SELECT rid FROM records WHERE id = @id)))
ORDER BY k.v, r.rid
LIMIT 21`

/** Hand-written SQL answers to the reference operations on the engine's tables: no GraphQL, no SDK. */
export interface SqlFloorOperations {
  /** The answer to reference operation `name` with its variables, in the shape of the GraphQL `data`. */
  run(name: string, variables: Record<string, unknown>): unknown
  close(): void
}

/** Opens the engine file read-only and prepares one statement per query and per child level. */
export function openSqlFloorOperations(path: string): SqlFloorOperations {
  const db = new Database(path, { readonly: true })
  db.pragma('cache_size = -65536')
  const statements = new Map<string, Database.Statement>()
  const stmt = (sql: string) => {
    let s = statements.get(sql)
    if (!s) statements.set(sql, (s = db.prepare(sql)))
    return s
  }
  const children = (parents: Props[], level: ChildLevel, params: Record<string, unknown> = {}) => {
    const groups = new Map<number, Props[]>(parents.map((p) => [p.__rid, []]))
    const rows = stmt(childSql(level)).all({ ...params, parents: JSON.stringify(parents.map((p) => p.__rid)) }) as Row[]
    for (const row of rows) groups.get(row.parent!)!.push(hydrate(row))
    return (parent: Props) => groups.get(parent.__rid)!
  }
  const firstCustomers = () => (stmt("SELECT rid, id, props FROM records WHERE label = 'CUSTOMER' ORDER BY rid LIMIT 20").all() as Row[]).map(hydrate)

  const operations: Record<string, (v: Record<string, unknown>) => unknown> = {
    'flat-list': () => ({ customers: firstCustomers().map((c) => pick(c, ['id', 'customerId', 'name', 'email', 'plan', 'region', 'createdAt'])) }),
    'three-levels': () => {
      const customers = firstCustomers()
      const subs = children(customers, { label: 'SUBSCRIPTION', any: [NESTED], limit: 100 })
      const allSubs = customers.flatMap(subs)
      const invoices = children(allSubs, { label: 'INVOICE', out: ['HAS_INVOICE'], any: [NESTED], limit: 100 })
      return {
        customers: customers.map((c) => ({
          ...pick(c, ['customerId', 'name', 'plan']),
          subscriptions: subs(c).map((s) => ({ ...pick(s, ['subscriptionId', 'plan', 'status', 'mrr']), invoices: invoices(s).map((i) => pick(i, ['invoiceId', 'month', 'amount', 'status'])) }))
        }))
      }
    },
    'churn-risk': () => {
      const customers = (stmt(CHURN_SQL).all(CHURN_PARAMS) as Row[]).map(hydrate)
      const account = children(customers, { label: 'ACCOUNT', out: ['BELONGS_TO'], any: [NESTED], limit: 1 })
      const subs = children(customers, { label: 'SUBSCRIPTION', any: [NESTED], where: statusIs('status'), limit: 100 }, { status: 'active' })
      const tickets = children(customers, {
        label: 'SUPPORT_TICKET', out: ['CREATED'], any: [NESTED], limit: 100,
        where: `${statusIs('status')} AND EXISTS (SELECT 1 FROM vals m WHERE m.rid = c.rid AND m.name = 'sentiment' AND m.type = 'string' AND m.v = @sentiment)`
      }, { status: 'open', sentiment: 'negative' })
      return {
        customers: customers.map((c) => {
          const a = account(c)[0]
          return {
            ...pick(c, ['customerId', 'name', 'plan']),
            account: a ? pick(a, ['name', 'region', 'mrr']) : null,
            subscriptions: subs(c).map((s) => pick(s, ['plan', 'status', 'renewsAt'])),
            tickets: tickets(c).map((t) => pick(t, ['subject', 'createdAt']))
          }
        })
      }
    },
    'ticket-context': (v) => {
      const ticket = stmt(`SELECT r.rid, r.id, r.props FROM vals k JOIN records r ON r.rid = k.rid AND r.label = 'SUPPORT_TICKET'
        WHERE k.name = 'ticketId' AND k.type = 'string' AND k.v = @ticketId ORDER BY r.rid LIMIT 1`).get({ ticketId: v.ticketId }) as Row | undefined
      if (!ticket) return { ticket: null }
      const t = hydrate(ticket)
      const c = children([t], { label: 'CUSTOMER', in: ['CREATED'], any: [NESTED], limit: 1 })(t)[0]
      if (!c) return { ticket: { ...pick(t, ['ticketId', 'subject', 'status', 'sentiment', 'priority', 'createdAt']), customer: null } }
      const a = children([c], { label: 'ACCOUNT', out: ['BELONGS_TO'], any: [NESTED], limit: 1 })(c)[0]
      const subs = children([c], { label: 'SUBSCRIPTION', any: [NESTED], limit: 100 })(c)
      const invoices = children(subs, { label: 'INVOICE', out: ['HAS_INVOICE'], any: [NESTED], order: "json_extract(c.props, '$.month') DESC", limit: 6 })
      const tickets = children([c], { label: 'SUPPORT_TICKET', out: ['CREATED'], any: [NESTED], order: "json_extract(c.props, '$.createdAt') DESC", limit: 5 })(c)
      return {
        ticket: {
          ...pick(t, ['ticketId', 'subject', 'status', 'sentiment', 'priority', 'createdAt']),
          customer: {
            ...pick(c, ['customerId', 'name', 'email', 'plan']),
            account: a ? pick(a, ['accountId', 'name', 'plan', 'region', 'mrr']) : null,
            subscriptions: subs.map((s) => ({ ...pick(s, ['subscriptionId', 'plan', 'status', 'mrr', 'renewsAt']), invoices: invoices(s).map((i) => pick(i, ['invoiceId', 'month', 'amount', 'status'])) })),
            tickets: tickets.map((x) => pick(x, ['ticketId', 'subject', 'status', 'createdAt']))
          }
        }
      }
    },
    'mrr-by-region': () => ({
      accountsGroupBy: (stmt(`SELECT g.v AS region, count(*) AS n, coalesce(sum(m.v), 0) AS mrr
        FROM records a
        LEFT JOIN vals g ON g.rid = a.rid AND g.name = 'region' AND g.pos = 0
        LEFT JOIN vals m ON m.rid = a.rid AND m.name = 'mrr' AND m.type = 'number' AND m.pos = 0
        WHERE a.label = 'ACCOUNT' GROUP BY g.v ORDER BY g.v`).all() as Array<{ region: string | null; n: number; mrr: number }>).map((r) => ({ key: { region: r.region }, count: r.n, sum: { mrr: r.mrr } }))
    }),
    'first-page': () => page(null),
    'deep-page': (v) => page(v.after as string)
  }

  function page(after: string | null) {
    const [v, id] = after ? (JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as [string, string]) : [null, null]
    const rows = (stmt(PAGE_SQL).all({ after, v, id }) as Row[]).map(hydrate)
    const edges = rows.slice(0, 20).map((r) => ({
      cursor: Buffer.from(JSON.stringify([r.customerId ?? null, r.__id])).toString('base64url'),
      node: pick(r, ['customerId', 'name', 'plan', 'region'])
    }))
    return { customersConnection: { edges, pageInfo: { hasNextPage: rows.length > 20, endCursor: edges.at(-1)?.cursor ?? null } } }
  }

  return {
    run(name, variables) {
      const op = operations[name]
      if (!op) throw new Error(`no SQL floor for ${name}`)
      return op(variables)
    },
    close: () => db.close()
  }
}
