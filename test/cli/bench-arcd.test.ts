import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'bench-arcd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SQUAD = {
  version: '1.1',
  data: [{
    title: 'القامشلي',
    paragraphs: [{
      context: 'استمرت المعارك في مدينة القامشلي. يسيطر الدفاع الوطني على نصف حي حلكو. وتوصلت أسايش إلى اتفاق بوساطة روسية.',
      qas: [
        { id: '1', question: 'من يسيطر على حي حلكو؟', answers: [{ text: 'الدفاع الوطني', answer_start: 40 }] },
        { id: '2', question: 'بوساطة من كان الاتفاق؟', answers: [{ text: 'روسية', answer_start: 99 }] },
      ],
    }],
  }],
};

function run(args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'bench-arcd.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

describe('bench:arcd', () => {
  it('prints the reference table and ends with the project figures as JSON', () => {
    const file = join(dir, 'tiny.json');
    writeFileSync(file, JSON.stringify(SQUAD));
    const lines = run([file]).trim().split('\n');
    expect(lines.some((line) => line.startsWith('| lunr + lunr-languages Arabic'))).toBe(true);
    expect(lines.some((line) => line.startsWith('| first sentence of the paragraph'))).toBe(true);
    const last = JSON.parse(lines.at(-1) as string) as Record<string, number>;
    expect(Object.keys(last)).toEqual(['paragraphTop1', 'paragraphMrr', 'globalTop1', 'globalMrr10', 'questions']);
    expect(last.questions).toBe(2);
    expect(last.paragraphTop1).toBe(1);
  });

  it('ranks English questions over Arabic paragraphs through the English–Arabic lexicon', () => {
    const english = structuredClone(SQUAD);
    const paragraph = english.data[0]!.paragraphs[0]!;
    paragraph.qas = [
      { id: '1', question: 'Who controls half of the Helko neighbourhood?', answers: [{ text: 'الدفاع الوطني', answer_start: 40 }] },
      { id: '2', question: 'Who mediated the agreement reached by the Asayish?', answers: [{ text: 'روسية', answer_start: 99 }] },
      { id: '3', question: 'Where did the battles continue?', answers: [{ text: 'القامشلي', answer_start: 22 }] },
    ];
    const file = join(dir, 'english.json');
    writeFileSync(file, JSON.stringify(english));
    const lines = run([file]).trim().split('\n');
    const last = JSON.parse(lines.at(-1) as string) as Record<string, number>;
    expect(last.questions).toBe(3);
    expect(last.paragraphTop1).toBe(1);
    expect(last.globalTop1).toBe(1);
    // the Arabic-only reference cannot read an English question
    const reference = lines.find((line) => line.startsWith('| lunr + lunr-languages Arabic, queries'));
    expect(reference?.split('|')[2]?.trim()).not.toBe('1.000');
  });

  it('fails with a usage message without a file', () => {
    expect(() => run([])).toThrow(/usage/);
  });
});
