/**
 * The shapes of incoming updates the bot relies on, checked before an update is stored or handled.
 * Telegram sends well-formed updates, but anything can POST to a webhook or sit behind a self-hosted
 * Bot API: an update whose fields the handlers read with the wrong type (entities as an object, a
 * number as text) is logged and skipped quietly instead of raising TypeErrors in a handler. Fields
 * the bot does not read are left unchecked (and kept), so new Telegram fields never break it.
 */
import { z } from 'zod';

const int = z.number().int();

const user = z.looseObject({
  id: int,
  is_bot: z.boolean().optional(),
  first_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
});

const chat = z.looseObject({
  id: int,
  type: z.enum(['private', 'group', 'supergroup', 'channel']),
  title: z.string().optional(),
  username: z.string().optional(),
});

const entity = z.looseObject({
  type: z.string(),
  offset: int.nonnegative(),
  length: int.nonnegative(),
  user: user.optional(),
});

/** The parts of a message the bot reads (also used for the message a reply or a button belongs to). */
const messageFields = {
  message_id: int,
  date: int.optional(),
  chat,
  from: user.optional(),
  sender_chat: chat.optional(),
  text: z.string().optional(),
  entities: z.array(entity).optional(),
  caption: z.string().optional(),
  caption_entities: z.array(entity).optional(),
};

const repliedTo = z.looseObject({
  ...messageFields,
  // A reply's own message is read only for who sent it.
  chat: chat.optional(),
  message_id: int.optional(),
});

const message = z.looseObject({ ...messageFields, reply_to_message: repliedTo.optional() });

const memberStatus = z.looseObject({ status: z.string(), user: user.optional() });

const callbackQuery = z.looseObject({
  id: z.string(),
  from: user,
  data: z.string().optional(),
  chat_instance: z.string().optional(),
  // An inaccessible message (too old) carries chat and message_id only; date 0.
  message: z.looseObject({ ...messageFields, reply_to_message: repliedTo.optional() }).optional(),
});

export const updateSchema = z.looseObject({
  update_id: int.nonnegative(),
  message: message.optional(),
  edited_message: message.optional(),
  channel_post: message.optional(),
  edited_channel_post: message.optional(),
  callback_query: callbackQuery.optional(),
  my_chat_member: z.looseObject({ chat, from: user, date: int.optional(), old_chat_member: memberStatus, new_chat_member: memberStatus }).optional(),
});

export type UpdateCheck = { ok: true } | { ok: false; updateId: number | null; problems: string[] };

/**
 * Checks an incoming update. The problems name fields and expectations only (never the values:
 * they hold user text), so they can be logged.
 */
export function checkUpdate(raw: unknown): UpdateCheck {
  const parsed = updateSchema.safeParse(raw);
  if (parsed.success) return { ok: true };
  const id = (raw as { update_id?: unknown } | null)?.update_id;
  return {
    ok: false,
    updateId: typeof id === 'number' && Number.isSafeInteger(id) ? id : null,
    problems: parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(update)'}: ${issue.code}`),
  };
}
