import { writeFileSync } from 'node:fs'
import { printSchema } from 'graphql'
import { schema } from '../src/schema/index.js'

// The committed SDL; test/gateway/schema-file.test.ts fails when it is stale.
writeFileSync(new URL('../schema.graphql', import.meta.url), printSchema(schema) + '\n')
console.log('wrote schema.graphql')
