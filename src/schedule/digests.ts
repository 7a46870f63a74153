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

export function chatDigest(store: Store, articles: readonly Article[], chatId: number): ChatDigest {
  const last = store.deliveries.lastSent(chatId);
  const previous = last === null || last.sentAt === null ? null : { arrived: store.arrivals.arrivedAfter(last.sentAt), points: last.points };
  const digest = buildDigest({ articles, knowledge: defaultDigestKnowledge(), lang: chatLanguage(store, chatId), previous });
  const { view, points } = digestView(digest, articles);
  return { digest, view, points };
}
