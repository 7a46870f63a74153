/** `/summary`: the chat's digest on demand (what is new since its last digest leads), quoted and cited. */
import { chatDigest } from '../../schedule/digests.ts';
import { sendView, type Feature } from '../context.ts';
import { onCommand, replyTarget } from '../routing.ts';

export const summaryFeature: Feature = (bot, deps) => {
  onCommand(bot, deps, 'summary', async (ctx) => {
    if (ctx.chat === undefined) return;
    const { view } = chatDigest(deps.store, deps.engine.sources(), ctx.chat.id);
    await sendView(ctx, deps, view, replyTarget(ctx));
  });
};
