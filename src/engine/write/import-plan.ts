import { badRequest } from '../errors.js'
import type { PropertyValue } from '../types.js'
import { describeValue, isPlainObject, propertyNameProblem } from './body-errors.js'
import { inferImportValue, type ImportTypeOptions } from './infer-import-types.js'
import type { TypedProps } from './typed-props.js'

/** Deepest nesting of records an import accepts (engine limit; RushDB has none). */
export const MAX_IMPORT_DEPTH = 32

/** One record an import will write: `parent` is the index of its parent node, or -1. */
export interface ImportNode {
  label: string | null
  typed: TypedProps
  parent: number
}

/** Options that shape the plan: typing plus `capitalizeLabels`. */
export interface ImportPlanOptions extends ImportTypeOptions {
  capitalizeLabels?: boolean
}

/** A queued object; its path (for messages) is rebuilt from `from`/`key`/`at` only on error. */
interface QueueItem {
  value: Record<string, unknown>
  label: string | null
  parent: number
  depth: number
  from: number
  key: string
  at: number
}

const PRIMITIVE = 0
const CHILD = 1
const CHILDREN = 2

function isPrimitive(value: unknown): boolean {
  if (value === null) return true
  const t = typeof value
  return t === 'string' || t === 'boolean' || (t === 'number' && Number.isFinite(value))
}

/** Why an array is neither all primitives nor all objects (RushDB makes garbage records or a 500). */
function oddArrayProblem(value: unknown[], path: string): string {
  const i = value.findIndex((item) => !isPlainObject(item))
  const item = value[i]
  if (Array.isArray(item)) return `"${path}[${i}]" is an array inside an array; nested arrays cannot be imported`
  if (value.some(isPlainObject)) {
    return `"${path}[${i}]" is ${describeValue(item)} in an array of objects; an array must hold only objects (child records) or only primitive values`
  }
  return `"${path}[${i}]" must be null, a boolean, a finite number or a string, got ${describeValue(item)}`
}

/**
 * PRIMITIVE, CHILD or CHILDREN; odd shapes are a 400 naming the path. The path is built only on
 * error (no per-key closure: this runs once per property of every imported record).
 */
function shapeOf(value: unknown, queue: readonly QueueItem[], item: QueueItem, key: string): number {
  if (typeof value !== 'object' || value === null) {
    if (isPrimitive(value)) return PRIMITIVE
    throw badRequest(`"${pathOf(queue, item, key)}" must be null, a boolean, a finite number, a string, an object or an array, got ${describeValue(value)}`)
  }
  if (!Array.isArray(value)) return CHILD
  if (value.length === 0 || isPrimitive(value[0])) {
    if (value.every(isPrimitive)) return PRIMITIVE
  } else if (value.every(isPlainObject)) return CHILDREN
  throw badRequest(oddArrayProblem(value, pathOf(queue, item, key)))
}

function pathOf(queue: readonly QueueItem[], item: QueueItem, key?: string): string {
  const parts: string[] = key === undefined ? [] : [`.${key}`]
  for (let cur: QueueItem | undefined = item; cur; cur = cur.from >= 0 ? queue[cur.from] : undefined) {
    parts.push(cur.at >= 0 ? `${cur.key}[${cur.at}]` : cur.key)
    if (cur.from >= 0) parts.push('.')
  }
  return parts.reverse().join('')
}

function hasPrimitiveKeys(queue: readonly QueueItem[], item: QueueItem): boolean {
  return Object.keys(item.value).some((key) => {
    const value = item.value[key]
    return value !== undefined && shapeOf(value, queue, item, key) === PRIMITIVE
  })
}

/**
 * Flattens an import payload breadth-first into the records to write (RushDB `serializeBFS`):
 * objects and arrays of objects become child records labelled by their key. A single root object
 * with no primitive values is skipped and its children become top-level (v1.19.1). Every check
 * happens here, before anything is written; the first problem is a 400 naming its path.
 */
export function planImport(data: Record<string, unknown> | Array<Record<string, unknown>>, label: string | null, options: ImportPlanOptions): ImportNode[] {
  const labels = new Map<string, string>()
  const relabel = (name: string): string => {
    if (!options.capitalizeLabels) return name
    let upper = labels.get(name)
    if (upper === undefined) labels.set(name, (upper = name.toUpperCase()))
    return upper
  }
  const rootLabel = label === null ? null : relabel(label)
  const queue: QueueItem[] = Array.isArray(data)
    ? data.map((value, at) => ({ value, label: rootLabel, parent: -1, depth: 1, from: -1, key: 'data', at }))
    : [{ value: data, label: rootLabel, parent: -1, depth: 1, from: -1, key: 'data', at: -1 }]
  const skipRoot = !Array.isArray(data) && !hasPrimitiveKeys(queue, queue[0])
  const nodes: ImportNode[] = []
  for (let head = 0; head < queue.length; head++) {
    const item = queue[head]
    if (item.depth > MAX_IMPORT_DEPTH) throw badRequest(`"${pathOf(queue, item)}" is nested deeper than ${MAX_IMPORT_DEPTH} levels`)
    const typed: TypedProps = { props: {}, proptypes: {} }
    const index = head === 0 && skipRoot ? -1 : nodes.push({ label: item.label, typed, parent: item.parent }) - 1
    planChildren(queue, head, index, typed, relabel, options)
  }
  return nodes
}

function planChildren(queue: QueueItem[], head: number, index: number, typed: TypedProps, relabel: (name: string) => string, options: ImportPlanOptions): void {
  const item = queue[head]
  const depth = item.depth + 1
  for (const key of Object.keys(item.value)) {
    const value = item.value[key]
    if (value === undefined) continue
    if (key.length === 0 || key.length > 100 || key === '__proto__') throw badRequest(propertyNameProblem(key, pathOf(queue, item, key))!)
    const shape = shapeOf(value, queue, item, key)
    if (shape === PRIMITIVE) {
      const inferred = inferImportValue(value as PropertyValue, options)
      typed.props[key] = inferred.value
      typed.proptypes[key] = inferred.type
    } else if (shape === CHILD) {
      queue.push({ value: value as Record<string, unknown>, label: relabel(key), parent: index, depth, from: head, key, at: -1 })
    } else {
      const list = value as Array<Record<string, unknown>>
      const childLabel = relabel(key)
      for (let at = 0; at < list.length; at++) queue.push({ value: list[at], label: childLabel, parent: index, depth, from: head, key, at })
    }
  }
}
