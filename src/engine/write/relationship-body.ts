import { describeValue, invalidBody, isPlainObject } from './body-errors.js'

/** Which way an attach creates, or a detach filters, edges relative to the source record. */
export type Direction = 'in' | 'out'

/** A validated attach body. */
export interface AttachBody {
  targetIds: string[]
  type: string | undefined
  direction: Direction
}

/** A validated detach body; `types` undefined means every type, `direction` undefined both ways. */
export interface DetachBody {
  targetIds: string[]
  types: string[] | undefined
  direction: Direction | undefined
}

function parseTargetIds(raw: unknown, problems: string[]): string[] {
  if (raw === undefined) problems.push('"targetIds" is required')
  else if (typeof raw === 'string') {
    if (raw === '') problems.push('"targetIds" is not allowed to be empty')
    else return [raw]
  } else if (Array.isArray(raw)) {
    if (raw.length === 0) problems.push('"targetIds" must contain at least 1 item')
    raw.forEach((id, i) => {
      if (typeof id !== 'string' || id === '') problems.push(`"targetIds[${i}]" must be a non-empty string`)
    })
    return raw as string[]
  } else problems.push('"targetIds" must be a string or an array of strings')
  return []
}

function parseDirection(raw: unknown, problems: string[]): Direction | undefined {
  if (raw === undefined || raw === 'in' || raw === 'out') return raw
  problems.push(`"direction" must be one of [in, out], got ${describeValue(raw)}`)
  return undefined
}

function requireObject(body: unknown): Record<string, unknown> {
  if (!isPlainObject(body)) throw invalidBody(['"value" must be of type object'])
  return body
}

/** Validates `{targetIds: string | string[], type?, direction?}` (POST /relationships/:id). */
export function parseAttachBody(body: unknown): AttachBody {
  const obj = requireObject(body)
  const problems: string[] = []
  const targetIds = parseTargetIds(obj.targetIds, problems)
  if (obj.type !== undefined && (typeof obj.type !== 'string' || obj.type === '')) problems.push('"type" must be a non-empty string')
  const direction = parseDirection(obj.direction, problems) ?? 'out'
  if (problems.length > 0) throw invalidBody(problems)
  return { targetIds, type: obj.type as string | undefined, direction }
}

/** Validates `{targetIds, typeOrTypes?: string | string[], direction?}` (PUT /relationships/:id). */
export function parseDetachBody(body: unknown): DetachBody {
  const obj = requireObject(body)
  const problems: string[] = []
  const targetIds = parseTargetIds(obj.targetIds, problems)
  const raw = obj.typeOrTypes
  let types: string[] | undefined
  if (typeof raw === 'string' && raw !== '') types = [raw]
  else if (Array.isArray(raw) && raw.length > 0 && raw.every((t) => typeof t === 'string' && t !== '')) types = raw as string[]
  else if (raw !== undefined) problems.push('"typeOrTypes" must be a non-empty string or a non-empty array of non-empty strings')
  const direction = parseDirection(obj.direction, problems)
  if (problems.length > 0) throw invalidBody(problems)
  return { targetIds, types, direction }
}
