/**
 * Who may change a chat's digest settings: in private chats the user; in groups the administrators,
 * asked of Telegram with getChatMember and remembered briefly (a demoted admin loses the right within
 * the minute; a burst of commands costs one call).
 */
import type { Context } from 'telegraf';

/** Telegram's stand-in sender for anonymous group administrators. */
const ANONYMOUS_ADMIN_BOT_ID = 1_087_968_824;

export class AdminCache {
  private readonly entries = new Map<string, { admin: boolean; until: number }>();

  constructor(private readonly ttlMs = 60_000, private readonly now: () => number = Date.now, private readonly capacity = 10_000) {}

  /** Whether the sender of this update may change the chat's settings. Throws when Telegram cannot say. */
  async mayConfigure(ctx: Context): Promise<boolean> {
    const chat = ctx.chat;
    const from = ctx.from;
    if (chat === undefined || from === undefined) return false;
    if (chat.type === 'private') return from.id === chat.id;
    // An anonymous admin writes as the group itself (or through Telegram's stand-in bot).
    const senderChat = ctx.message && 'sender_chat' in ctx.message ? ctx.message.sender_chat : undefined;
    if (senderChat?.id === chat.id || from.id === ANONYMOUS_ADMIN_BOT_ID) return true;
    const key = `${chat.id}:${from.id}`;
    const known = this.entries.get(key);
    if (known !== undefined && known.until > this.now()) return known.admin;
    const member = await ctx.telegram.getChatMember(chat.id, from.id);
    const admin = member.status === 'creator' || member.status === 'administrator';
    if (this.entries.size >= this.capacity) this.entries.clear();
    this.entries.set(key, { admin, until: this.now() + this.ttlMs });
    return admin;
  }
}
