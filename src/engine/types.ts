/** Property types a RushDB record can carry (the `__proptypes` values). */
export type PropertyType = 'string' | 'number' | 'boolean' | 'datetime' | 'null' | 'vector'

/** Every property type, in a stable order. */
export const PROPERTY_TYPES: readonly PropertyType[] = ['string', 'number', 'boolean', 'datetime', 'null', 'vector']

/** A user property value as stored and returned: a primitive or a homogeneous array of them. */
export type PropertyValue = string | number | boolean | null | Array<string | number | boolean | null>

/** A record as RushDB returns it over the wire. */
export interface RecordOut {
  __id: string
  __label?: string
  __proptypes: Record<string, PropertyType>
  [property: string]: unknown
}

/** A relationship as `/relationships/search` returns it. */
export interface RelationOut {
  sourceId: string
  sourceLabel: string | undefined
  targetId: string
  targetLabel: string | undefined
  type: string
}

/** The relationship type RushDB stores when none is given. */
export const DEFAULT_RELATION_TYPE = '__RUSHDB__RELATION__DEFAULT__'

/** How the default relationship type is shown to clients. */
export const DEFAULT_RELATION_ALIAS = 'RUSHDB_DEFAULT_RELATION'

/** Maps a stored relationship type to the name clients see. */
export function publicRelationType(type: string): string {
  return type === DEFAULT_RELATION_TYPE ? DEFAULT_RELATION_ALIAS : type
}
