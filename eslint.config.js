import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'net', 'dgram', 'http', 'https', 'crypto', 'child_process', 'stream', 'zlib', 'url', 'util', 'events', 'buffer'];
const nodeOnlyPackages = ['serialport', '@serialport/*', 'ws', 'yauzl', 'tar-stream', 'tsx', 'tsx/*'];

// The electron package only; relative paths into this repo's own electron/ folder are fine.
const electronOnly = { regex: '^electron(/.*)?$', message: "Only electron/main and electron/preload may import 'electron'." };

/** Where each kind of import may appear: the architecture's walls, enforced. */
export const boundaryRules = {
  noElectron: {
    'no-restricted-imports': ['error', { patterns: [electronOnly] }],
  },
  runtimeNeutral: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          electronOnly,
          { group: [...nodeBuiltins, ...nodeOnlyPackages], message: 'renderer/ and shared/ stay runtime-neutral: no Node imports.' },
          { group: ['**/electron/engine/**', '**/electron/web/**', '**/electron/cli/**'], message: 'Talk to the engine through the API contract only.' },
        ],
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**', 'test/fixtures/lint/**', 'test/fixtures/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', URL: 'readonly', structuredClone: 'readonly', window: 'readonly', document: 'readonly', navigator: 'readonly', localStorage: 'readonly', WebSocket: 'readonly', fetch: 'readonly', performance: 'readonly', queueMicrotask: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', AbortController: 'readonly', Blob: 'readonly', File: 'readonly', FormData: 'readonly', requestAnimationFrame: 'readonly', cancelAnimationFrame: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true, named: true, defaultFrom: true, namedFrom: true, namespaceFrom: true } }],
    },
  },
  { files: ['electron/engine/**', 'electron/web/**', 'electron/cli/**', 'test/**', 'bench/**', 'scripts/**', 'bin/**'], rules: boundaryRules.noElectron },
  { files: ['renderer/**', 'shared/**'], ignores: ['renderer/vite.config.ts'], rules: boundaryRules.runtimeNeutral },
  // Config files whose tools want a default export.
  { files: ['**/*.config.ts', '**/*.config.js', 'eslint.config.js'], rules: { 'no-restricted-exports': 'off' } },
);
