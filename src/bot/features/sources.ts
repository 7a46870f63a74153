/** `/sources`: the articles the bot answers from, with dates, publisher and link when known. */
import { commandView } from '../../views/conversation.ts';
import { sendView, type Feature } from '../context.ts';
import { onCommand, replyTarget } from '../routing.ts';

export const sourcesFeature: Feature = (bot, deps) => {
  onCommand(bot, deps, 'sources', async (ctx, command) => {
    const view = await commandView(deps.conversation(ctx), 'sources', command.args, ctx.from?.language_code);
    await sendView(ctx, deps, view, replyTarget(ctx));
  });
};
