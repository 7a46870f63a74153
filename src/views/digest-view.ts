/**
 * The digest as a view (one message, at most 4096 characters) and as the `summary --json` object.
 * Shared by the scheduler, the bot's /summary, the console and the CLI.
 */
import type { Article } from '../corpus/article.ts';
import type { Digest, DigestPoint } from '../digest/digest.ts';
import {
  correctionIntro, DIGEST_FOOTER, digestHeading, newSinceHeading, NO_ARTICLES, NOTHING_NEW, STANDING_HEADING,
} from './digest-texts.ts';
import { fitsOneMessage, plainText } from './format.ts';
import { ENGLISH_LABEL } from './texts.ts';
import { citationLine, textView, type Block, type View } from './view.ts';

const paragraph = (text: string, bold = false): Block => ({ kind: 'paragraph', spans: [{ text, ...(bold ? { bold } : {}) }] });

function pointBlocks(point: DigestPoint, digest: Digest, articles: readonly Article[]): Block[] {
  const blocks: Block[] = [{ kind: 'quote', spans: [{ text: point.text }] }];
  if (digest.lang === 'en' && point.english) {
    blocks.push({ kind: 'paragraph', spans: [{ text: `${ENGLISH_LABEL.en} `, bold: true }, { text: point.english, italic: true }], tight: true });
  }
  blocks.push(citationLine({ ...point, articleId: point.citation.articleId, title: point.title }, digest.lang, articles));
  return blocks;
}

function blocksFor(digest: Digest, points: readonly DigestPoint[], articles: readonly Article[]): Block[] {
  const { lang } = digest;
  const blocks: Block[] = [paragraph(digestHeading(lang, digest.asOf), true)];
  const fresh = points.filter((p) => p.isNew);
  const standing = points.filter((p) => !p.isNew);
  if (digest.hasPrevious) {
    if (fresh.length > 0) {
      blocks.push(paragraph(newSinceHeading(lang, digest.newArticles), true));
      for (const p of fresh) blocks.push(...pointBlocks(p, digest, articles));
    } else {
      blocks.push(paragraph(NOTHING_NEW[lang]));
    }
  }
  for (const c of digest.contradictions) {
    blocks.push(paragraph(correctionIntro(lang, c.earlier.text.length > 120 ? `${c.earlier.text.slice(0, 120)} …` : c.earlier.text), true));
    blocks.push(...pointBlocks(c.later, digest, articles));
  }
  if (standing.length > 0) {
    if (fresh.length > 0) blocks.push(paragraph(STANDING_HEADING[lang], true));
    for (const p of standing) blocks.push(...pointBlocks(p, digest, articles));
  }
  blocks.push({ kind: 'paragraph', spans: [{ text: DIGEST_FOOTER[lang], italic: true }] });
  return blocks;
}

/**
 * The digest in one message: standing points are dropped from the end (never below three points)
 * until it fits; the points a fitted digest shows are returned with it.
 */
export function digestView(digest: Digest, articles: readonly Article[], minPoints = 3): { view: View; points: DigestPoint[] } {
  if (digest.points.length === 0) return { view: textView(digest.lang, NO_ARTICLES[digest.lang]), points: [] };
  let points = [...digest.points];
  let blocks = blocksFor(digest, points, articles);
  while (!fitsOneMessage(blocks) && points.length > minPoints) {
    const lastStanding = points.map((p) => p.isNew).lastIndexOf(false);
    points.splice(lastStanding >= 0 ? lastStanding : points.length - 1, 1);
    blocks = blocksFor(digest, points, articles);
  }
  if (!fitsOneMessage(blocks)) {
    // Only with absurdly long titles: shorten the quotes rather than split the digest.
    points = points.map((p) => ({ ...p, text: p.text.length > 160 ? `${p.text.slice(0, 160)} …` : p.text }));
    blocks = blocksFor(digest, points, articles);
  }
  return { view: { lang: digest.lang, blocks, buttons: [] }, points };
}

export interface DigestJson {
  asOf: string | null;
  text: string;
  points: { text: string; citation: { articleId: string; sentenceId: string; text: string } }[];
}

/** The stable `summary --json` shape. A point's text is in the digest's language when the corpus has it. */
export function digestJson(digest: Digest, articles: readonly Article[]): DigestJson {
  const { view, points } = digestView(digest, articles);
  return {
    asOf: digest.asOf,
    text: plainText(view.blocks),
    points: points.map((p) => ({
      text: digest.lang === 'en' && p.english ? p.english : p.text,
      citation: { articleId: p.citation.articleId, sentenceId: p.citation.sentenceId, text: p.citation.text },
    })),
  };
}
