/** `/timeline [filter]`: dated events, one page per message, turned with buttons that edit it in place. */
import { decodeAction } from '../callback-data.ts';
import { actionView, commandView } from '../../views/conversation.ts';
import { allowRequest, answerCallback, editView, sendView, type Feature } from '../context.ts';
import { onCommand, replyTarget } from '../routing.ts';
import { BUTTON_EXPIRED } from '../../views/texts.ts';

export const timelineFeature: Feature = (bot, deps) => {
  onCommand(bot, deps, 'timeline', async (ctx, command) => {
    const view = await commandView(deps.conversation(ctx), 'timeline', command.args, ctx.from?.language_code);
    await sendView(ctx, deps, view, replyTarget(ctx));
  });

  bot.action(/^tl:/, async (ctx) => {
    const data = ctx.match.input;
    const decoded = decodeAction(data, deps.memo);
    if (!decoded.ok || decoded.action.kind !== 'timeline') {
      const lang = data.startsWith('tl:en') ? 'en' : 'ar';
      await answerCallback(ctx, deps, BUTTON_EXPIRED[lang]);
      return;
    }
    if (!(await allowRequest(ctx, deps))) return;
    // Answered at once, so the client stops its spinner before the page is drawn.
    await answerCallback(ctx, deps);
    await editView(ctx, deps, actionView(deps.conversation(ctx), decoded.action));
  });
};
