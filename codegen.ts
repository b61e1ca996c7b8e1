import type { CodegenConfig } from '@graphql-codegen/cli'

/** Typed documents for the test operations, generated from the committed SDL (`npm run codegen`). */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  // Generated imports end in .js, as NodeNext module resolution requires.
  emitLegacyCommonJSImports: false,
  documents: ['test/gateway/operations/*.graphql'],
  generates: {
    'test/gateway/__generated__/': {
      preset: 'client',
      config: { scalars: { DateTime: 'string', JSON: 'unknown', EmailAddress: 'string', Money: 'number' } }
    }
  }
}

export default config
