import {
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema
} from 'graphql'
import { mulberry32 } from '../../src/demo/prng.js'

/** One generated request: an HTTP body (or raw text) with its content type and method. */
export interface FuzzRequest {
  kind: string
  method: 'GET' | 'POST' | 'PUT'
  contentType?: string
  body?: string
  search?: string
}

const HOSTILE_STRINGS = [
  '', ' ', "x' OR 1=1 --", '"; DROP TABLE records; --', '%', '_', '\\', '\u0000', '\u202e', '💥'.repeat(50), 'a'.repeat(5000),
  '__proto__', 'constructor', '$where', '{"$gt": ""}', '../../etc/passwd', '<script>alert(1)</script>', '2025-13-45T99:99:99Z', 'NaN'
]
const HOSTILE_NUMBERS = [0, -1, 1, 20, 100, 101, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, 1e308, -1e308, 0.5, -0.0]
const JUNK_VALUES: unknown[] = [null, true, false, [], {}, [[[]]], { __proto__: { polluted: true } }, { constructor: { prototype: { x: 1 } } }, 'str', 42, -1, 1e400]

/** Deterministic generator of malformed and hostile GraphQL requests over `schema`. */
export class FuzzOperations {
  private readonly random: () => number

  constructor(
    private readonly schema: GraphQLSchema,
    seed: number
  ) {
    this.random = mulberry32(seed)
  }

  private int(max: number): number {
    return Math.floor(this.random() * max)
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]
  }

  private chance(p: number): boolean {
    return this.random() < p
  }

  /** A literal of (roughly) `type`; wrong on purpose some of the time. */
  private literal(type: GraphQLInputType, depth: number): string {
    if (this.chance(0.08)) return this.pick(['null', '"wrong"', '123', 'true', '[1, 2]', '{ a: 1 }', '$undeclared', 'NOT_AN_ENUM'])
    if (isNonNullType(type)) return this.literal(type.ofType, depth)
    if (isListType(type)) return `[${Array.from({ length: this.int(3) }, () => this.literal(type.ofType, depth)).join(', ')}]`
    if (isEnumType(type)) return this.pick(type.getValues()).name
    if (isInputObjectType(type)) {
      if (depth > 4) return '{}'
      const fields = Object.values(type.getFields())
      const chosen = [...fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined), ...Array.from({ length: 1 + this.int(3) }, () => this.pick(fields))]
      return `{ ${[...new Set(chosen)].map((f) => `${f.name}: ${this.literal(f.type, depth + 1)}`).join(', ')} }`
    }
    const name = isScalarType(type) ? type.name : 'String'
    if (name === 'Int' || name === 'Float' || name === 'Money') return String(this.pick(HOSTILE_NUMBERS))
    if (name === 'Boolean') return this.pick(['true', 'false'])
    return JSON.stringify(this.pick(HOSTILE_STRINGS))
  }

  /** A selection set on `type`, sometimes with unknown fields, missing sub-selections or odd aliases. */
  private selection(type: GraphQLObjectType, depth: number): string {
    const fields = Object.values(type.getFields())
    const parts: string[] = []
    for (let i = 0, n = 1 + this.int(4); i < n; i++) {
      if (this.chance(0.03)) {
        parts.push(this.pick(['nope', '__typename', '...Missing', '... on Customer { customerId }', '__schema { types { name } }']))
        continue
      }
      const field = this.pick(fields)
      const alias = this.chance(0.15) ? `${this.pick(['a', 'b', 'data', '__x'])}${this.int(9)}: ` : ''
      // Required arguments always: leaving them out only ever tests validation.
      const args = field.args.filter((a) => isNonNullType(a.type) || this.chance(0.5)).map((a) => `${a.name}: ${this.literal(a.type, 0)}`)
      const target = getNamedType(field.type)
      let sub = ''
      if (isCompositeType(target) && isObjectType(target) && !this.chance(0.03)) sub = depth > 5 ? ' { __typename }' : ` { ${this.selection(target, depth + 1)} }`
      parts.push(`${alias}${field.name}${args.length ? `(${args.join(', ')})` : ''}${sub}`)
    }
    return parts.join(' ')
  }

  /** A whole operation, sometimes with variables of random (often wrong) values. */
  private operation(): { query: string; variables?: unknown; operationName?: unknown } {
    const query = this.schema.getQueryType()!
    if (this.chance(0.3)) {
      const variables: Record<string, unknown> = { limit: this.pick([...HOSTILE_NUMBERS, ...JUNK_VALUES]), where: this.pick(JUNK_VALUES), after: this.pick([...HOSTILE_STRINGS, ...JUNK_VALUES]) }
      return {
        query: `query Q($limit: Int, $where: CustomerWhere, $after: String) { customersConnection(first: $limit, where: $where, after: $after) { totalCount edges { cursor node { customerId tickets(limit: $limit) { subject } } } } }`,
        variables: this.chance(0.2) ? this.pick(JUNK_VALUES) : variables,
        operationName: this.chance(0.1) ? this.pick(JUNK_VALUES) : 'Q'
      }
    }
    return { query: `{ ${this.selection(query, 0)} }` }
  }

  /** Flips, drops or duplicates characters of a valid document. */
  private mutate(text: string): string {
    const chars = [...text]
    for (let i = 0, n = 1 + this.int(4); i < n; i++) {
      const at = this.int(chars.length)
      const op = this.int(3)
      if (op === 0) chars.splice(at, 1)
      else if (op === 1) chars.splice(at, 0, this.pick(['{', '}', '(', ')', ':', '$', '"', '@', '...', '#', '\u0000', '\\']))
      else chars.splice(at, 0, ...chars.slice(at, at + this.int(20)))
    }
    return chars.join('')
  }

  /** The next request: mostly GraphQL over JSON, sometimes broken HTTP. */
  next(): FuzzRequest {
    const roll = this.random()
    if (roll < 0.55) return { kind: 'generated', method: 'POST', contentType: 'application/json', body: JSON.stringify(this.operation()) }
    if (roll < 0.75) return { kind: 'mutated', method: 'POST', contentType: 'application/json', body: JSON.stringify({ query: this.mutate(this.operation().query) }) }
    if (roll < 0.83) {
      const body = this.pick(['', '{', 'null', '[]', '[{"query":"{ __typename }"}]', '{"query": 5}', '{"query": null}', '{"query": {}}', '"{ customers { customerId } }"', '{"query":"{ __typename }","variables":"x"}', '{"query":"{ __typename }","extensions":[1]}'])
      return { kind: 'bad-json', method: 'POST', contentType: 'application/json', body }
    }
    if (roll < 0.88) return { kind: 'content-type', method: 'POST', contentType: this.pick([undefined, 'text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=latin1']), body: JSON.stringify(this.operation()) }
    if (roll < 0.96) {
      const op = this.operation()
      const params = new URLSearchParams({ query: this.chance(0.3) ? this.mutate(op.query) : op.query })
      if (this.chance(0.5)) params.set('variables', this.pick(['{', '[]', 'null', JSON.stringify({ limit: -5 })]))
      return { kind: 'get', method: 'GET', search: `?${params}` }
    }
    return { kind: 'method', method: 'PUT', contentType: 'application/json', body: JSON.stringify(this.operation()) }
  }
}
