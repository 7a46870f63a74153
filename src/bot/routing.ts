/** Command routing for features: `/name`, `/name args` and `/name@ThisBot args`, never `/name@OtherBot`. */
import type { Context, Telegraf } from 'telegraf';
import { message } from 'telegraf/filters';
import { isForBot, parseCommand, type CommandName, type ParsedCommand } from '../views/commands.ts';
import { allowRequest, isGroup, type FeatureDeps } from './context.ts';

/** The command in a text message, if it is one addressed to this bot. */
export function readCommand(ctx: Context): ParsedCommand | null {
  const msg = ctx.message;
  if (msg === undefined || !('text' in msg)) return null;
  const command = parseCommand(msg.text);
  return command !== null && isForBot(command, ctx.botInfo?.username) ? command : null;
}

/** The message to thread a reply under: the question itself in groups, nothing in private chats. */
export function replyTarget(ctx: Context): number | undefined {
  return isGroup(ctx) ? ctx.message?.message_id : undefined;
}

export type CommandHandler = (ctx: Context, command: ParsedCommand) => Promise<void>;

/** Registers a handler for one command, behind the flood guard. */
export function onCommand(bot: Telegraf, deps: FeatureDeps, name: CommandName, handler: CommandHandler): void {
  bot.on(message('text'), async (ctx, next) => {
    const command = readCommand(ctx);
    if (command?.name !== name) return next();
    if (!(await allowRequest(ctx, deps))) return;
    await handler(ctx, command);
  });
}
