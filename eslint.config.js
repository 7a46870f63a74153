// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'bench/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core must never depend on an adapter: Telegram, the terminal or the database.
    files: ['src/text/**', 'src/corpus/**', 'src/search/**', 'src/nlu/**', 'src/events/**', 'src/answer/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['telegraf', 'telegraf/*', 'better-sqlite3', 'node:readline', 'pino'], message: 'The core stays pure: adapters only.' },
          { group: ['**/bot/**', '**/console/**', '**/store/**', '**/schedule/**', '**/cli/**'], message: 'Arrows point down: the core never imports an adapter.' },
        ],
      }],
    },
  },
);
