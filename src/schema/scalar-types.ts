import type { ScalarKind } from './storage-mapping.js'

/** The GraphQL type of each scalar kind, the same for output fields and write inputs. */
export const SCALAR_TYPE: Record<ScalarKind, string | [string]> = {
  ID: 'ID',
  String: 'String',
  Email: 'EmailAddress',
  StringList: ['String'],
  Int: 'Int',
  Float: 'Float',
  Money: 'Money',
  Boolean: 'Boolean',
  DateTime: 'DateTime'
}
