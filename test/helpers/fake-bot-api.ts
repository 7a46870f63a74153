/**
 * An in-process stand-in for the Telegram Bot API, on loopback, for end-to-end tests of the bot.
 *
 * telegraf talks to it as to api.telegram.org (`new Telegraf(token, { telegram: { apiRoot } })`);
 * it answers the methods the bot uses the way Telegram does — envelopes, HTTP statuses, error
 * descriptions, validation of text, markup and commands, real long polling — and lets a test play the
 * users (sendPrivate, sendGroup, clickButton, ...), inspect what the bot did (sentMessages, calls),
 * inject failures (failNext: 429, 5xx, 403, 400, a dropped connection before the call, or a response
 * lost after the call took effect) and drive webhook mode (deliverToWebhook). Like Telegram, getUpdates
 * keeps every update until a later call confirms it (an offset past its update_id), so a bot that
 * dies before confirming gets its updates again.
 *
 *   const api = await startFakeBotApi();
 *   const bot = new Telegraf(api.token, { telegram: { apiRoot: api.apiRoot } });
 *   const running = bot.launch();            // resolves only when polling stops
 *   api.sendPrivate('ما الذي حدث؟');
 *   const [reply] = await api.waitForMessages(DEFAULT_USER_ID, 1);
 *   bot.stop('test over'); await running;     // stop the bot before closing the fake
 *   await api.close();
 *
 * Not modelled: group privacy mode (every group message is delivered), media sent by the bot,
 * inline mode, forum topics, Telegram's own flood limits (inject them with failNext).
 *
 * Built on node:http only. Nothing runs until startFakeBotApi is called; close() stops everything.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseParams, readBody } from './fake-bot-api/body.ts';
import { detectEntities } from './fake-bot-api/entities.ts';
import { badRequest, BotApiError, EntityParseError, forbidden } from './fake-bot-api/errors.ts';
import { isSupportedParseMode, parseFormattedText, type FormattedText } from './fake-bot-api/formatting.ts';
import type {
  ApiCall, CallbackQuery, Chat, ClickButtonOptions, Failure, FakeBotApi, FakeBotApiOptions, MemberStatus, Message,
  MessageEntity, SendCommandOptions, SendGroupOptions, SendMediaOptions, SendPrivateOptions, SentMessage,
  Update, User, WebhookInfo,
} from './fake-bot-api/types.ts';
import {
  commandScopeKey, jsonParam, validateCommands, validateReplyMarkup, validateSecretToken, type BotCommand,
} from './fake-bot-api/validation.ts';

export type {
  ApiCall, CallbackQuery, Chat, ClickButtonOptions, Failure, FakeBotApi, FakeBotApiOptions, MemberStatus, Message,
  MessageEntity, ReplyMarkup, SendCommandOptions, SendGroupOptions, SendMediaOptions, SendPrivateOptions, SentMessage,
  Update, User, WebhookInfo,
} from './fake-bot-api/types.ts';
export { parseFormattedText } from './fake-bot-api/formatting.ts';

export const DEFAULT_TOKEN = '123456:TEST-TOKEN';
export const DEFAULT_USER_ID = 10_001;
export const DEFAULT_GROUP_ID = -1_001_000_000_001;
export const DEFAULT_CHANNEL_ID = -1_002_000_000_001;

const MAX_MESSAGE_LENGTH = 4096;
const MAX_CALL_LOG = 20_000;
const MAX_POLL_TIMEOUT_S = 3_600;
const DEFAULT_WAIT_MS = 5_000;
const WEBHOOK_TIMEOUT_MS = 30_000;
/** Update types Telegram leaves out when allowed_updates is not set (or empty). */
const OPT_IN_UPDATE_TYPES = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);
const CHAT_ACTIONS = new Set([
  'typing', 'upload_photo', 'record_video', 'upload_video', 'record_voice', 'upload_voice', 'upload_document',
  'choose_sticker', 'find_location', 'record_video_note', 'upload_video_note',
]);
const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

/** Starts the fake on 127.0.0.1 with a random port. */
export async function startFakeBotApi(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  const api = new FakeBotApiServer(options);
  await api.listen();
  return api;
}

interface StoredMessage {
  message: Message;
  fromBot: boolean;
  deleted: boolean;
  sent?: SentMessage;
}

interface ChatState {
  chat: Chat;
  nextMessageId: number;
  messages: Map<number, StoredMessage>;
  members: Map<number, MemberStatus>;
}

interface PollWaiter {
  res: ServerResponse;
  call: ApiCall;
  limit: number;
  timer: NodeJS.Timeout;
}

interface Waiter {
  check(): boolean;
  fail(error: Error): void;
  timer: NodeJS.Timeout;
}

interface WebhookState {
  url: string;
  secretToken?: string;
  maxConnections: number;
  allowedUpdates?: string[];
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

type Handler = (params: Record<string, unknown>) => unknown;

class FakeBotApiServer implements FakeBotApi {
  readonly token: string;
  readonly bot: { id: number; username: string; first_name: string };
  apiRoot = '';

  private readonly server: Server;
  private readonly now: () => number;
  private readonly botUser: User;
  private readonly handlers = new Map<string, Handler>();
  private readonly methodNames = new Map<string, string>();

  private readonly users = new Map<number, User>();
  private readonly chats = new Map<number, ChatState>();
  private readonly blockedBy = new Set<number>();
  private readonly sent: SentMessage[] = [];
  private readonly callLog: ApiCall[] = [];
  private readonly finishedCalls = new WeakSet<ApiCall>();
  private readonly failures = new Map<string, { failure: Failure; remaining: number }[]>();
  private readonly callbackQueries = new Map<string, { query: CallbackQuery; answered: boolean }>();
  private readonly commandLists = new Map<string, BotCommand[]>();
  private readonly menuButtons = new Map<string, unknown>();
  private readonly botTexts = new Map<string, string>();

  private pending: Update[] = [];
  private nextUpdateId = 100_000_001;
  private nextCallbackId = 1;
  private nextFileId = 1;
  private allowedUpdates: string[] | null = null;
  private webhookState: WebhookState | null = null;

  private readonly pollWaiters = new Set<PollWaiter>();
  private readonly waiters = new Set<Waiter>();
  private readonly deliveries = new Set<AbortController>();
  private flushHandle: NodeJS.Immediate | null = null;
  private closed = false;
  private closing: Promise<void> | null = null;

