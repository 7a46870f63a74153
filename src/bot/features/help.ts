/** `/help`: how to ask, the commands, and how the bot behaves in groups. */
import { commandView } from '../../views/conversation.ts';
import { sendView, type Feature } from '../context.ts';
import { onCommand, replyTarget } from '../routing.ts';

export const helpFeature: Feature = (bot, deps) => {
  onCommand(bot, deps, 'help', async (ctx, command) => {
    const view = await commandView(deps.conversation(ctx), 'help', command.args, ctx.from?.language_code);
    await sendView(ctx, deps, view, replyTarget(ctx));
  });
};
