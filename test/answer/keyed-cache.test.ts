/**
 * The engine's keyed cache (create-engine hands it to the pure code): a value computed once is
 * written with its key and read back by a later start of the same key; another key (changed code
 * or knowledge) computes it again. Shown with the compiled glossary, the largest value it keeps.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyedCache } from '../../src/answer/keyed-cache.ts';
import { createGlossary, storedGlossary, type CompiledGlossary, type GlossaryData } from '../../src/nlu/glossary.ts';
import { formatPluralTable, loadPluralTable, PLURAL_TABLE_FILE, type CompiledPluralTable } from '../../src/nlu/plurals.ts';

const AIRPORT: GlossaryData = { english: [{ en: ['airport', 'air base'], ar: ['مطار'] }], dialect: [] };
const BORDER: GlossaryData = { english: [{ en: ['border crossing'], ar: ['معبر'] }], dialect: [] };

describe('keyedCache with the compiled glossary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyed-cache-'));
  const file = join(dir, 'cache', 'glossary.json');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const keyOnDisk = (): unknown => (JSON.parse(readFileSync(file, 'utf8')) as { key: unknown }).key;

  it('compiles and writes the glossary once, and a later start of the same key reads it instead', () => {
    let compiled = 0;
    const first = storedGlossary(() => (compiled++, AIRPORT), keyedCache<CompiledGlossary>(file, 'k1'));
    expect(compiled).toBe(1);
    expect(keyOnDisk()).toBe('k1');
    const written = readFileSync(file, 'utf8');
    // The same lookups as a glossary compiled in memory.
    const question = 'Who controls the airport near the air base?';
    expect(first.lookup(question)).toEqual(createGlossary(AIRPORT).lookup(question));
    expect(first.lookup(question).map((h) => h.key)).toEqual(['airport', 'air base']);

    // A second start: the data is never read, the file never rewritten, the answers the same.
    const saves: unknown[] = [];
    const cache = keyedCache<CompiledGlossary>(file, 'k1');
    const second = storedGlossary(() => expect.unreachable(), { load: cache.load, save: (v) => saves.push(v) });
    expect(saves).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(written);
    expect(second.lookup(question)).toEqual(first.lookup(question));
  });

  it('computes the glossary again when the key changed and keeps the new one', () => {
    let compiled = 0;
    const changed = storedGlossary(() => (compiled++, BORDER), keyedCache<CompiledGlossary>(file, 'k2'));
    expect(compiled).toBe(1);
    expect(keyOnDisk()).toBe('k2');
    expect(changed.lookup('the airport').map((h) => h.key)).toEqual([]);
    expect(changed.lookup('the border crossing').map((h) => h.key)).toEqual(['border crossing']);
    // The old key no longer reads anything: a start of it computes again.
    expect(keyedCache<CompiledGlossary>(file, 'k1').load()).toBeUndefined();
  });

  it('a missing or unreadable file computes without failing', () => {
    expect(keyedCache(join(dir, 'none.json'), 'k1').load()).toBeUndefined();
    const glossary = storedGlossary(() => AIRPORT, keyedCache<CompiledGlossary>(join(dir, 'cache'), 'k1'));
    expect(glossary.lookup('airport').map((h) => h.key)).toEqual(['airport']);
  });
});

describe('keyedCache with the plural table', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyed-cache-plurals-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds the table once, a later start reads it without the file, a changed key rebuilds it', () => {
    const cacheFile = join(dir, 'plural-table.json');
    const built = loadPluralTable(PLURAL_TABLE_FILE, keyedCache<CompiledPluralTable>(cacheFile, 'k1'));
    const written = readFileSync(cacheFile, 'utf8');
    // Read back: the table file is never opened (a missing one would throw) and the partners are the same.
    const reused = loadPluralTable(join(dir, 'missing.tsv'), keyedCache<CompiledPluralTable>(cacheFile, 'k1'));
    expect(reused.size).toBe(built.size);
    expect(reused.expand('منازل المدينة')).toEqual(built.expand('منازل المدينة'));
    expect(reused.expand('منازل المدينة').length).toBeGreaterThan(0);
    expect(readFileSync(cacheFile, 'utf8')).toBe(written);
    // Another key (a changed table file) reads the new file.
    const other = join(dir, 'other.tsv');
    writeFileSync(other, formatPluralTable([{ singular: 'سجين', plural: 'سجناء', english: 'prisoner' }], []));
    const rebuilt = loadPluralTable(other, keyedCache<CompiledPluralTable>(cacheFile, 'k2'));
    expect(rebuilt.size).toBe(1);
    expect(rebuilt.expand('منازل المدينة')).toEqual([]);
  });
});
