/** The engine's own short texts, in both languages. Adapters add formatting, never wording. */
import type { Language } from '../corpus/article.ts';
import type { InvalidReason } from './question.ts';
import { MAX_QUESTION_LENGTH } from './question.ts';
import type { IntentName } from './types.ts';

type Bilingual = Record<Language, string>;

const ANSWER_LEADS: Partial<Record<IntentName, Bilingual>> = {
  control: { ar: 'عن السيطرة، هذا ما ورد في المقالات:', en: 'On who controls what, the articles say:' },
  fighting: { ar: 'عن المعارك، هذا ما ورد في المقالات:', en: 'On the fighting, the articles say:' },
  displacement: { ar: 'عن النزوح، هذا ما ورد في المقالات:', en: 'On displacement, the articles say:' },
  ceasefire: { ar: 'عن وقف إطلاق النار والوساطة، هذا ما ورد في المقالات:', en: 'On the ceasefire and mediation, the articles say:' },
  reinforcements: { ar: 'عن التعزيزات والانتشار، هذا ما ورد في المقالات:', en: 'On reinforcements and deployments, the articles say:' },
  incidents: { ar: 'عن الحوادث والاتهامات، هذا ما ورد في المقالات:', en: 'On the incidents and accusations, the articles say:' },
  casualties: { ar: 'عن الضحايا، هذا ما ورد في المقالات:', en: 'On casualties, the articles say:' },
  background: { ar: 'عن خلفية الاشتباكات، هذا ما ورد في المقالات:', en: 'On the background of the clashes, the articles say:' },
  actor: { ar: 'عن هذه الجهة، هذا ما ورد في المقالات:', en: 'On this party, the articles say:' },
  russia: { ar: 'عن دور روسيا، هذا ما ورد في المقالات:', en: "On Russia's role, the articles say:" },
  services: { ar: 'عن المياه والكهرباء والوقود، هذا ما ورد في المقالات:', en: 'On water, electricity and fuel, the articles say:' },
  prices: { ar: 'عن الأسعار والمعيشة، هذا ما ورد في المقالات:', en: 'On prices and livelihoods, the articles say:' },
  aid: { ar: 'عن المساعدات والمخيمات والوضع الإنساني، هذا ما ورد في المقالات:', en: 'On aid, camps and the humanitarian situation, the articles say:' },
  health: { ar: 'عن الصحة والأوبئة والمشافي، هذا ما ورد في المقالات:', en: 'On health, epidemics and hospitals, the articles say:' },
  detention: { ar: 'عن الاعتقالات والمداهمات والمعتقلين، هذا ما ورد في المقالات:', en: 'On arrests, raids and detainees, the articles say:' },
  protests: { ar: 'عن المظاهرات والاعتصامات والإضرابات، هذا ما ورد في المقالات:', en: 'On protests, sit-ins and strikes, the articles say:' },
  summary: { ar: 'أهم ما ورد في المقالات:', en: 'The main points of the articles:' },
  timeline: { ar: 'من تسلسل الأحداث في المقالات (الأمر /timeline يعرضه كاملاً):', en: 'From the sequence of events in the articles (/timeline shows all of it):' },
};
const DEFAULT_LEAD: Bilingual = { ar: 'هذا ما ورد في المقالات:', en: 'Here is what the articles say:' };

/** Least classifier confidence for a lead that names the topic; below it the lead stays neutral. */
export const TOPICAL_LEAD_MIN_CONFIDENCE = 0.75;

/**
 * The short line above the quoted sentences. It names the topic only when the classifier is sure
 * (confidence omitted: taken as sure): a wrong topic ("on displacement" over residents' demands)
 * misleads more than a neutral line.
 */
export function answerLead(intent: IntentName, lang: Language, confidence = 1): string {
  const lead = confidence >= TOPICAL_LEAD_MIN_CONFIDENCE ? ANSWER_LEADS[intent] : undefined;
  return (lead ?? DEFAULT_LEAD)[lang];
}

const ABSTAIN: Bilingual = {
  ar: 'لا تذكر المقالات المتوفرة لديّ ذلك، ولن أخمّن. جرّب سؤالاً عن الأحداث أو السيطرة أو النزوح أو الخدمات والأسعار في القامشلي وشمال شرق سوريا، أو اطلب /summary.',
  en: "The articles I have don't say, and I won't guess. Try asking about events, control, displacement, services or prices in Qamishli and north-east Syria, or send /summary.",
};

export function abstainLead(lang: Language): string {
  return ABSTAIN[lang];
}

const INVALID: Record<InvalidReason, Bilingual> = {
  empty: {
    ar: 'أرسل سؤالك نصاً، مثلاً: من يسيطر على المطار؟',
    en: 'Send me your question as text, for example: who controls the airport?',
  },
  too_long: {
    ar: `السؤال طويل جداً. اكتبه في أقل من ${MAX_QUESTION_LENGTH} حرف، مثلاً: من يسيطر على المطار؟`,
    en: `That is too long for a question. Please keep it under ${MAX_QUESTION_LENGTH} characters, for example: who controls the airport?`,
  },
  no_words: {
    ar: 'لا أفهم إلا الأسئلة المكتوبة بالكلمات، مثلاً: ماذا يحدث في القامشلي؟',
    en: 'I can only answer questions written in words, for example: what is happening in Qamishli?',
  },
};

export function invalidLead(reason: InvalidReason, lang: Language): string {
  return INVALID[reason][lang];
}

const SMALLTALK: Partial<Record<IntentName, Bilingual>> = {
  greeting: {
    ar: 'أهلاً بك! اسألني عن الوضع في القامشلي، وسأجيبك بما ورد في المقالات مع ذكر المصدر والتاريخ.',
    en: 'Hello! Ask me about the situation in Qamishli and I will answer with what the articles say, citing source and date.',
  },
  thanks: { ar: 'على الرحب والسعة! اسألني متى شئت.', en: "You're welcome! Ask me any time." },
  help: {
    ar: 'اكتب سؤالك عن القامشلي بالعربية أو الإنجليزية، مثل: من يسيطر على المطار؟ ماذا حدث في 23 نيسان؟ أجيب باقتباس الجمل من المقالات مع مصدرها وتاريخها، وأقول بصراحة عندما لا تذكر المقالات شيئاً. الأوامر: /summary ملخص، /timeline تسلسل الأحداث، /sources المصادر.',
    en: 'Ask about Qamishli in Arabic or English, e.g. who controls the airport? what happened on 23 April? I quote the sentences of the articles with their source and date, and say so plainly when the articles do not say. Commands: /summary, /timeline, /sources.',
  },
};

export function smalltalkLead(intent: 'greeting' | 'thanks' | 'help', lang: Language): string {
  return (SMALLTALK[intent] ?? SMALLTALK.help ?? DEFAULT_LEAD)[lang];
}
