/**
 * `/subscribe [HH:MM]`, `/unsubscribe`, `/timezone <IANA name>`, `/lang ar|en` and `/settings`: the
 * chat's daily digest. In groups only administrators change them; anyone may read /settings.
 */
import type { Context } from 'telegraf';
import type { Language } from '../../corpus/article.ts';
import { isValidTimeZone } from '../../schedule/time.ts';
import { DEFAULT_DIGEST_TIME, parseLocalTime } from '../../store/subscriptions.ts';
import {
  ADMIN_CHECK_FAILED, ADMINS_ONLY, LANGUAGE_SET, LANGUAGE_USAGE, NOT_SUBSCRIBED, settingsText, SUBSCRIBE_USAGE, subscribed,
  timezoneSet, timezoneUsage, UNSUBSCRIBED, unknownTimezone,
} from '../../views/digest-texts.ts';
import { textView } from '../../views/view.ts';
import { sendView, type Feature, type FeatureDeps } from '../context.ts';
import { onCommand, replyTarget } from '../routing.ts';

function lang(ctx: Context, deps: FeatureDeps): Language {
  return ctx.chat === undefined ? 'ar' : deps.store.settings.get(chatOf(ctx)).language ?? 'ar';
}

async function reply(ctx: Context, deps: FeatureDeps, text: string): Promise<void> {
  await sendView(ctx, deps, textView(lang(ctx, deps), text), replyTarget(ctx));
}

/** Replies with the refusal and returns false unless the sender may change this chat's settings. */
async function allowed(ctx: Context, deps: FeatureDeps): Promise<boolean> {
  let ok: boolean;
  try {
    ok = await deps.admins.mayConfigure(ctx);
  } catch (error) {
    deps.logger.warn({ updateId: ctx.update.update_id, err: error }, 'admin check failed');
    await reply(ctx, deps, ADMIN_CHECK_FAILED[lang(ctx, deps)]);
    return false;
  }
  if (!ok) await reply(ctx, deps, ADMINS_ONLY[lang(ctx, deps)]);
  return ok;
}

/** Commands come in messages, which always have a chat. */
function chatOf(ctx: Context): number {
  if (ctx.chat === undefined) throw new Error('a command without a chat');
  return ctx.chat.id;
}

function zoneOf(ctx: Context, deps: FeatureDeps): string {
  return (ctx.chat && deps.store.settings.get(chatOf(ctx)).timezone) ?? deps.config.digest.timezone;
}

export const subscriptionsFeature: Feature = (bot, deps) => {
  onCommand(bot, deps, 'subscribe', async (ctx, command) => {
    const time = command.args === '' ? DEFAULT_DIGEST_TIME : parseLocalTime(command.args);
    if (time === null) {
      await reply(ctx, deps, SUBSCRIBE_USAGE[lang(ctx, deps)]);
      return;
    }
    if (!(await allowed(ctx, deps))) return;
    deps.store.subscriptions.subscribe(chatOf(ctx), time);
    deps.logger.info({ chatId: chatOf(ctx), time }, 'digest subscribed');
    await reply(ctx, deps, subscribed(lang(ctx, deps), time, zoneOf(ctx, deps)));
  });

  onCommand(bot, deps, 'unsubscribe', async (ctx) => {
    if (!(await allowed(ctx, deps))) return;
    const had = deps.store.subscriptions.unsubscribe(chatOf(ctx));
    await reply(ctx, deps, (had ? UNSUBSCRIBED : NOT_SUBSCRIBED)[lang(ctx, deps)]);
  });

  onCommand(bot, deps, 'timezone', async (ctx, command) => {
    if (command.args === '') {
      await reply(ctx, deps, timezoneUsage(lang(ctx, deps), zoneOf(ctx, deps)));
      return;
    }
    if (!isValidTimeZone(command.args)) {
      await reply(ctx, deps, unknownTimezone(lang(ctx, deps), command.args.slice(0, 64)));
      return;
    }
    if (!(await allowed(ctx, deps))) return;
    // Intl gives the canonical spelling (asia/damascus → Asia/Damascus).
    const zone = new Intl.DateTimeFormat('en-US', { timeZone: command.args }).resolvedOptions().timeZone;
    deps.store.settings.setTimezone(chatOf(ctx), zone);
    const sub = deps.store.subscriptions.get(chatOf(ctx));
    await reply(ctx, deps, timezoneSet(lang(ctx, deps), zone, sub?.active ? sub.localTime : null));
  });

  onCommand(bot, deps, 'lang', async (ctx, command) => {
    const wanted = command.args.toLowerCase();
    const chosen: Language | null = wanted === 'ar' || wanted === 'العربية' ? 'ar' : wanted === 'en' || wanted === 'english' ? 'en' : null;
    if (chosen === null) {
      await reply(ctx, deps, LANGUAGE_USAGE[lang(ctx, deps)]);
      return;
    }
    if (!(await allowed(ctx, deps))) return;
    deps.store.settings.setLanguage(chatOf(ctx), chosen);
    await reply(ctx, deps, LANGUAGE_SET[chosen]);
  });

  onCommand(bot, deps, 'settings', async (ctx) => {
    const sub = deps.store.subscriptions.get(chatOf(ctx));
    await reply(ctx, deps, settingsText(lang(ctx, deps), {
      time: sub?.localTime ?? null, active: sub?.active ?? false, timezone: zoneOf(ctx, deps), language: lang(ctx, deps),
    }));
  });
};
