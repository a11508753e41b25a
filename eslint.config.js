// One lint configuration for the whole monorepo: TypeScript everywhere, Vue SFCs in apps/web.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.toolchain/**',
      '.data/**',
      '.bench-results/**',
      'apps/web/src/graphql/generated/**',
      'apps/server/src/migrations/*.migration.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/essential'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'smart'],
      'vue/multi-word-component-names': ['error', { ignores: ['App'] }],
    },
  },
  {
    // Tests, benchmarks and scripts print the figures they measure.
    files: ['**/*.test.ts', 'bench/**', 'scripts/**', 'apps/server/src/cli/**'],
    rules: { 'no-console': 'off' },
  },
);
