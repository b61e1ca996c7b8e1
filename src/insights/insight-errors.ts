import { GraphQLError } from 'graphql'

/** A bad argument: `BAD_USER_INPUT` with a message that says what to send instead. */
export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } })
}

/** A record named by the arguments does not exist: `NOT_FOUND`, naming what was looked for. */
export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } })
}

/** Exactly one of the named arguments, or a BAD_USER_INPUT naming the choices. */
export function exactlyOne<T extends Record<string, unknown>>(field: string, args: T, names: Array<keyof T & string>): { name: keyof T & string; value: string } {
  const given = names.filter((n) => args[n] !== undefined && args[n] !== null)
  if (given.length !== 1) throw badInput(`${field} needs exactly one of ${names.join(', ')}; got ${given.length === 0 ? 'none' : given.join(' and ')}`)
  const value = args[given[0]]
  if (typeof value !== 'string' || value.trim() === '') throw badInput(`${field}: ${given[0]} must be a non-empty string`)
  return { name: given[0], value }
}
