/** A chat's digest: its language, compared with the last digest it was sent. */
import type { Article, Language } from '../corpus/article.ts';
import { buildDigest, type Digest, type DigestPoint } from '../digest/digest.ts';
import { defaultDigestKnowledge } from '../digest/topics.ts';
import type { Store } from '../store/store.ts';
import { digestView } from '../views/digest-view.ts';
import type { View } from '../views/view.ts';

export interface ChatDigest {
  digest: Digest;
  view: View;
  /** The points the view shows (what the next digest compares against). */
  points: DigestPoint[];
}

/** Arabic unless the chat chose otherwise with /lang. */
export function chatLanguage(store: Store, chatId: number): Language {
  return store.settings.get(chatId).language ?? 'ar';
}

/**
 * `cache` (one per scheduler check) shares the work between chats in the same position: every chat
 * with the same language, arrivals and previous points gets the same digest.
 */
export function chatDigest(store: Store, articles: readonly Article[], chatId: number, cache?: Map<string, ChatDigest>): ChatDigest {
  const last = store.deliveries.lastSent(chatId);
  const previous = last === null || last.sentAt === null ? null : { arrived: store.arrivals.arrivedAfter(last.sentAt), points: last.points };
  const key = JSON.stringify([chatLanguage(store, chatId), previous && [...previous.arrived], previous?.points.map((p) => p.sentenceId)]);
  const known = cache?.get(key);
  if (known !== undefined) return known;
  const result = compose(articles, chatLanguage(store, chatId), previous);
  cache?.set(key, result);
  return result;
}

function compose(articles: readonly Article[], lang: Language, previous: { arrived: ReadonlySet<string>; points: readonly { sentenceId: string; text: string }[] } | null): ChatDigest {
  const digest = buildDigest({ articles, knowledge: defaultDigestKnowledge(), lang, previous });
  const { view, points } = digestView(digest, articles);
  return { digest, view, points };
}
