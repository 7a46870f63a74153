/**
 * The engine the running bot answers with, over a corpus that changes: it watches CORPUS_DIR (fs.watch
 * for promptness, a poll as a safety net where watching is unreliable), debounces bursts of writes,
 * rebuilds a new engine in the background and swaps it in at once. A question in flight finishes on
 * the engine it started with; a corpus that fails to load keeps the old engine answering.
 */
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../answer/types.ts';

/** The little of a logger this needs (pino fits). */
export interface LiveLogger {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface LiveEngineOptions {
  corpusDir: string;
  build(corpusDir: string): Promise<Engine>;
  logger?: LiveLogger;
  /** Quiet time after the last change before rebuilding. */
  debounceMs?: number;
  /** How often the directory is compared with what was last built, in case a change went unseen. */
  pollMs?: number;
}

/** Names, sizes and modification times of the corpus files (temporary dot files left out). */
export function corpusSignature(dir: string): string {
  const parts: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || !(name.endsWith('.json') || name.endsWith('.txt'))) continue;
    try {
      const stat = statSync(join(dir, name));
      parts.push(`${name}:${stat.size}:${stat.mtimeMs}`);
    } catch {
      // Removed between listing and stat: the next look sees it gone.
    }
  }
  return parts.join('|');
}

export class LiveEngine implements Engine {
  private current: Engine;
  private signature: string;
  private watcher: FSWatcher | null = null;
  private poll: NodeJS.Timeout | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private building: Promise<void> | null = null;
  private again = false;
  private closed = false;
  /** How many engines have been built (1 at start); tests and logs read it. */
  generation = 1;

  private constructor(private readonly options: LiveEngineOptions, engine: Engine, signature: string) {
    this.current = engine;
    this.signature = signature;
  }

  /** Builds the first engine (failing loudly: there is nothing to fall back on), then watches. */
  static async start(options: LiveEngineOptions): Promise<LiveEngine> {
    const signature = corpusSignature(options.corpusDir);
    const live = new LiveEngine(options, await options.build(options.corpusDir), signature);
    live.watch();
    return live;
  }

  /** The engine answering now. */
  get engine(): Engine {
    return this.current;
  }

  ask(question: string): ReturnType<Engine['ask']> {
    // Taken once: a swap during the await does not change the engine this question runs on.
    const engine = this.current;
    return engine.ask(question);
  }

  cite(keys: readonly string[]): ReturnType<Engine['cite']> {
    return this.current.cite(keys);
  }

  summary(...args: Parameters<Engine['summary']>): ReturnType<Engine['summary']> {
    return this.current.summary(...args);
  }

  timeline(...args: Parameters<Engine['timeline']>): ReturnType<Engine['timeline']> {
    return this.current.timeline(...args);
  }

  sources(): ReturnType<Engine['sources']> {
    return this.current.sources();
  }

  /** Rebuilds if the corpus changed since the last build; resolves when the engine is current. */
  async refresh(): Promise<void> {
    if (this.building) {
      this.again = true;
      return this.building;
    }
    this.building = this.rebuild().finally(() => {
      this.building = null;
    });
    await this.building;
    if (this.again && !this.closed) {
      this.again = false;
      await this.refresh();
    }
  }

  private async rebuild(): Promise<void> {
    const { corpusDir, logger } = this.options;
    let signature: string;
    try {
      signature = corpusSignature(corpusDir);
    } catch (error) {
      logger?.error({ err: error, corpusDir }, 'cannot read the corpus directory; still answering from the last one');
      return;
    }
    if (signature === this.signature) return;
    const started = Date.now();
    try {
      const engine = await this.options.build(corpusDir);
      if (this.closed) return;
      this.current = engine;
      this.signature = signature;
      this.generation += 1;
      logger?.info({ articles: engine.sources().length, generation: this.generation, ms: Date.now() - started }, 'corpus changed: new engine in use');
    } catch (error) {
      // Remember the signature so a broken file is not rebuilt every poll; the next change retries.
      this.signature = signature;
      logger?.error({ err: error, corpusDir }, 'the changed corpus does not load; still answering from the last one');
    }
  }

  private schedule(): void {
    if (this.closed) return;
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      void this.refresh();
    }, this.options.debounceMs ?? 500);
    this.debounce.unref();
  }

  private watch(): void {
    try {
      this.watcher = watch(this.options.corpusDir, () => this.schedule());
      this.watcher.on('error', () => this.watcher?.close());
      this.watcher.unref();
    } catch {
      this.watcher = null; // the poll still sees changes
    }
    this.poll = setInterval(() => this.schedule(), this.options.pollMs ?? 10_000);
    this.poll.unref();
  }

  close(): void {
    this.closed = true;
    this.watcher?.close();
    if (this.poll) clearInterval(this.poll);
    if (this.debounce) clearTimeout(this.debounce);
  }
}
