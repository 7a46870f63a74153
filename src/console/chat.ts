/**
 * The console chat: the bot's conversation on a terminal (or a pipe), for trying it without a Telegram
 * token. Same commands and answers as the bot (shared conversation and views), drawn as plain text;
 * buttons become commands (/more, /next, /prev).
 */
import { createInterface } from 'node:readline';
import type { Engine } from '../answer/types.ts';
import { conversation, actionView, inputView } from '../views/conversation.ts';
import { fitsOneMessage, renderPlain } from '../views/format.ts';
import type { Button, View } from '../views/view.ts';
import { welcomeView } from '../views/view.ts';

export interface ConsoleChatOptions {
  engine: Engine;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A person at a terminal: greet, prompt and show hints. A pipe gets answers only. */
  interactive: boolean;
  /** The user's language (like Telegram's language_code), for commands without words. */
  languageCode?: string | null;
}

const QUIT = new Set(['/quit', '/exit']);

const COMMAND_FOR_ROLE = { more: '/more', previous: '/prev', next: '/next' } as const;

/** The last reply's buttons, as console commands. */
function buttonCommands(view: View): Map<string, Button> {
  return new Map(view.buttons.flatMap((button) => (button.role === 'feedback' ? [] : [[COMMAND_FOR_ROLE[button.role], button] as const])));
}

function hints(commands: Map<string, Button>): string {
  if (commands.size === 0) return '';
  return `\n\n[${[...commands].map(([name, button]) => `${name}: ${button.label}`).join(' · ')}]`;
}

/** Runs until the input ends (Ctrl-D, end of a pipe), `/quit`, or Ctrl-C. */
export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { engine, input, output, interactive } = options;
  const conv = conversation(engine, { fits: fitsOneMessage });
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, prompt: '> ' });
  rl.on('SIGINT', () => rl.close());
  const write = (text: string): void => {
    output.write(`${text}\n`);
  };
  let pending = new Map<string, Button>();

  const show = (view: View): void => {
    pending = buttonCommands(view);
    write(renderPlain(view) + (interactive ? hints(pending) : ''));
  };

  if (interactive) {
    show(welcomeView());
    write('');
    rl.prompt();
  }
  for await (const raw of rl) {
    const line = raw.trim();
    if (QUIT.has(line.toLowerCase())) break;
    if (line !== '') {
      try {
        const button = pending.get(line.toLowerCase());
        if (button !== undefined) {
          show(actionView(conv, button.action));
        } else {
          show(await inputView(conv, line, options.languageCode));
        }
      } catch (error) {
        write(`Error: ${error instanceof Error ? error.message : String(error)}`);
      }
      write('');
    }
    if (interactive) rl.prompt();
  }
  rl.close();
}
