// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const TEST_IMPORTS = { group: ['**/test/**'], message: 'src/ never imports from test/.' };

/**
 * The adapters (bot, console, CLI) and the scheduler share views, store and core, never each other's
 * code: each gets a rule refusing imports from the others (and from test/, which ESLint's per-file
 * rule overriding would otherwise drop).
 */
function adapterBoundaries() {
  const adapters = { bot: 'src/bot', console: 'src/console', cli: 'src/cli', schedule: 'src/schedule' };
  // What each folder may not import, beyond test/.
  const forbidden = {
    bot: ['console', 'cli'],
    console: ['bot', 'cli', 'schedule'],
    cli: ['bot', 'console', 'schedule'],
    schedule: ['bot', 'console', 'cli'],
    views: ['bot', 'console', 'cli', 'schedule', 'store'],
    store: ['bot', 'console', 'cli', 'schedule', 'views'],
  };
  return Object.entries(forbidden).map(([folder, others]) => ({
    files: [`src/${folder}/**`],
    rules: {
      'no-restricted-imports': ['error', {
        paths: folder === 'views' || folder === 'store' ? [{ name: 'telegraf', message: 'Only the bot and the scheduler talk to Telegram.' }] : [],
        patterns: [
          TEST_IMPORTS,
          ...others.map((other) => ({ group: [`**/${other}/**`], message: `src/${folder} may not import ${adapters[other] ?? `src/${other}`}: adapters stay apart.` })),
        ],
      }],
    },
  }));
}

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'bench/', 'coverage/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests may use the source; the source never reaches into test/ (fakes and fixtures stay there).
    files: ['src/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/test/**'], message: 'src/ never imports from test/.' }] }],
    },
  },
  ...adapterBoundaries(),
  {
    // The core must never depend on an adapter: Telegram, the terminal or the database.
    files: ['src/text/**', 'src/corpus/**', 'src/search/**', 'src/nlu/**', 'src/events/**', 'src/answer/**', 'src/digest/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['telegraf', 'telegraf/*', 'better-sqlite3', 'node:readline', 'pino'], message: 'The core stays pure: adapters only.' },
          { group: ['**/bot/**', '**/console/**', '**/store/**', '**/schedule/**', '**/cli/**', '**/views/**'], message: 'Arrows point down: the core never imports an adapter.' },
          TEST_IMPORTS,
        ],
      }],
    },
  },
);
