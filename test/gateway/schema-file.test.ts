import { readFileSync } from 'node:fs'
import { printSchema } from 'graphql'
import { describe, expect, it } from 'vitest'
import { schema } from '../../src/schema/index.js'

describe('schema.graphql', () => {
  it('is the printed schema (run `npm run codegen` after changing src/schema)', () => {
    const committed = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8')
    expect(committed).toBe(printSchema(schema) + '\n')
  })

  it('keeps each type’s storage mapping on the type', () => {
    const customer = schema.getType('Customer')!
    expect(customer.extensions.rushdb).toMatchObject({ label: 'CUSTOMER', relations: { account: { label: 'ACCOUNT', edges: [{ type: 'BELONGS_TO', direction: 'out' }, { direction: 'any' }] } } })
  })
})
