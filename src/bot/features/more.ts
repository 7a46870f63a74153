/**
 * The "more" button under an answer: shows the next-best cited sentences as a new message, with its
 * own button while more remain, and takes the pressed button away so a double press does nothing.
 */
import { decodeAction } from '../callback-data.ts';
import { actionView } from '../../views/conversation.ts';
import { TelegramError } from 'telegraf';
import { allowRequest, answerCallback, isGroup, sendView, type Feature } from '../context.ts';
import { BUTTON_EXPIRED } from '../../views/texts.ts';

export const moreFeature: Feature = (bot, deps) => {
  bot.action(/^more:/, async (ctx) => {
    const data = ctx.match.input;
    const decoded = decodeAction(data, deps.memo);
    if (!decoded.ok || decoded.action.kind !== 'more') {
      await answerCallback(ctx, deps, BUTTON_EXPIRED[data.startsWith('more:en') ? 'en' : 'ar']);
      return;
    }
    if (!(await allowRequest(ctx, deps))) return;
    await answerCallback(ctx, deps);
    const message = ctx.callbackQuery.message;
    if (message !== undefined) {
      // Telegram answers "message is not modified" on a second press (the client ignores it), and
      // refuses edits to deleted or old messages: removing the button is a nicety, not the point.
      await ctx.editMessageReplyMarkup(undefined).catch((error: unknown) => {
        if (!(error instanceof TelegramError && error.code === 400)) throw error;
        deps.logger.info({ updateId: ctx.update.update_id, description: error.description }, 'could not remove the more button');
      });
    }
    const view = actionView(deps.conversation(ctx), decoded.action);
    await sendView(ctx, deps, view, isGroup(ctx) ? message?.message_id : undefined);
  });
};