  constructor(options: FakeBotApiOptions) {
    this.token = options.token ?? DEFAULT_TOKEN;
    this.now = options.now ?? Date.now;
    const id = Number(this.token.split(':')[0]);
    const username = options.botUsername ?? 'FakeQamishliBot';
    this.bot = { id: Number.isSafeInteger(id) && id > 0 ? id : 123_456, username, first_name: options.botFirstName ?? 'Qamishli Q&A' };
    this.botUser = { id: this.bot.id, is_bot: true, first_name: this.bot.first_name, username };
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        // A bug in the fake itself: answer like Telegram's 500 and keep serving.
        if (!res.headersSent && !res.destroyed) this.writeJson(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${String(error)}` });
      });
    });
    // Idle keep-alive sockets are closed by the client (Node's agent: after 5 s) before the server
    // would, so a request never races the server closing its connection (a spurious ECONNRESET).
    this.server.keepAliveTimeout = 65_000;
    this.registerMethods();
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const { port } = this.server.address() as AddressInfo;
    this.apiRoot = `http://127.0.0.1:${port}`;
  }

  // ------------------------------------------------------------ simulated users

  sendPrivate(text: string, opts: SendPrivateOptions = {}): Update {
    const user = this.user(opts.userId ?? DEFAULT_USER_ID, { firstName: opts.firstName, lastName: opts.lastName, username: opts.username, languageCode: opts.languageCode });
    const chat = this.privateChat(user);
    const message = this.userMessage(chat, user, { text, entities: opts.entities ?? detectEntities(text) }, opts.replyToMessageId);
    return this.queue({ message });
  }

  sendGroup(text: string, opts: SendGroupOptions = {}): Update {
    const user = opts.fromBot
      ? this.user(opts.userId ?? 20_001, { firstName: opts.firstName ?? 'Other Bot', username: 'other_helper_bot', isBot: true })
      : this.user(opts.userId ?? DEFAULT_USER_ID, { firstName: opts.firstName, languageCode: opts.languageCode });
    const chat = this.groupChat(opts.chatId ?? DEFAULT_GROUP_ID, opts.title);
    chat.members.set(user.id, chat.members.get(user.id) ?? 'member');
    const message = this.userMessage(chat, user, { text, entities: opts.entities ?? detectEntities(text) }, opts.replyToMessageId);
    return this.queue({ message });
  }

  sendCommand(command: string, args?: string, opts: SendCommandOptions = {}): Update {
    const name = command.startsWith('/') ? command : `/${command}`;
    const text = args ? `${name} ${args}` : name;
    const entities: MessageEntity[] = [{ type: 'bot_command', offset: 0, length: name.length }, ...detectEntities(text).filter((e) => e.offset > 0)];
    if (opts.chat === 'group' || (opts.chatId !== undefined && opts.chatId < 0)) {
      return this.sendGroup(text, { chatId: opts.chatId, userId: opts.userId, firstName: opts.firstName, languageCode: opts.languageCode, entities });
    }
    return this.sendPrivate(text, { userId: opts.userId ?? opts.chatId, firstName: opts.firstName, languageCode: opts.languageCode, entities });
  }

  sendSticker(opts: SendMediaOptions = {}): Update {
    const n = this.nextFileId++;
    return this.mediaMessage(opts, {
      sticker: {
        file_id: `STICKER-${n}`, file_unique_id: `st${n}`, type: 'regular', width: 512, height: 512,
        is_animated: false, is_video: false, emoji: opts.emoji ?? '👍',
      },
    });
  }

  sendPhoto(opts: SendMediaOptions = {}): Update {
    const n = this.nextFileId++;
    const fields: Record<string, unknown> = {
      photo: [
        { file_id: `PHOTO-${n}-s`, file_unique_id: `ph${n}s`, width: 90, height: 90, file_size: 1_200 },
        { file_id: `PHOTO-${n}-m`, file_unique_id: `ph${n}m`, width: 800, height: 800, file_size: 64_000 },
      ],
    };
    if (opts.caption !== undefined) {
      fields.caption = opts.caption;
      const entities = detectEntities(opts.caption);
      if (entities.length > 0) fields.caption_entities = entities;
    }
    return this.mediaMessage(opts, fields);
  }

  editMessage(original: Update | Message, newText: string): Update {
    const message = 'update_id' in original ? (original as Update).message : (original as Message);
    if (!message) throw new Error('editMessage: the update carries no message');
    const stored = this.chats.get(message.chat.id)?.messages.get(message.message_id);
    if (!stored || stored.fromBot) throw new Error(`editMessage: no user message ${message.message_id} in chat ${message.chat.id}`);
    const entities = detectEntities(newText);
    const edited: Message = { ...stored.message, text: newText, edit_date: this.unixNow() };
    if (entities.length > 0) edited.entities = entities;
    else delete edited.entities;
    stored.message = edited;
    return this.queue({ edited_message: structuredClone(edited) });
  }

  channelPost(text: string, opts: { chatId?: number; title?: string } = {}): Update {
    const id = opts.chatId ?? DEFAULT_CHANNEL_ID;
    const chat = this.chatState({ id, type: 'channel', title: opts.title ?? 'Qamishli News' });
    chat.members.set(this.bot.id, chat.members.get(this.bot.id) ?? 'administrator');
    const entities = detectEntities(text);
    const message: Message = { message_id: chat.nextMessageId++, sender_chat: chat.chat, chat: chat.chat, date: this.unixNow(), text };
    if (entities.length > 0) message.entities = entities;
    chat.messages.set(message.message_id, { message, fromBot: false, deleted: false });
    return this.queue({ channel_post: structuredClone(message) });
  }

  clickButton(target: SentMessage | Message, callbackData: string, opts: ClickButtonOptions = {}): Update {
    const chatId = isSentMessage(target) ? target.chat_id : target.chat.id;
    const stored = this.chats.get(chatId)?.messages.get(target.message_id);
    if (!stored || !stored.fromBot) throw new Error(`clickButton: the bot sent no message ${target.message_id} in chat ${chatId}`);
    if (stored.deleted) throw new Error(`clickButton: message ${target.message_id} was deleted`);
    const buttons = stored.message.reply_markup?.inline_keyboard?.flat() ?? [];
    if (!buttons.some((button) => button.callback_data === callbackData)) {
      const offered = buttons.map((button) => button.callback_data).filter((d) => d !== undefined);
      throw new Error(`clickButton: message ${target.message_id} has no button with callback_data ${JSON.stringify(callbackData)} (has ${JSON.stringify(offered)})`);
    }
    const chat = stored.message.chat;
    const userId = opts.userId ?? (chat.type === 'private' ? chat.id : DEFAULT_USER_ID);
    const from = this.user(userId, { firstName: opts.firstName, languageCode: opts.languageCode });
    const query: CallbackQuery = {
      id: String(4_000_000_000_000_000n + BigInt(this.nextCallbackId++)),
      from,
      message: structuredClone(stored.message),
      chat_instance: String(BigInt.asUintN(63, BigInt(chat.id) * 2_654_435_761n)),
      data: callbackData,
    };
    this.callbackQueries.set(query.id, { query, answered: false });
    return this.queue({ callback_query: query });
  }

  pushUpdate(raw: object): Update {
    const update = structuredClone(raw) as Partial<Update> & Record<string, unknown>;
    for (const key of ['message', 'edited_message', 'channel_post', 'edited_channel_post'] as const) {
      const message = update[key];
      if (message?.chat) this.registerMessage(message);
    }
    const callbackMessage = update.callback_query?.message;
    if (callbackMessage?.chat) this.chatState(callbackMessage.chat);
    if (update.callback_query?.id) this.callbackQueries.set(update.callback_query.id, { query: update.callback_query, answered: false });
    if (typeof update.update_id === 'number') {
      this.nextUpdateId = Math.max(this.nextUpdateId, update.update_id + 1);
      return this.enqueue(update as Update);
    }
    const { update_id: _ignored, ...rest } = update;
    return this.queue(rest);
  }

  pendingUpdates(): Update[] {
    return structuredClone(this.pending);
  }

  // ------------------------------------------------------------ what the bot did

  sentMessages(chatId?: number): SentMessage[] {
    const list = chatId === undefined ? this.sent : this.sent.filter((m) => m.chat_id === chatId);
    return structuredClone(list);
  }

  calls(method?: string): ApiCall[] {
    const wanted = method?.toLowerCase();
    const list = wanted === undefined ? this.callLog : this.callLog.filter((c) => c.method.toLowerCase() === wanted);
    return structuredClone(list);
  }

  waitForMessages(chatId: number, count: number, timeoutMs = DEFAULT_WAIT_MS): Promise<SentMessage[]> {
    const found = () => this.sent.filter((m) => m.chat_id === chatId);
    return this.waitFor(
      () => (found().length >= count ? structuredClone(found()) : undefined),
      timeoutMs,
      () => `waitForMessages: chat ${chatId} has ${found().length} bot message(s), wanted ${count}; sent so far: ${JSON.stringify(found().map((m) => m.plain_text))}; recent calls: ${this.describeRecentCalls()}`,
    );
  }

  waitForCall(method: string, predicate?: (params: Record<string, unknown>, call: ApiCall) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<ApiCall> {
    const wanted = method.toLowerCase();
    const find = () => this.callLog.find((c) => this.finishedCalls.has(c) && c.method.toLowerCase() === wanted && (!predicate || predicate(c.params, c)));
    return this.waitFor(
      () => {
        const call = find();
        return call ? structuredClone(call) : undefined;
      },
      timeoutMs,
      () => `waitForCall: no finished ${method} call matched within ${timeoutMs} ms; recent calls: ${this.describeRecentCalls()}`,
    );
  }

  unansweredCallbackQueries(): CallbackQuery[] {
    return [...this.callbackQueries.values()].filter((q) => !q.answered).map((q) => structuredClone(q.query));
  }

  commands(scopeType = 'default', languageCode = ''): { command: string; description: string }[] | undefined {
    const list = this.commandLists.get(`${scopeType}|||${languageCode}`);
    return list ? structuredClone(list) : undefined;
  }

  // ------------------------------------------------------------ world state

  blockBot(userId: number): void {
    this.blockedBy.add(userId);
  }

  setMemberStatus(chatId: number, userId: number, status: MemberStatus): void {
    const chat = chatId < 0 ? this.groupChat(chatId) : this.chats.get(chatId);
    if (!chat) throw new Error(`setMemberStatus: unknown chat ${chatId}`);
    if (userId !== this.bot.id) this.user(userId, {});
    chat.members.set(userId, status);
  }

  failNext(method: string, failure: Failure, times = 1): void {
    const key = method === '*' ? '*' : method.toLowerCase();
    const list = this.failures.get(key) ?? [];
    list.push({ failure, remaining: times });
    this.failures.set(key, list);
  }

  // ------------------------------------------------------------ webhook mode

  webhook(): WebhookInfo | null {
    if (!this.webhookState) return null;
    return this.webhookState.secretToken === undefined
      ? { url: this.webhookState.url }
      : { url: this.webhookState.url, secretToken: this.webhookState.secretToken };
  }

  /**
   * POSTs `update` to the webhook set by setWebhook, as Telegram would. The registered URL must be
   * https (Telegram's rule), but on loopback there is no certificate, so the fake delivers over plain
   * http to the same host, port and path. A JSON `{ method, ... }` response body is executed as an API
   * call, as Telegram does with webhook replies (telegraf sends answerCallbackQuery, sendChatAction,
   * deleteMessage ... that way by default).
   */
  async deliverToWebhook(update: Update, opts: { secretToken?: string | null } = {}): Promise<{ status: number; body: string }> {
    const hook = this.webhookState;
    if (!hook) throw new Error('deliverToWebhook: no webhook is set (call setWebhook first)');
    if (this.closed) throw new Error('deliverToWebhook: the fake Bot API is closed');
    const target = new URL(hook.url);
    const secret = opts.secretToken === undefined ? hook.secretToken : opts.secretToken ?? undefined;
    const payload = JSON.stringify(update);
    const headers: Record<string, string> = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) };
    if (secret !== undefined) headers['x-telegram-bot-api-secret-token'] = secret;
    const controller = new AbortController();
    this.deliveries.add(controller);
    try {
      const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(
          {
            host: target.hostname,
            port: target.port === '' ? (target.protocol === 'https:' ? 443 : 80) : Number(target.port),
            path: `${target.pathname}${target.search}`,
            method: 'POST',
            headers,
            agent: false,
            signal: controller.signal,
            timeout: WEBHOOK_TIMEOUT_MS,
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', reject);
          },
        );
        req.on('timeout', () => req.destroy(new Error(`webhook did not answer within ${WEBHOOK_TIMEOUT_MS} ms`)));
        req.on('error', reject);
        req.end(payload);
      });
      if (status >= 200 && status < 300) {
        this.pending = this.pending.filter((u) => u.update_id !== update.update_id);
        this.runWebhookReply(body);
      } else {
        hook.lastErrorDate = this.unixNow();
        hook.lastErrorMessage = `Wrong response from the webhook: ${status}`;
      }
      return { status, body };
    } catch (error) {
      hook.lastErrorDate = this.unixNow();
      hook.lastErrorMessage = `Connection failed: ${error instanceof Error ? error.message : String(error)}`;
      throw error;
    } finally {
      this.deliveries.delete(controller);
    }
  }

  private runWebhookReply(body: string): void {
    let reply: unknown;
    try {
      reply = JSON.parse(body);
    } catch {
      return;
    }
    if (typeof reply !== 'object' || reply === null || typeof (reply as { method?: unknown }).method !== 'string') return;
    const { method: rawMethod, ...params } = reply as Record<string, unknown>;
    const method = this.methodNames.get(String(rawMethod).toLowerCase());
    const call: ApiCall = { method: method ?? String(rawMethod), params, status: 0, at: this.now(), via: 'webhook-reply' };
    this.record(call);
    // Telegram reports nothing back for webhook replies; the fake records the outcome.
    if (!method || method === 'getUpdates') {
      this.finish(call, 404, 'Not Found');
      return;
    }
    try {
      call.result = this.handlers.get(method)?.(params);
      this.finish(call, 200);
    } catch (error) {
      const apiError = this.toApiError(error);
      this.finish(call, apiError.errorCode, apiError.description);
    }
  }

  // ------------------------------------------------------------ lifecycle

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    this.closed = true;
    if (this.flushHandle) clearImmediate(this.flushHandle);
    this.flushHandle = null;
    for (const waiter of this.pollWaiters) {
      clearTimeout(waiter.timer);
      waiter.res.destroy();
    }
    this.pollWaiters.clear();
    for (const waiter of [...this.waiters]) {
      clearTimeout(waiter.timer);
      waiter.fail(new Error('fake Bot API closed while waiting'));
    }
    this.waiters.clear();
    for (const controller of this.deliveries) controller.abort();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ------------------------------------------------------------ HTTP

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.closed) {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = /^\/bot([^/]*)\/([^/]*)$/.exec(url.pathname);
    if (!match) {
      this.writeJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    const token = decodeURIComponent(match[1] ?? '');
    const requested = match[2] ?? '';
    let params: Record<string, unknown> = {};
    let paramsError: BotApiError | null = null;
    try {
      params = await parseParams(url, req.headers['content-type'], await readBody(req));
    } catch (error) {
      paramsError = this.toApiError(error);
    }
    if (this.closed) {
      req.socket.destroy();
      return;
    }
    const method = this.methodNames.get(requested.toLowerCase());
    const call: ApiCall = { method: method ?? requested, params, status: 0, at: this.now(), via: 'http' };
    this.record(call);

    if (token !== this.token) return this.answerError(res, call, new BotApiError(401, 'Unauthorized'));
    if (!method) return this.answerError(res, call, new BotApiError(404, 'Not Found'));
    if (paramsError) return this.answerError(res, call, paramsError);

    const failure = this.takeFailure(method);
    if (failure && !('responseLost' in failure)) return this.answerFailure(req, res, call, failure);

    if (method === 'getUpdates') {
      if (failure) {
        // Hands the updates out (as Telegram would), and the answer never arrives.
        this.deliverable(100);
        req.socket.destroy();
        this.finish(call, 0, 'response lost (injected)');
        return;
      }
      return this.getUpdates(params, call, res);
    }
    let result: unknown;
    try {
      result = this.handlers.get(method)?.(params);
    } catch (error) {
      return this.answerError(res, call, this.toApiError(error));
    }
    call.result = result;
    if (failure) {
      req.socket.destroy();
      this.finish(call, 0, 'response lost (injected)');
      return;
    }
    const description = this.okDescription(method, params);
    this.writeJson(res, 200, description ? { ok: true, result, description } : { ok: true, result });
    this.finish(call, 200);
  }

  private okDescription(method: string, params: Record<string, unknown>): string | undefined {
    if (method === 'setWebhook') return params.url ? 'Webhook was set' : 'Webhook was deleted';
    if (method === 'deleteWebhook') return 'Webhook was deleted';
    return undefined;
  }

  private toApiError(error: unknown): BotApiError {
    if (error instanceof BotApiError) return error;
    if (error instanceof EntityParseError) return badRequest(`can't parse entities: ${error.message}`);
    return new BotApiError(500, `Internal Server Error: ${error instanceof Error ? error.message : String(error)}`);
  }

  private answerError(res: ServerResponse, call: ApiCall, error: BotApiError): void {
    const body: Record<string, unknown> = { ok: false, error_code: error.errorCode, description: error.description };
    if (error.parameters) body.parameters = error.parameters;
    this.writeJson(res, error.errorCode, body);
    this.finish(call, error.errorCode, error.description);
  }

  private answerFailure(req: IncomingMessage, res: ServerResponse, call: ApiCall, failure: Exclude<Failure, { responseLost: true }>): void {
    if ('networkError' in failure) {
      // The connection drops without an answer: clients see ECONNRESET / "socket hang up".
      req.socket.destroy();
      this.finish(call, 0, 'network error (injected)');
      return;
    }
    switch (failure.code) {
      case 429:
        return this.answerError(res, call, new BotApiError(429, `Too Many Requests: retry after ${failure.retryAfter}`, { retry_after: failure.retryAfter }));
      case 502: {
        // Telegram's front end answers gateway errors with an nginx HTML page, not JSON.
        const html = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
        res.writeHead(502, { 'content-type': 'text/html', 'content-length': String(Buffer.byteLength(html)) });
        res.end(html);
        this.finish(call, 502, 'Bad Gateway');
        return;
      }
      case 500:
        return this.answerError(res, call, new BotApiError(500, 'Internal Server Error'));
      case 403:
        return this.answerError(res, call, forbidden(stripPrefix(failure.description ?? 'bot was blocked by the user', 'Forbidden: ')));
      case 400:
        return this.answerError(res, call, badRequest(stripPrefix(failure.description, 'Bad Request: ')));
    }
  }

  private takeFailure(method: string): Failure | undefined {
    for (const key of [method.toLowerCase(), '*']) {
      const list = this.failures.get(key);
      const head = list?.[0];
      if (!list || !head) continue;
      head.remaining--;
      if (head.remaining <= 0) list.shift();
      return head.failure;
    }
    return undefined;
  }

  private writeJson(res: ServerResponse, status: number, body: unknown): void {
    if (res.headersSent || res.destroyed || res.writableEnded) return;
    const json = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(json)) });
    res.end(json);
  }

  private record(call: ApiCall): void {
    this.callLog.push(call);
    if (this.callLog.length > MAX_CALL_LOG) this.callLog.splice(0, this.callLog.length - MAX_CALL_LOG);
  }

  private finish(call: ApiCall, status: number, description?: string): void {
    call.status = status;
    if (description !== undefined) call.description = description;
    this.finishedCalls.add(call);
    this.checkWaiters();
  }

  private describeRecentCalls(): string {
    return this.callLog
      .filter((c) => c.method !== 'getUpdates')
      .slice(-8)
      .map((c) => `${c.method}→${c.status}${c.description ? ` (${c.description})` : ''}`)
      .join(', ') || '(none)';
  }

  // ------------------------------------------------------------ waiting

  private waitFor<T>(probe: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    const now = probe();
    if (now !== undefined) return Promise.resolve(now);
    if (this.closed) return Promise.reject(new Error('fake Bot API is closed'));
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        check: () => {
          const value = probe();
          if (value === undefined) return false;
          clearTimeout(waiter.timer);
          resolve(value);
          return true;
        },
        fail: reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new Error(describe()));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  private checkWaiters(): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.check()) this.waiters.delete(waiter);
    }
  }

  // ------------------------------------------------------------ updates and long polling

  private queue(fields: Omit<Update, 'update_id'>): Update {
    return this.enqueue({ update_id: this.nextUpdateId++, ...fields });
  }

  private enqueue(update: Update): Update {
    if (this.closed) throw new Error('the fake Bot API is closed');
    this.pending.push(update);
    this.pending.sort((a, b) => a.update_id - b.update_id);
    // Answer held long polls once the current synchronous burst of simulated updates is queued.
    this.flushHandle ??= setImmediate(() => {
      this.flushHandle = null;
      this.flushPolls();
    });
    return structuredClone(update);
  }

  private updateType(update: Update): string {
    return Object.keys(update).find((key) => key !== 'update_id') ?? 'unknown';
  }

  private isAllowed(update: Update): boolean {
    const type = this.updateType(update);
    const allowed = this.webhookState?.allowedUpdates ?? this.allowedUpdates;
    return allowed && allowed.length > 0 ? allowed.includes(type) : !OPT_IN_UPDATE_TYPES.has(type);
  }

  /** Updates the bot may receive now; ones it did not subscribe to are dropped, as Telegram does. */
  private deliverable(limit: number): Update[] {
    this.pending = this.pending.filter((u) => this.isAllowed(u));
    return this.pending.slice(0, limit);
  }

  private getUpdates(params: Record<string, unknown>, call: ApiCall, res: ServerResponse): void {
    if (this.webhookState) {
      return this.answerError(res, call, new BotApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"));
    }
    let offset: number;
    let limit: number;
    let timeout: number;
    try {
      offset = intParam(params, 'offset') ?? 0;
      limit = Math.min(100, Math.max(1, intParam(params, 'limit') ?? 100));
      // Capped so a huge timeout cannot overflow setTimeout (which would then fire at once).
      timeout = Math.min(MAX_POLL_TIMEOUT_S, Math.max(0, intParam(params, 'timeout') ?? 0));
      if (params.allowed_updates !== undefined) {
        const allowed = jsonParam(params.allowed_updates, 'allowed_updates');
        this.allowedUpdates = Array.isArray(allowed) ? allowed.map(String) : null;
      }
    } catch (error) {
      return this.answerError(res, call, this.toApiError(error));
    }
    // A newer getUpdates ends an older held one, like Telegram does for two running instances.
    for (const waiter of [...this.pollWaiters]) {
      this.pollWaiters.delete(waiter);
      clearTimeout(waiter.timer);
      this.answerError(waiter.res, waiter.call, new BotApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running'));
    }
    if (offset > 0) this.pending = this.pending.filter((u) => u.update_id >= offset);
    else if (offset < 0) this.pending = this.pending.slice(offset);

    const ready = this.deliverable(limit);
    if (ready.length > 0 || timeout === 0) return this.answerUpdates(res, call, ready);

    const waiter: PollWaiter = {
      res,
      call,
      limit,
      timer: setTimeout(() => {
        this.pollWaiters.delete(waiter);
        this.answerUpdates(res, call, []);
      }, timeout * 1000),
    };
    this.pollWaiters.add(waiter);
    res.on('close', () => {
      if (!this.pollWaiters.delete(waiter)) return;
      clearTimeout(waiter.timer);
      this.finish(call, 0, 'client closed the long poll');
    });
  }

  private answerUpdates(res: ServerResponse, call: ApiCall, updates: Update[]): void {
    const result = structuredClone(updates);
    call.result = result;
    this.writeJson(res, 200, { ok: true, result });
    this.finish(call, 200);
  }

  private flushPolls(): void {
    for (const waiter of [...this.pollWaiters]) {
      const ready = this.deliverable(waiter.limit);
      if (ready.length === 0) continue;
      this.pollWaiters.delete(waiter);
      clearTimeout(waiter.timer);
      this.answerUpdates(waiter.res, waiter.call, ready);
    }
  }

  // ------------------------------------------------------------ world helpers

  private unixNow(): number {
    return Math.floor(this.now() / 1000);
  }

  private user(id: number, info: { firstName?: string | undefined; lastName?: string | undefined; username?: string | undefined; languageCode?: string | undefined; isBot?: boolean }): User {
    const existing = this.users.get(id);
    const user: User = existing ? { ...existing } : { id, is_bot: info.isBot ?? false, first_name: `User${id}` };
    if (!existing && id === DEFAULT_USER_ID) user.first_name = 'Tester';
    if (info.firstName !== undefined) user.first_name = info.firstName;
    if (info.lastName !== undefined) user.last_name = info.lastName;
    if (info.username !== undefined) user.username = info.username;
    if (info.languageCode !== undefined) user.language_code = info.languageCode;
    this.users.set(id, user);
    return { ...user };
  }

  private chatState(chat: Chat): ChatState {
    let state = this.chats.get(chat.id);
    if (!state) {
      state = { chat: { ...chat }, nextMessageId: 1, messages: new Map(), members: new Map() };
      this.chats.set(chat.id, state);
    }
    return state;
  }

  private privateChat(user: User): ChatState {
    const chat: Chat = { id: user.id, type: 'private', first_name: user.first_name };
    if (user.last_name !== undefined) chat.last_name = user.last_name;
    if (user.username !== undefined) chat.username = user.username;
    const state = this.chatState(chat);
    state.chat = chat;
    state.members.set(user.id, 'member');
    return state;
  }

  private groupChat(id: number, title?: string): ChatState {
    const type = String(id).startsWith('-100') ? 'supergroup' : 'group';
    const state = this.chatState({ id, type, title: title ?? 'Qamishli Test Group' });
    if (title !== undefined) state.chat.title = title;
    if (!state.members.has(this.bot.id)) state.members.set(this.bot.id, 'member');
    return state;
  }

  private registerMessage(message: Message): void {
    const state = this.chatState(message.chat);
    state.nextMessageId = Math.max(state.nextMessageId, message.message_id + 1);
    state.messages.set(message.message_id, { message: structuredClone(message), fromBot: message.from?.id === this.bot.id, deleted: false });
    if (message.from && !message.from.is_bot) this.users.set(message.from.id, { ...message.from });
  }

  private userMessage(chat: ChatState, from: User, fields: { text: string; entities: MessageEntity[] }, replyToMessageId?: number): Message {
    const message: Message = { message_id: chat.nextMessageId++, from, chat: { ...chat.chat }, date: this.unixNow(), text: fields.text };
    if (fields.entities.length > 0) message.entities = fields.entities;
    if (replyToMessageId !== undefined) {
      const target = chat.messages.get(replyToMessageId);
      if (!target || target.deleted) throw new Error(`reply to unknown message ${replyToMessageId} in chat ${chat.chat.id}`);
      message.reply_to_message = withoutReply(target.message);
    }
    chat.messages.set(message.message_id, { message, fromBot: false, deleted: false });
    return structuredClone(message);
  }

  private mediaMessage(opts: SendMediaOptions, fields: Record<string, unknown>): Update {
    const user = this.user(opts.userId ?? DEFAULT_USER_ID, {});
    const chat = opts.chat === 'group' || (opts.chatId !== undefined && opts.chatId < 0)
      ? this.groupChat(opts.chatId ?? DEFAULT_GROUP_ID)
      : this.privateChat(user);
    const message: Message = { message_id: chat.nextMessageId++, from: user, chat: { ...chat.chat }, date: this.unixNow(), ...fields };
    chat.messages.set(message.message_id, { message, fromBot: false, deleted: false });
    return this.queue({ message: structuredClone(message) });
  }

  // ------------------------------------------------------------ Bot API methods

  private registerMethods(): void {
    const methods: Record<string, Handler> = {
      getMe: () => ({
        ...this.botUser, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false,
        can_connect_to_business: false, has_main_web_app: false,
      }),
      getUpdates: () => {
        throw new Error('getUpdates is answered by the long-poll path');
      },
      setWebhook: (p) => this.setWebhook(p),
      deleteWebhook: (p) => {
        this.webhookState = null;
        if (boolParam(p, 'drop_pending_updates')) this.pending = [];
        return true;
      },
      getWebhookInfo: () => this.webhookInfo(),
      sendMessage: (p) => this.sendMessage(p),
      editMessageText: (p) => this.editMessageText(p),
      editMessageReplyMarkup: (p) => this.editMessageReplyMarkup(p),
      deleteMessage: (p) => this.deleteMessage(p),
      sendChatAction: (p) => {
        const chat = this.requireChat(p);
        this.checkCanSend(chat);
        if (!CHAT_ACTIONS.has(String(p.action ?? ''))) throw badRequest('wrong parameter action in request');
        return true;
      },
      answerCallbackQuery: (p) => {
        const entry = this.callbackQueries.get(String(p.callback_query_id ?? ''));
        if (!entry || entry.answered) throw badRequest('query is too old and response timeout expired or query ID is invalid');
        if (p.text !== undefined && String(p.text).length > 200) throw badRequest('MESSAGE_TOO_LONG');
        entry.answered = true;
        return true;
      },
      getChat: (p) => ({ ...this.requireChat(p).chat, accent_color_id: 0, max_reaction_count: 11 }),
      getChatMember: (p) => this.getChatMember(p),
      leaveChat: (p) => {
        const chat = this.requireChat(p);
        if (chat.chat.type === 'private') throw badRequest('chat member status can\'t be changed in private chats');
        chat.members.set(this.bot.id, 'left');
        return true;
      },
      setMyCommands: (p) => {
        const key = commandScopeKey(p.scope, p.language_code);
        const commands = validateCommands(p.commands);
        if (commands.length === 0) this.commandLists.delete(key);
        else this.commandLists.set(key, commands);
        return true;
      },
      getMyCommands: (p) => this.commandLists.get(commandScopeKey(p.scope, p.language_code)) ?? [],
      deleteMyCommands: (p) => {
        this.commandLists.delete(commandScopeKey(p.scope, p.language_code));
        return true;
      },
      setChatMenuButton: (p) => {
        const key = p.chat_id === undefined ? 'default' : String(this.requireChat(p).chat.id);
        const button = jsonParam(p.menu_button ?? { type: 'default' }, 'menu button');
        const type = (button as { type?: unknown } | null)?.type;
        if (!['default', 'commands', 'web_app'].includes(String(type))) throw badRequest('unsupported menu button type');
        this.menuButtons.set(key, button);
        return true;
      },
      getChatMenuButton: (p) => {
        const key = p.chat_id === undefined ? 'default' : String(this.requireChat(p).chat.id);
        return this.menuButtons.get(key) ?? this.menuButtons.get('default') ?? { type: 'commands' };
      },
      setMyDescription: (p) => this.setBotText('description', p, 512),
      getMyDescription: (p) => ({ description: this.botTexts.get(`description|${languageParam(p)}`) ?? '' }),
      setMyShortDescription: (p) => this.setBotText('short_description', p, 120),
      getMyShortDescription: (p) => ({ short_description: this.botTexts.get(`short_description|${languageParam(p)}`) ?? '' }),
      setMyName: (p) => this.setBotText('name', p, 64),
      getMyName: (p) => ({ name: this.botTexts.get(`name|${languageParam(p)}`) ?? this.bot.first_name }),
    };
    for (const [name, handler] of Object.entries(methods)) {
      this.handlers.set(name, handler);
      this.methodNames.set(name.toLowerCase(), name);
    }
  }

  private setBotText(field: string, p: Record<string, unknown>, maxLength: number): true {
    const value = p[field] === undefined ? '' : String(p[field]);
    if (value.length > maxLength) throw badRequest(`${field.toUpperCase()}_INVALID`);
    const key = `${field}|${languageParam(p)}`;
    if (value === '') this.botTexts.delete(key);
    else this.botTexts.set(key, value);
    return true;
  }

  private requireChat(p: Record<string, unknown>): ChatState {
    const raw = p.chat_id;
    if (raw === undefined || raw === null || raw === '') throw badRequest('chat_id is empty');
    if (typeof raw === 'string' && raw.startsWith('@')) {
      const username = raw.slice(1).toLowerCase();
      for (const state of this.chats.values()) {
        if (state.chat.type !== 'private' && state.chat.username?.toLowerCase() === username) return state;
      }
      throw badRequest('chat not found');
    }
    const id = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?[0-9]+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
    const state = Number.isSafeInteger(id) ? this.chats.get(id) : undefined;
    // A user the bot saw in a group but who never opened a private chat with it.
    if (!state && this.users.has(id) && !this.users.get(id)?.is_bot) throw forbidden("bot can't initiate conversation with a user");
    if (!state) throw badRequest('chat not found');
    return state;
  }

  private checkCanSend(chat: ChatState): void {
    if (chat.chat.type === 'private' && this.blockedBy.has(chat.chat.id)) throw forbidden('bot was blocked by the user');
    const status = chat.members.get(this.bot.id);
    if (chat.chat.type !== 'private' && (status === 'left' || status === 'kicked')) {
      throw forbidden(chat.chat.type === 'channel' ? 'bot is not a member of the channel chat' : 'bot is not a member of the supergroup chat');
    }
  }

  private formatText(p: Record<string, unknown>): { raw: string; parseMode?: string; formatted: FormattedText } {
    const raw = p.text === undefined || p.text === null ? '' : String(p.text);
    const parseMode = p.parse_mode === undefined || p.parse_mode === null || p.parse_mode === '' ? undefined : String(p.parse_mode);
    if (parseMode !== undefined && !isSupportedParseMode(parseMode)) throw badRequest('unsupported parse_mode');
    if (raw.trim() === '') throw badRequest('message text is empty');
    const explicit = p.entities === undefined ? undefined : (jsonParam(p.entities, 'message entities') as MessageEntity[]);
    let formatted: FormattedText;
    try {
      formatted = parseFormattedText(raw, parseMode, Array.isArray(explicit) ? explicit : undefined);
    } catch (error) {
      throw this.toApiError(error);
    }
    if (formatted.text === '') throw badRequest('message text is empty');
    if (formatted.text.length > MAX_MESSAGE_LENGTH) throw badRequest('message is too long');
    return parseMode === undefined ? { raw, formatted } : { raw, parseMode, formatted };
  }

  private sendMessage(p: Record<string, unknown>): Message {
    const chat = this.requireChat(p);
    this.checkCanSend(chat);
    const { raw, parseMode, formatted } = this.formatText(p);
    const markup = p.reply_markup === undefined || p.reply_markup === null ? undefined : validateReplyMarkup(p.reply_markup);

    let replyTo: StoredMessage | undefined;
    const replyParameters = p.reply_parameters === undefined ? undefined : (jsonParam(p.reply_parameters, 'reply parameters') as Record<string, unknown> | null);
    const replyId = replyParameters ? intParam(replyParameters, 'message_id') : intParam(p, 'reply_to_message_id');
    if (replyId !== undefined) {
      const allowWithout = replyParameters ? boolParam(replyParameters, 'allow_sending_without_reply') : boolParam(p, 'allow_sending_without_reply');
      const target = chat.messages.get(replyId);
      if (target && !target.deleted) replyTo = target;
      else if (!allowWithout) throw badRequest('message to be replied not found');
    }

    const message: Message = { message_id: chat.nextMessageId++, from: { ...this.botUser }, chat: { ...chat.chat }, date: this.unixNow(), text: formatted.text };
    if (formatted.entities.length > 0) message.entities = formatted.entities;
    if (replyTo) message.reply_to_message = withoutReply(replyTo.message);
    if (markup?.inline_keyboard) message.reply_markup = { inline_keyboard: markup.inline_keyboard };

    const sent: SentMessage = {
      chat_id: chat.chat.id, message_id: message.message_id, text: raw, plain_text: formatted.text,
      entities: formatted.entities, method: 'sendMessage', edit_count: 0, deleted: false, message: structuredClone(message),
    };
    if (parseMode !== undefined) sent.parse_mode = parseMode;
    if (markup !== undefined) sent.reply_markup = markup;
    if (replyTo) sent.reply_to = replyTo.message.message_id;
    chat.messages.set(message.message_id, { message, fromBot: true, deleted: false, sent });
    this.sent.push(sent);
    return structuredClone(message);
  }

  private editableBotMessage(p: Record<string, unknown>): { chat: ChatState; stored: StoredMessage } {
    if (p.inline_message_id !== undefined) throw badRequest('MESSAGE_ID_INVALID');
    const chat = this.requireChat(p);
    const messageId = intParam(p, 'message_id');
    if (messageId === undefined) throw badRequest('message identifier is not specified');
    const stored = chat.messages.get(messageId);
    if (!stored || stored.deleted) throw badRequest('message to edit not found');
    if (!stored.fromBot) throw badRequest("message can't be edited");
    return { chat, stored };
  }

  private editMessageText(p: Record<string, unknown>): Message {
    const { stored } = this.editableBotMessage(p);
    if (stored.message.text === undefined) throw badRequest('there is no text in the message to edit');
    const { raw, parseMode, formatted } = this.formatText(p);
    const markup = p.reply_markup === undefined || p.reply_markup === null ? undefined : validateReplyMarkup(p.reply_markup);
    const inline = markup?.inline_keyboard ? { inline_keyboard: markup.inline_keyboard } : undefined;
    const old = stored.message;
    if (old.text === formatted.text && sameJson(old.entities ?? [], formatted.entities) && sameJson(old.reply_markup, inline)) {
      throw badRequest(NOT_MODIFIED);
    }
    const message: Message = { ...old, text: formatted.text, edit_date: this.unixNow() };
    if (formatted.entities.length > 0) message.entities = formatted.entities;
    else delete message.entities;
    // Telegram drops the inline keyboard when an edit does not repeat it.
    if (inline) message.reply_markup = inline;
    else delete message.reply_markup;
    stored.message = message;
    if (stored.sent) {
      const sent = stored.sent;
      sent.text = raw;
      sent.plain_text = formatted.text;
      sent.entities = formatted.entities;
      if (parseMode !== undefined) sent.parse_mode = parseMode;
      else delete sent.parse_mode;
      if (markup !== undefined) sent.reply_markup = markup;
      else delete sent.reply_markup;
      sent.method = 'editMessageText';
      sent.edit_count++;
      sent.message = structuredClone(message);
    }
    return structuredClone(message);
  }

  private editMessageReplyMarkup(p: Record<string, unknown>): Message {
    const { stored } = this.editableBotMessage(p);
    const markup = p.reply_markup === undefined || p.reply_markup === null ? undefined : validateReplyMarkup(p.reply_markup);
    if (markup && !markup.inline_keyboard) throw badRequest('reply_markup must be an InlineKeyboardMarkup');
    const inline = markup?.inline_keyboard ? { inline_keyboard: markup.inline_keyboard } : undefined;
    const old = stored.message;
    if (sameJson(old.reply_markup, inline)) throw badRequest(NOT_MODIFIED);
    const message: Message = { ...old, edit_date: this.unixNow() };
    if (inline) message.reply_markup = inline;
    else delete message.reply_markup;
    stored.message = message;
    if (stored.sent) {
      if (inline) stored.sent.reply_markup = inline;
      else delete stored.sent.reply_markup;
      stored.sent.method = 'editMessageReplyMarkup';
      stored.sent.edit_count++;
      stored.sent.message = structuredClone(message);
    }
    return structuredClone(message);
  }

  private deleteMessage(p: Record<string, unknown>): true {
    const chat = this.requireChat(p);
    const messageId = intParam(p, 'message_id');
    const stored = messageId === undefined ? undefined : chat.messages.get(messageId);
    if (!stored || stored.deleted) throw badRequest('message to delete not found');
    const botStatus = chat.members.get(this.bot.id);
    if (!stored.fromBot && chat.chat.type !== 'private' && botStatus !== 'administrator' && botStatus !== 'creator') {
      throw badRequest("message can't be deleted");
    }
    stored.deleted = true;
    if (stored.sent) stored.sent.deleted = true;
    return true;
  }

  private getChatMember(p: Record<string, unknown>): Record<string, unknown> {
    const chat = this.requireChat(p);
    const userId = intParam(p, 'user_id');
    if (userId === undefined) throw badRequest('invalid user_id specified');
    const user = userId === this.bot.id ? { ...this.botUser } : this.users.get(userId);
    if (!user) throw badRequest('user not found');
    let status = chat.members.get(userId);
    if (status === undefined) {
      if (chat.chat.type === 'private') {
        if (userId !== chat.chat.id && userId !== this.bot.id) throw badRequest('user not found');
        status = 'member';
      } else {
        status = 'left';
      }
    }
    switch (status) {
      case 'creator':
        return { status, user, is_anonymous: false };
      case 'administrator':
        return {
          status, user, can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: true,
          can_manage_video_chats: true, can_restrict_members: true, can_promote_members: false, can_change_info: true,
          can_invite_users: true, can_post_stories: false, can_edit_stories: false, can_delete_stories: false,
        };
      case 'restricted':
        return {
          status, user, is_member: true, can_send_messages: false, can_send_audios: false, can_send_documents: false,
          can_send_photos: false, can_send_videos: false, can_send_video_notes: false, can_send_voice_notes: false,
          can_send_polls: false, can_send_other_messages: false, can_add_web_page_previews: false, can_change_info: false,
          can_invite_users: false, can_pin_messages: false, can_manage_topics: false, until_date: 0,
        };
      case 'kicked':
        return { status, user, until_date: 0 };
      default:
        return { status, user };
    }
  }

  private setWebhook(p: Record<string, unknown>): true {
    const url = p.url === undefined || p.url === null ? '' : String(p.url);
    if (url === '') {
      this.webhookState = null;
      if (boolParam(p, 'drop_pending_updates')) this.pending = [];
      return true;
    }
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw badRequest('bad webhook: Failed to resolve host: Name or service not known');
    }
    if (parsed.protocol !== 'https:') throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
    const secretToken = validateSecretToken(p.secret_token);
    const maxConnections = intParam(p, 'max_connections') ?? 40;
    if (maxConnections < 1 || maxConnections > 100) throw badRequest('bad webhook: max_connections must be between 1 and 100');
    const allowed = p.allowed_updates === undefined ? undefined : jsonParam(p.allowed_updates, 'allowed_updates');
    const state: WebhookState = { url, maxConnections };
    if (secretToken !== undefined) state.secretToken = secretToken;
    if (Array.isArray(allowed)) state.allowedUpdates = allowed.map(String);
    else if (this.webhookState?.allowedUpdates) state.allowedUpdates = this.webhookState.allowedUpdates;
    this.webhookState = state;
    if (boolParam(p, 'drop_pending_updates')) this.pending = [];
    // A webhook ends long polling: a held getUpdates is answered with the Conflict error.
    for (const waiter of [...this.pollWaiters]) {
      this.pollWaiters.delete(waiter);
      clearTimeout(waiter.timer);
      this.answerError(waiter.res, waiter.call, new BotApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"));
    }
    return true;
  }

  private webhookInfo(): Record<string, unknown> {
    const hook = this.webhookState;
    const info: Record<string, unknown> = { url: hook?.url ?? '', has_custom_certificate: false, pending_update_count: this.pending.length };
    if (hook) {
      info.max_connections = hook.maxConnections;
      if (hook.allowedUpdates) info.allowed_updates = hook.allowedUpdates;
      if (hook.lastErrorDate !== undefined) info.last_error_date = hook.lastErrorDate;
      if (hook.lastErrorMessage !== undefined) info.last_error_message = hook.lastErrorMessage;
    }
    return info;
  }
}

// ------------------------------------------------------------ parameter helpers

function intParam(p: Record<string, unknown>, name: string): number | undefined {
  const value = p[name];
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?[0-9]+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw badRequest(`invalid ${name} specified`);
  return n;
}

function boolParam(p: Record<string, unknown>, name: string): boolean {
  const value = p[name];
  return value === true || value === 'true' || value === 1 || value === '1';
}

function languageParam(p: Record<string, unknown>): string {
  return p.language_code === undefined ? '' : String(p.language_code);
}

function stripPrefix(text: string, prefix: string): string {
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function isSentMessage(value: SentMessage | Message): value is SentMessage {
  return typeof (value as SentMessage).chat_id === 'number' && typeof (value as SentMessage).plain_text === 'string';
}

function withoutReply(message: Message): Message {
  const copy = structuredClone(message);
  delete copy.reply_to_message;
  return copy;
}
