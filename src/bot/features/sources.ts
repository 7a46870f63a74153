/** `/sources`: the articles the bot answers from, newest first, a page at a time (date, publisher, title). */
import { decodeAction } from '../callback-data.ts';
import { actionView, commandView } from '../../views/conversation.ts';
import { allowRequest, answerCallback, editView, sendView, type Feature } from '../context.ts';
import { onCommand, replyTarget } from '../routing.ts';
import { BUTTON_EXPIRED } from '../../views/texts.ts';

export const sourcesFeature: Feature = (bot, deps) => {
  onCommand(bot, deps, 'sources', async (ctx, command) => {
    const view = await commandView(deps.conversation(ctx), 'sources', command.args, ctx.from?.language_code);
    await sendView(ctx, deps, view, replyTarget(ctx));
  });
  bot.action(/^src:/, async (ctx) => {
    const data = ctx.match.input;
    const decoded = decodeAction(data, deps.memo);
    if (!decoded.ok || decoded.action.kind !== 'sources') {
      await answerCallback(ctx, deps, BUTTON_EXPIRED[data.startsWith('src:en') ? 'en' : 'ar']);
      return;
    }
    if (!(await allowRequest(ctx, deps))) return;
    await answerCallback(ctx, deps);
    await editView(ctx, deps, actionView(deps.conversation(ctx), decoded.action));
  });
};
