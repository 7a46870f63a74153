/**
 * Last in the chain: whatever no feature took. Unknown commands meant for the bot get a pointer to
 * /help; unknown buttons are answered (so the client's spinner stops); the rest is logged and dropped.
 */
import { chooseLanguage } from '../../views/commands.ts';
import { unknownCommandView } from '../../views/conversation.ts';
import { allowRequest, answerCallback, isGroup, sendView, type Feature } from '../context.ts';
import { readCommand, replyTarget } from '../routing.ts';
import { BUTTON_EXPIRED } from '../../views/texts.ts';

export const unhandledFeature: Feature = (bot, deps) => {
  bot.use(async (ctx) => {
    const command = readCommand(ctx);
    // In groups a bare `/foo` may be for another bot; only `/foo@ThisBot` is surely ours.
    if (command !== null && (ctx.chat?.type === 'private' || (isGroup(ctx) && command.target !== null))) {
      if (!(await allowRequest(ctx, deps))) return;
      await sendView(ctx, deps, unknownCommandView(chooseLanguage(command.args, ctx.from?.language_code)), replyTarget(ctx));
      return;
    }
    if (ctx.callbackQuery) {
      await answerCallback(ctx, deps, BUTTON_EXPIRED[chooseLanguage(null, ctx.from?.language_code)]);
      return;
    }
    deps.logger.debug({ updateId: ctx.update.update_id, type: ctx.updateType }, 'update not handled');
  });
};
