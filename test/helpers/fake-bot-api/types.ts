/**
 * Wire types of the fake Telegram Bot API. They mirror the Bot API objects the fake produces, kept
 * loose (index signatures) so tests can read fields the fake fills in without importing typegram.
 */

export interface User {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export type ChatType = 'private' | 'group' | 'supergroup' | 'channel';

export interface Chat {
  id: number;
  type: ChatType;
  title?: string;
  username?: string;
  first_name?: string;
  last_name?: string;
}

export interface MessageEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
  user?: User;
}

export interface InlineKeyboardButton {
  text: string;
  url?: string;
  callback_data?: string;
  [field: string]: unknown;
}

export interface ReplyMarkup {
  inline_keyboard?: InlineKeyboardButton[][];
  keyboard?: unknown[][];
  remove_keyboard?: boolean;
  force_reply?: boolean;
  [field: string]: unknown;
}

export interface Message {
  message_id: number;
  date: number;
  chat: Chat;
  from?: User;
  sender_chat?: Chat;
  text?: string;
  caption?: string;
  entities?: MessageEntity[];
  caption_entities?: MessageEntity[];
  reply_to_message?: Message;
  reply_markup?: ReplyMarkup;
  edit_date?: number;
  [field: string]: unknown;
}

export interface CallbackQuery {
  id: string;
  from: User;
  message?: Message;
  chat_instance: string;
  data?: string;
}

export interface Update {
  update_id: number;
  message?: Message;
  edited_message?: Message;
  channel_post?: Message;
  edited_channel_post?: Message;
  callback_query?: CallbackQuery;
  [field: string]: unknown;
}

/** What the bot has sent to one chat, in its latest state (edits applied). */
export interface SentMessage {
  chat_id: number;
  message_id: number;
  /** The text exactly as the bot sent it (markup included when parse_mode is set). */
  text: string;
  /** The text the user sees: markup parsed away, trimmed, like `Message.text`. */
  plain_text: string;
  parse_mode?: string;
  entities: MessageEntity[];
  reply_markup?: ReplyMarkup;
  /** message_id the bot replied to, if any. */
  reply_to?: number;
  /** Which method last produced this state. */
  method: 'sendMessage' | 'editMessageText' | 'editMessageReplyMarkup';
  edit_count: number;
  deleted: boolean;
  /** The Message object as the fake returned it to the bot. */
  message: Message;
}

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  /** HTTP status answered; 0 while pending, or when no answer was sent (network fault, client went away). */
  status: number;
  /** Date.now() when the request arrived. */
  at: number;
  /** The error description when the call failed. */
  description?: string;
  /** The result returned on success. */
  result?: unknown;
  /** 'webhook-reply' when the bot made the call in the body of its webhook response. */
  via: 'http' | 'webhook-reply';
}

export type Failure =
  | { code: 429; retryAfter: number }
  | { code: 502 }
  | { code: 500 }
  | { code: 403; description?: string }
  | { code: 400; description: string }
  | { networkError: true }
  /**
   * The call takes effect (a message is sent, updates are handed out) but the connection drops before
   * the answer: the client cannot tell it from a failure. Models a lost response.
   */
  | { responseLost: true };

export type MemberStatus = 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked';

export interface WebhookInfo {
  url: string;
  secretToken?: string;
}

export interface SendPrivateOptions {
  userId?: number;
  firstName?: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
  entities?: MessageEntity[];
  replyToMessageId?: number;
}

export interface SendGroupOptions {
  chatId?: number;
  title?: string;
  userId?: number;
  firstName?: string;
  languageCode?: string;
  replyToMessageId?: number;
  entities?: MessageEntity[];
  /** The sender is another bot (Telegram itself never delivers these; useful to test the bot ignores them). */
  fromBot?: boolean;
}

export interface SendCommandOptions {
  chat?: 'private' | 'group';
  chatId?: number;
  userId?: number;
  firstName?: string;
  languageCode?: string;
}

export interface SendMediaOptions {
  chat?: 'private' | 'group';
  chatId?: number;
  userId?: number;
  caption?: string;
  /** Sticker emoji. */
  emoji?: string;
}

export interface ClickButtonOptions {
  userId?: number;
  firstName?: string;
  languageCode?: string;
}

export interface FakeBotApi {
  /** e.g. http://127.0.0.1:43123 — pass as `new Telegraf(token, { telegram: { apiRoot } })`. */
  readonly apiRoot: string;
  readonly token: string;
  readonly bot: { id: number; username: string; first_name: string };

  // Simulated users: each queues an update and returns it.
  sendPrivate(text: string, opts?: SendPrivateOptions): Update;
  sendGroup(text: string, opts?: SendGroupOptions): Update;
  sendCommand(command: string, args?: string, opts?: SendCommandOptions): Update;
  sendSticker(opts?: SendMediaOptions): Update;
  sendPhoto(opts?: SendMediaOptions): Update;
  /** Edit a message a user sent earlier (given as the update or message returned by send*). */
  editMessage(original: Update | Message, newText: string): Update;
  channelPost(text: string, opts?: { chatId?: number; title?: string }): Update;
  clickButton(message: SentMessage | Message, callbackData: string, opts?: ClickButtonOptions): Update;
  /** Queue any update; update_id is assigned when missing. */
  pushUpdate(raw: object): Update;
  /** Updates queued and not yet confirmed (getUpdates offset) or delivered (webhook). */
  pendingUpdates(): Update[];

  // What the bot did.
  sentMessages(chatId?: number): SentMessage[];
  calls(method?: string): ApiCall[];
  waitForMessages(chatId: number, count: number, timeoutMs?: number): Promise<SentMessage[]>;
  /**
   * Resolves with the first finished call of `method` matching `predicate`, already recorded or still
   * to come (narrow with the predicate, e.g. `(_, call) => call.at >= startedAt`).
   */
  waitForCall(method: string, predicate?: (params: Record<string, unknown>, call: ApiCall) => boolean, timeoutMs?: number): Promise<ApiCall>;
  /** Callback queries delivered to the bot that it has not answered yet. */
  unansweredCallbackQueries(): CallbackQuery[];
  /** Commands set by setMyCommands for a scope type (default 'default') and language ('' = all). */
  commands(scopeType?: string, languageCode?: string): { command: string; description: string }[] | undefined;

  // World state.
  /** The user blocks the bot: sends to their private chat then fail with 403 like Telegram. */
  blockBot(userId: number): void;
  setMemberStatus(chatId: number, userId: number, status: MemberStatus): void;

  /** The next `times` calls of `method` ('*' = any method) fail as Telegram would. */
  failNext(method: string, failure: Failure, times?: number): void;

  // Webhook mode.
  webhook(): WebhookInfo | null;
  deliverToWebhook(update: Update, opts?: { secretToken?: string | null }): Promise<{ status: number; body: string }>;

  close(): Promise<void>;
}

export interface FakeBotApiOptions {
  token?: string;
  botUsername?: string;
  botFirstName?: string;
  /** Clock in ms (default Date.now); message dates are derived from it. */
  now?: () => number;
}
