// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'libs/core/src/database/migrations/Migration*.ts'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through AppConfig.' }],
    },
  },
  {
    // Layering: a library never reaches into an app or past another library's index.ts.
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'typescript', message: 'Production code never loads a TypeScript compiler at run time.' }],
          patterns: [
            { group: ['**/apps/**'], message: 'A library never imports an app.' },
            {
              group: ['../../*/src/**', '../../../*/src/**', '../../../../*/src/**'],
              message: 'Use the library through its index: @app/<name>.',
            },
            { group: ['@app/*/**'], message: 'Use the library through its index: @app/<name>.' },
          ],
        },
      ],
    },
  },
  {
    files: [
      'libs/core/src/config/app-config.ts',
      'libs/testing/src/**',
      '**/*.spec.ts',
      '**/*.e2e-spec.ts',
      'apps/*/test/**',
      'scripts/**',
      'bench/**',
      'deploy/**',
      'test/**',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false, program: null, project: false },
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' },
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },
);
