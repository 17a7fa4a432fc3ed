// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Who may import whom. A folder's name says where its code runs (see README, "Architecture"):
 * common is pure TS shared by everyone; core is plain Node; main and preload are Electron only;
 * host and cli reach the same core services; the renderer only talks to `window.margin`.
 */
const NODE_BUILTINS =
  '^(node:.*|fs|fs/promises|path|os|crypto|child_process|http|https|net|url|util|stream|zlib|worker_threads)$';
const layer = (allowed, extra = []) => {
  const all = ['common', 'core', 'main', 'preload', 'host', 'cli'];
  const forbidden = all.filter((l) => !allowed.includes(l));
  return [
    'error',
    {
      patterns: [
        ...forbidden.map((l) => ({
          regex: `(^|/)(electron/)?${l}(/|$)`,
          message: `This layer may not import electron/${l} (see the layering rule in eslint.config.js).`,
        })),
        { regex: '(^|/)renderer(/|$)', message: 'Only the renderer imports the renderer.' },
        ...extra,
      ],
    },
  ];
};
const noElectron = {
  regex: '^electron$',
  message: 'Only electron/main and electron/preload may import electron.',
};
const noNode = {
  regex: NODE_BUILTINS,
  message: 'This layer runs outside Node; no Node built-ins.',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/common/**'],
    rules: {
      'no-restricted-imports': layer(['common'], [noElectron, noNode]),
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['electron/core/**'],
    rules: { 'no-restricted-imports': layer(['common', 'core'], [noElectron]) },
  },
  {
    files: ['electron/main/**'],
    rules: { 'no-restricted-imports': layer(['common', 'core', 'main']) },
  },
  {
    files: ['electron/preload/**'],
    rules: { 'no-restricted-imports': layer(['common', 'preload'], [noNode]) },
  },
  {
    files: ['electron/host/**'],
    rules: { 'no-restricted-imports': layer(['common', 'core', 'host'], [noElectron]) },
  },
  {
    files: ['electron/cli/**'],
    rules: { 'no-restricted-imports': layer(['common', 'core', 'cli'], [noElectron]) },
  },
  {
    files: ['renderer/src/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noElectron,
            noNode,
            {
              regex: '(^|/)electron/(core|main|preload|host|cli)(/|$)',
              message: 'The renderer talks to window.margin; it may import only electron/common.',
            },
          ],
        },
      ],
    },
  },
);
