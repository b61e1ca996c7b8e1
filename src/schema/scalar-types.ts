import type { ScalarKind } from './storage-mapping.js'

/** The GraphQL output type of each scalar kind. */
export const OUTPUT_TYPE: Record<ScalarKind, string | [string]> = {
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
