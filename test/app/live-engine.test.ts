import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answer, Engine } from '../../src/answer/types.ts';
import { LiveEngine } from '../../src/app/live-engine.ts';
import { ingestFile } from '../../src/ingest/sources.ts';
import { tempCorpus } from '../helpers/corpus-dir.ts';
import { fakeEngine } from '../helpers/fake-engine.ts';
import { INGEST_FIXTURES } from '../helpers/news-server.ts';

const TEXT_FILE = join(INGEST_FIXTURES, 'tayy-displacement.ar.txt');
const NOW = { now: new Date('2026-12-01T08:00:00Z') };

/** Waits (without a deadline of its own beyond vitest's) until `check` holds. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}

function quietLogger() {
  const errors: string[] = [];
  return { errors, info: () => undefined, error: (_o: object, message: string) => errors.push(message) };
}

describe('the live engine', () => {
  it('picks up a new article through the watcher and swaps engines', async () => {
    const corpusDir = tempCorpus();
    const built: string[] = [];
    const live = await LiveEngine.start({
      corpusDir,
      debounceMs: 50,
      pollMs: 200,
      build: async (dir) => {
        built.push(dir);
        return fakeEngine({ sentences: [`engine ${built.length}`, 'x'] });
      },
    });
    try {
      expect(live.sources()[0]?.title).toBe('engine 1');
      ingestFile(corpusDir, TEXT_FILE, { published: '2026-11-27' }, NOW);
      await until(() => live.generation === 2);
      expect(live.sources()[0]?.title).toBe('engine 2');
      // Nothing changed: no rebuild.
      await live.refresh();
      expect(built).toHaveLength(2);
    } finally {
      live.close();
    }
  });

  it('finishes a question in flight on the engine it started with', async () => {
    const corpusDir = tempCorpus();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let generation = 0;
    const live = await LiveEngine.start({
      corpusDir,
      pollMs: 60_000,
      build: async () => {
        generation += 1;
        const mine = generation;
        const base = fakeEngine();
        const engine: Engine = {
          ...base,
          ask: async (question): Promise<Answer> => {
            if (mine === 1) await held;
            return { ...(await base.ask(question)), lead: `from engine ${mine}` };
          },
        };
        return engine;
      },
    });
    try {
      const inFlight = live.ask('من يسيطر على المطار؟');
      ingestFile(corpusDir, TEXT_FILE, { published: '2026-11-27' }, NOW);
      await live.refresh();
      expect(live.generation).toBe(2);
      expect((await live.ask('من يسيطر على المطار؟')).lead).toBe('from engine 2');
      release();
      expect((await inFlight).lead).toBe('from engine 1');
    } finally {
      live.close();
    }
  });

  it('keeps answering from the last good corpus when a changed one does not load', async () => {
    const corpusDir = tempCorpus();
    const log = quietLogger();
    let builds = 0;
    const live = await LiveEngine.start({
      corpusDir,
      pollMs: 60_000,
      logger: log,
      build: async () => {
        builds += 1;
        if (builds > 1) throw new Error('bad corpus');
        return fakeEngine();
      },
    });
    try {
      writeFileSync(join(corpusDir, 'broken.json'), '{ not json');
      await live.refresh();
      expect(live.generation).toBe(1);
      expect(log.errors).toEqual(['the changed corpus does not load; still answering from the last one']);
      expect((await live.ask('من يسيطر على المطار؟')).kind).toBe('answer');
    } finally {
      live.close();
    }
  });
});
