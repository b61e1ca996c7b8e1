import { badRequest } from '../errors.js'

/**
 * The one place identifiers meet SQL text. The engine's SQL names only its own fixed tables and
 * columns; user-supplied names (labels, property names, relation types) are always bound as
 * parameters. This guard exists for the rare generated identifier (aliases of joined tables).
 */
export function quoteIdentifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw badRequest(`Invalid identifier "${name}"`)
  return `"${name}"`
}
