/** `/latest`: the newest article, its date, publisher and opening sentences. */
import { commandView } from '../../views/conversation.ts';
import { sendView, type Feature } from '../context.ts';
import { onCommand, replyTarget } from '../routing.ts';

export const latestFeature: Feature = (bot, deps) => {
  onCommand(bot, deps, 'latest', async (ctx, command) => {
    const view = await commandView(deps.conversation(ctx), 'latest', command.args, ctx.from?.language_code);
    await sendView(ctx, deps, view, replyTarget(ctx));
  });
};
