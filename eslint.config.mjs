// Lint rules, including the layering rules of docs/architecture.md (B3): the dependency direction
// client -> (lsp | debug) -> (service | runtime) -> asl is enforced here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const transports = [
  'vscode-languageserver',
  'vscode-languageserver/*',
  '@vscode/debugadapter',
  '@vscode/debugprotocol',
];
const nodeBuiltins = [
  'fs',
  'fs/*',
  'node:*',
  'child_process',
  'path',
  'os',
  'net',
  'http',
  'https',
  'worker_threads',
];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'dist-vsix/**', 'node_modules/**', '.e2e/**', '**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', name: ['test', 'it', 'describe', 'suite'], package: 'node:test' },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/naming-convention': [
        'error',
        { selector: 'typeLike', format: ['PascalCase'] },
        { selector: 'interface', format: ['PascalCase'], custom: { regex: '^I[A-Z]', match: false } },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      curly: ['error', 'multi-line'],
    },
  },
  { files: ['server/**/*.ts'], rules: restrict(['vscode'], 'Nothing under server/ may import vscode.') },
  {
    files: ['server/src/asl/**/*.ts', 'server/src/schema/**/*.ts'],
    rules: restrict(
      [
        'vscode',
        ...transports,
        ...nodeBuiltins,
        '**/service/**',
        '**/runtime/**',
        '**/lsp/**',
        '**/debug/**',
      ],
      'asl/ and schema/ are the pure model: no transport, no node I/O, no upper layer.',
    ),
  },
  {
    files: ['server/src/service/**/*.ts'],
    rules: restrict(
      ['vscode', ...transports, ...nodeBuiltins, '**/runtime/**', '**/lsp/**', '**/debug/**'],
      'The language service is transport-free and does not know the runtime.',
    ),
  },
  {
    // The runtime may hash with node:crypto (States.Hash, $hash); randomness, time and files come from the host.
    files: ['server/src/runtime/**/*.ts'],
    rules: restrict(
      [
        'vscode',
        ...transports,
        ...nodeBuiltins.filter((p) => p !== 'node:*'),
        'node:fs',
        'node:fs/*',
        'node:path',
        'node:child_process',
        'node:os',
        'node:net',
        'node:http',
        'node:https',
        'node:worker_threads',
        'node:timers',
        '**/service/**',
        '**/lsp/**',
        '**/debug/**',
      ],
      'The runtime is transport-free: I/O, time and randomness come through the injected RuntimeHost.',
    ),
  },
  {
    files: ['server/src/lsp/**/*.ts'],
    rules: restrict(
      ['vscode', '@vscode/debugadapter', '**/runtime/**', '**/debug/**'],
      'lsp/ translates LSP <-> service only.',
    ),
  },
  {
    files: ['server/src/debug/**/*.ts'],
    rules: restrict(
      ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', '**/lsp/**', '**/service/**'],
      'debug/ translates DAP <-> runtime only.',
    ),
  },
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-non-null-assertion': 'off' } },
);
