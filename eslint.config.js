// @ts-check
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'net',
  'http',
  'https',
  'worker_threads',
  'stream',
  'url',
  'util',
  'events',
];

/**
 * Where code runs decides what it may import (see docs/ARCHITECTURE.md). Bare module names are
 * matched exactly (so '../crypto/x.ts' is not Node's 'crypto'); paths as globs.
 */
const restrict = (names, message) => {
  const bare = names.filter((n) => !n.includes('/') || n.startsWith('@'));
  const globs = names.filter((n) => n.includes('/') && !n.startsWith('@'));
  const escape = (n) => n.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace('*', '.*');
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { regex: `^(${bare.map(escape).join('|')})$`, message },
          ...(globs.length ? [{ group: globs, message }] : []),
        ],
      },
    ],
  };
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'coverage/',
      'test-results/',
      'playwright-report/',
      'bench/out/',
      'bin/',
      'eslint.config.js',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-console': 'off',
    },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      ...restrict(
        [
          ...nodeBuiltins,
          'electron',
          'react',
          'react-dom',
          'dexie',
          '@roamhq/wrtc',
          'ws',
          '**/renderer/**',
          '**/node/**',
          '**/electron/**',
        ],
        'shared/ is pure TypeScript: no DOM, no Node, no Electron, no UI, no concrete adapters.',
      ),
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'sessionStorage',
        'process',
        'Buffer',
        'require',
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      ...restrict(
        [...nodeBuiltins, 'electron', '@roamhq/wrtc', 'ws', '**/node/**', '**/electron/**'],
        'renderer/ runs in a sandboxed Chromium page: talk to the main process only through the preload API.',
      ),
      'no-restricted-globals': [
        'error',
        'localStorage',
        'sessionStorage',
        'process',
        'Buffer',
        'require',
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: restrict(
      [
        '**/renderer/**',
        'libsodium-wrappers-sumo',
        'yjs',
        'y-webrtc',
        'dexie',
        '**/shared/crypto/**',
        '**/shared/sync/**',
      ],
      'The main process holds no crypto and no documents.',
    ),
  },
  {
    files: ['node/**/*.ts'],
    rules: restrict(
      ['**/renderer/**', '**/electron/**', 'electron'],
      'node/ is the headless runtime: no UI, no Electron.',
    ),
  },
  {
    files: ['tests/**/*.ts', 'tests/**/*.tsx', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
