/**
 * 👍 / 👎 under answers: records the vote (one per person per answer, changeable) with the answer's
 * question and cited sentence ids, stored when the answer was sent; `npm run feedback` shows them.
 */
import type { Language } from '../../corpus/article.ts';
import { FEEDBACK_GONE, FEEDBACK_THANKS } from '../../views/digest-texts.ts';
import type { Button, View } from '../../views/view.ts';
import { decodeAction } from '../callback-data.ts';
import { answerCallback, type Feature } from '../context.ts';

/** The answer's view with the two feedback buttons after its own. */
export function withFeedbackButtons(view: View, answerId: number): View {
  const buttons: Button[] = [
    { label: '👍', role: 'feedback', action: { kind: 'feedback', answerId, vote: 1 } },
    { label: '👎', role: 'feedback', action: { kind: 'feedback', answerId, vote: -1 } },
  ];
  return { ...view, buttons: [...view.buttons, ...buttons] };
}

export const feedbackFeature: Feature = (bot, deps) => {
  bot.action(/^fb:/, async (ctx) => {
    const decoded = decodeAction(ctx.match.input, deps.memo);
    const lang: Language = ctx.chat === undefined ? 'ar' : deps.store.settings.get(ctx.chat.id).language ?? (ctx.from.language_code?.startsWith('en') ? 'en' : 'ar');
    if (!decoded.ok || decoded.action.kind !== 'feedback') {
      await answerCallback(ctx, deps, FEEDBACK_GONE[lang]);
      return;
    }
    let recorded = false;
    try {
      recorded = deps.store.feedback.vote(decoded.action.answerId, ctx.from.id, decoded.action.vote);
    } catch (error) {
      deps.logger.error({ updateId: ctx.update.update_id, err: error }, 'could not record feedback');
    }
    await answerCallback(ctx, deps, (recorded ? FEEDBACK_THANKS : FEEDBACK_GONE)[lang]);
  });
};
