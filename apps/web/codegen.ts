import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for every operation beside the components, from the server's committed schema.
 * `src/graphql/codegen.test.ts` regenerates in memory and fails when the committed files are stale.
 */
const config: CodegenConfig = {
  schema: '../server/schema.graphql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: true,
  generates: {
    'src/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
        strictScalars: true,
        scalars: {
          DateTimeISO: 'string',
          LocalDate: 'string',
          SafeInt: 'number',
        },
      },
    },
    // The schema for Graphcache (minified introspection): lists, interfaces and nullability it needs to normalize.
    'src/graphql/generated/introspection.ts': {
      plugins: ['urql-introspection'],
      config: { module: 'es2015', minify: true, useTypeImports: true },
    },
  },
};

export default config;
