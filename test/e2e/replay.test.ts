/**
 * What a restart finds in the inbox, end to end in one process: an update received but unanswered
 * (and, as after a crash before its confirmation, still queued at Telegram) is answered once; a reply
 * cut short after its first message is completed without repeating that message; an update older
 * than the replay window is not answered.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.ts';
import { startBotHarness } from '../helpers/bot-harness.ts';
import { FAKE_SENTENCES, fakeEngine } from '../helpers/fake-engine.ts';
import { startFakeBotApi, type FakeBotApi } from '../helpers/fake-bot-api.ts';

// Two long quoted sentences: an answer in several messages.
const sentences = FAKE_SENTENCES.map((text, i) => (i === 2 || i === 3 ? `${text} ${'كلمة '.repeat(700)}` : text));

let api: FakeBotApi;
let dataDir: string;
beforeAll(async () => {
  api = await startFakeBotApi();
  dataDir = mkdtempSync(join(tmpdir(), 'qamishli-replay-'));
});
afterAll(async () => {
  await api?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function waitUntil(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('waitUntil: condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('restart with unanswered updates in the inbox', () => {
  it('finishes a reply cut short, answers what was waiting once, and leaves old updates alone', async () => {
    // What a bot killed mid-reply leaves behind: three updates stored, none confirmed to Telegram.
    const cut = api.sendPrivate('who controls the airport?', { userId: 90_001 });
    const waiting = api.sendPrivate('who controls the airport?', { userId: 90_002 });
    const old = api.sendPrivate('who controls the airport?', { userId: 90_003 });
    let now = Date.now() - 3600_000;
    const before = openStore(dataDir, { now: () => new Date(now) });
    before.inbox.receive(old.update_id, old, `chat:${90_003}`);
    now = Date.now();
    before.inbox.receive(cut.update_id, cut, `chat:${90_001}`);
    before.inbox.partSent(cut.update_id); // its first message was delivered before the crash
    before.inbox.receive(waiting.update_id, waiting, `chat:${90_002}`);
    before.close();

    const h = await startBotHarness({ engine: fakeEngine({ sentences }), api, env: { DATA_DIR: dataDir, REPLAY_WINDOW_SECONDS: '600' } });
    try {
      const full = await h.api.waitForMessages(90_002, 2, 10_000);
      await waitUntil(() => h.store.inbox.pendingCount() === 0);
      const all = h.api.sentMessages(90_002);
      expect(all.length).toBeGreaterThanOrEqual(2);
      expect(full[0]!.plain_text).toMatch(/^On control/);
      // The cut reply: everything but its first message, once.
      expect(h.api.sentMessages(90_001).map((m) => m.plain_text)).toEqual(all.slice(1).map((m) => m.plain_text));
      // Too old to answer (REPLAY_WINDOW_SECONDS), and redelivered by Telegram: still not answered twice or late.
      expect(h.api.sentMessages(90_003)).toEqual([]);
      expect(h.records().filter((r) => r.msg === 'update already received; not handled twice').map((r) => r.updateId).sort())
        .toEqual([cut.update_id, waiting.update_id, old.update_id].sort());
      expect(h.records().find((r) => r.msg === 'answering updates received before the restart')).toMatchObject({ count: 2 });
    } finally {
      await h.stop();
    }
  }, 30_000);
});
