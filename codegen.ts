import type { CodegenConfig } from '@graphql-codegen/cli'

/** Typed documents for the test operations, generated from the committed SDL (`npm run codegen`). */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  // NodeNext resolution needs explicit .js extensions in the generated imports.
  emitLegacyCommonJSImports: false,
  documents: ['test/gateway/operations/*.graphql'],
  generates: {
    'test/gateway/__generated__/': {
      preset: 'client',
      // NodeNext resolution needs explicit `.js` extensions in the generated relative imports.
      config: { emitLegacyCommonJSImports: false, scalars: { DateTime: 'string', JSON: 'unknown', EmailAddress: 'string', Money: 'number' } }
    }
  }
}

export default config
