// Flat config. The layer arrows of architecture.md are enforced here, so a wrong import is a lint error.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

/**
 * Forbid imports of the named layers from a folder (imports point downward only). test/ helpers are not a layer;
 * `allow` names single modules that may still be imported (pure modules with no imports of their own).
 */
const forbid = (files, layers, why, allow = []) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: layers.map((layer) => ({
          // A module can be allowed back only when its folder itself is not excluded (gitignore rules).
          group:
            allow.length === 0
              ? [`**/${layer}/*`, `**/${layer}`, '!**/test/**']
              : [`**/${layer}/*`, '!**/test/**', ...allow.map((a) => `!**/${a}`)],
          message: why,
        })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  forbid(
    ['src/chain/**'],
    ['protocol', 'analysis', 'engine', 'viz', 'ui', 'views', 'cli', 'lessons'],
    'chain/ is the bottom layer: it imports nothing above it.',
  ),
  forbid(
    ['src/protocol/**'],
    ['engine', 'viz', 'ui', 'views', 'cli', 'lessons'],
    'protocol/ sits on chain/ and analysis/ only.',
  ),
  forbid(
    ['src/analysis/**'],
    ['chain', 'protocol', 'engine', 'viz', 'ui', 'views', 'cli', 'lessons'],
    'analysis/ is pure: network in, analysis out.',
  ),
  // The display policy for numbers is one pure module (BigInt string work, no imports of its own), with the
  // unit each world value counts; lesson feedback and lesson files' choices, written in engine/, follow it too.
  forbid(['src/engine/**'], ['viz', 'ui', 'views', 'cli', 'lessons'], 'engine/ sits below the views.', [
    'viz/format.ts',
    'viz/format-rational.ts',
    'viz/path-units.ts',
  ]),
  forbid(['src/viz/**', 'src/ui/**'], ['chain', 'protocol', 'cli', 'views'], 'viz/ and ui/ get plain data.'),
  forbid(['src/views/**', 'src/*.svelte'], ['chain', 'cli'], 'Views talk to the chain through engine/ only.'),
  forbid(
    ['lessons/**'],
    ['chain', 'analysis', 'viz', 'ui', 'views', 'cli'],
    'Lessons import xstate, engine actor declarations and protocol types only.',
  ),
);
