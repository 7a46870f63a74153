/** `/about`: how the bot works and what it keeps. */
import { commandView } from '../../views/conversation.ts';
import { sendView, type Feature } from '../context.ts';
import { onCommand, replyTarget } from '../routing.ts';

export const aboutFeature: Feature = (bot, deps) => {
  onCommand(bot, deps, 'about', async (ctx, command) => {
    const view = await commandView(deps.conversation(ctx), 'about', command.args, ctx.from?.language_code);
    await sendView(ctx, deps, view, replyTarget(ctx));
  });
};
