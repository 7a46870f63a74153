/**
 * Stopword lists, stored already normalised (see normalizeArabic) so lookups need no further work.
 * Arabic covers MSA function words, question words and common Levantine function words; the
 * question words are dropped for retrieval only — question typing happens elsewhere. English is
 * lunr's list plus question fillers (many, much, tell, please), the prepositions and determiners it lacks
 * (during, without, those: Arabic's خلال، دون، تلك are stopwords too) and the transliterated article al-/el-.
 */
import { normalizeArabic } from './arabic.ts';

const ARABIC_STOPWORDS_RAW = `
ال في فى من إلى الى على عن مع عند لدى لدي حتى منذ مذ خلال بين ضد نحو حول دون بدون عبر لـ ل ب ك و ف ثم أو او أم ام بل لكن لكنه لكنها
إن ان أن إنه انه أنه إنها انها أنها أنهم انهم كأن كان كانت كانوا يكون تكون يكن تكن كنت كانا صار أصبح اصبح أصبحت اصبحت يصبح تصبح أصبحوا اصبحوا ليس ليست ليسوا
قد لقد لم لن لا ما ماذا لماذا مما ممن عما فيما بما لما إذا اذا إذ اذ لو لولا كي لكي حيث حين عندما بينما كما كذلك أيضا ايضا
هذا هذه هذي هذان هذين هاتان هاتين ذلك ذاك تلك تلكم أولئك هؤلاء هنا هناك هنالك الذي التي الذين اللذان اللتان اللواتي اللاتي اللائي
هو هي هم هن هما أنا انا نحن أنت انت أنتم انتم أنتن له لها لهم لهما لنا لي لك لكم به بها بهم فيه فيها فيهم منه منها منهم عنه عنها عنهم
عليه عليها عليهم إليه اليه إليها اليها إليهم اليهم معه معها معهم
كل بعض أي اي أية اية غير سوى مثل نفس ذات ذو ذي
ماهي ماهو ماهى ماهم ماذا مادا لمادا بمادا ماالذي ما الذي مند هل لمن ولمن أين اين متى كيف كم أيان ايان وين مين شو شنو ليش ليه إيش ايش وقتيش قديش كيفاش فين امتى إمتى
عم هلق هلأ هلا لسا لسه هيك هاي هاد هادا هادي هدول هدا هيدا هيدي هول هاض اللي يلي إللي الي شي شيء مش مو مب بدي بدك بده بدها بدنا بدكن بدكم بدهن بدهم هنن هني إنتو انتو احنا نحنا
تم يتم تمت يمكن يمكنه ممكن كتير كثير جدا فقط يعني يا ياه ايه آه اه بس
`;

const ENGLISH_STOPWORDS_RAW = `
a able about across after all almost also am among an and any are as at be because been but by can cannot could dear did do does
either else ever every for from get got had has have he her hers him his how however i if in into is it its just least let like
likely may me might most must my neither no nor not of off often on only or other our own rather said say says she should since so
some than that the their them then there these they this tis to too twas us wants was we were what when where which while who whom
why will with would yet you your yours
many much does done doing tell know please about al el
whose those during without versus upon until till via per onto whether although though unless despite throughout each such
between besides instead regarding concerning
`;

function toSet(raw: string, normalise: (word: string) => string): ReadonlySet<string> {
  return new Set(raw.split(/\s+/).filter((w) => w.length > 0).map(normalise));
}

let arabic: ReadonlySet<string> | undefined;
let english: ReadonlySet<string> | undefined;

/** True when a normalised Arabic token is a function word. */
export function isArabicStopword(normalisedToken: string): boolean {
  arabic ??= toSet(ARABIC_STOPWORDS_RAW, normalizeArabic);
  return arabic.has(normalisedToken);
}

/** True when a lowercased English token is a function word. */
export function isEnglishStopword(lowercasedToken: string): boolean {
  english ??= toSet(ENGLISH_STOPWORDS_RAW, (w) => w.toLowerCase());
  return english.has(lowercasedToken);
}
