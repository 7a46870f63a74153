/** `/start`: the welcome in Arabic and English, with example questions. */
import { commandView } from '../../views/conversation.ts';
import { sendView, type Feature } from '../context.ts';
import { onCommand, replyTarget } from '../routing.ts';

export const startFeature: Feature = (bot, deps) => {
  onCommand(bot, deps, 'start', async (ctx, command) => {
    const view = await commandView(deps.conversation(ctx), 'start', command.args, ctx.from?.language_code);
    await sendView(ctx, deps, view, replyTarget(ctx));
  });
};
