/** `/summary`: the main points of the articles, quoted and cited. */
import { commandView } from '../../views/conversation.ts';
import { sendView, type Feature } from '../context.ts';
import { onCommand, replyTarget } from '../routing.ts';

export const summaryFeature: Feature = (bot, deps) => {
  onCommand(bot, deps, 'summary', async (ctx, command) => {
    const view = await commandView(deps.conversation(ctx), 'summary', command.args, ctx.from?.language_code);
    await sendView(ctx, deps, view, replyTarget(ctx));
  });
};
