/**
 * knowledge/gazetteer.json: the region's actors and places in the entity lexicon's shape. These tests build a
 * lexicon from it with the production compiler and check that every name finds its own entry and nothing else,
 * that the extra fields agree with knowledge/gazetteer.schema.json, and that common words stay unmatched.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isEnglishStopword } from '../../src/text/stopwords.ts';
import { createEntityLexicon, type Entity, type EntityLexiconData } from '../../src/nlu/entities.ts';

interface GazetteerEntry extends Entity {
  type?: string;
  region?: string;
  related?: { id: string; relation: string }[];
}
interface SchemaProperty { enum?: string[] }
interface Schema {
  properties: Record<string, unknown>;
  $defs: { entity: { required: string[]; properties: Record<string, SchemaProperty & { items?: { properties?: Record<string, SchemaProperty> } }> } };
}

const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as T;
const data = read<EntityLexiconData & { entities: GazetteerEntry[] }>('../../knowledge/gazetteer.json');
const schema = read<Schema>('../../knowledge/gazetteer.schema.json');
const seed = read<EntityLexiconData>('../../intents/entities.json');
const lexicon = createEntityLexicon(data);
const ids = (text: string): string[] => lexicon.match(text).map((m) => m.id);

describe('gazetteer data', () => {
  it('compiles with createEntityLexicon and is large enough to cover the region', () => {
    expect(lexicon.entities.length).toBeGreaterThanOrEqual(150);
  });

  it('keeps every seed entry: same id, kind, variants, aliases and guards', () => {
    for (const s of seed.entities) {
      const g = lexicon.byId.get(s.id);
      expect(g, s.id).toBeDefined();
      expect(g?.kind, s.id).toBe(s.kind);
      // Seed names stay; the one move is محافظة الحسكة from the city to the governorate entry.
      const moved = new Set(['محافظة الحسكة']);
      expect(g?.variants, s.id).toEqual(expect.arrayContaining(s.variants.filter((v) => !moved.has(v))));
      expect(g?.aliases, s.id).toEqual(expect.arrayContaining(s.aliases));
      expect(g?.guards ?? [], s.id).toEqual(s.guards ?? []);
    }
  });

  it('has unique ids and only known parents and related ids, without cycles', () => {
    const all = data.entities.map((e) => e.id);
    expect(new Set(all).size).toBe(all.length);
    const known = new Set(all);
    for (const e of data.entities) {
      for (const r of e.related ?? []) expect(known.has(r.id), `${e.id} -> ${r.id}`).toBe(true);
      const seen = new Set([e.id]);
      for (let p = e.parent; p !== undefined; p = lexicon.byId.get(p)?.parent) {
        expect(seen.has(p), `parent cycle at ${e.id}`).toBe(false);
        seen.add(p);
      }
    }
  });

  it('agrees with its schema: required fields, no unknown fields, enum values', () => {
    const entity = schema.$defs.entity;
    const allowed = new Set(Object.keys(entity.properties));
    const enums = (key: string) => new Set(entity.properties[key]?.enum ?? []);
    const relations = new Set(entity.properties.related?.items?.properties?.relation?.enum ?? []);
    for (const key of Object.keys(data)) expect(Object.keys(schema.properties), key).toContain(key);
    for (const e of data.entities) {
      for (const key of entity.required) expect(e, `${e.id}.${key}`).toHaveProperty(key);
      for (const key of Object.keys(e)) expect(allowed.has(key), `${e.id}.${key}`).toBe(true);
      expect(enums('kind').has(e.kind), e.id).toBe(true);
      if (e.type !== undefined) expect(enums('type').has(e.type), `${e.id}.type ${e.type}`).toBe(true);
      if (e.region !== undefined) expect(enums('region').has(e.region), `${e.id}.region`).toBe(true);
      for (const r of e.related ?? []) expect(relations.has(r.relation), `${e.id} ${r.relation}`).toBe(true);
      expect(e.nameAr.length * e.nameEn.length * e.variants.length * e.aliases.length, e.id).toBeGreaterThan(0);
    }
  });
});

describe('every name finds its own entry and nothing else', () => {
  for (const e of data.entities) {
    it(e.id, () => {
      for (const v of e.variants) {
        const found = lexicon.match(v);
        expect(found.map((m) => m.id), v).toEqual([e.id]);
        expect(found[0]?.surface, v).toBe(v);
      }
      for (const a of e.aliases) {
        expect(ids(a), a).toEqual([e.id]);
        // An acronym that spells a function word (WHO) is the name only in capitals.
        if (a === a.toUpperCase() && isEnglishStopword(a.toLowerCase())) expect(ids(`what about ${a.toLowerCase()}?`), a).toEqual([]);
        else expect(ids(`what about ${a.toLowerCase()}?`), a).toEqual([e.id]);
      }
    });
  }
});

describe('matching the region in questions and news', () => {
  it('finds neighbourhoods with their city, through clitics', () => {
    expect(ids('في حي غويران بالحسكة')).toEqual(['ghwayran', 'hasakah']);
    expect(ids('انقطاع المياه عن أحياء النشوة والعزيزية وتل حجر')).toEqual(['nashwa', 'aziziyah', 'tal_hajar']);
    expect(ids('قصف على قدوربك وعلايا')).toEqual(['qudour_bek', 'allaya']);
    expect(ids('شو صاير بالهلالية؟')).toEqual(['hilaliyah']);
  });

  it('reads English transliterations', () => {
    expect(ids('Hassakeh')).toEqual(['hasakah']);
    expect(ids('water cuts in al-Hasakah and Qamishlo')).toEqual(['hasakah', 'qamishli']);
    expect(ids('Serekaniye, Tell Tamer, Derek and Tirbespi')).toEqual(['ras_al_ain', 'tal_tamr', 'derik', 'qahtaniyah']);
    expect(ids('Rumeilan, Shaddadi, Tel Abyad, Ein Issa, Raka, Tabka, Deir Ezzor')).toEqual([
      'rmelan', 'shaddadi', 'tal_abyad', 'ain_issa', 'raqqa', 'tabqa', 'deir_ezzor',
    ]);
    expect(ids('Amouda and Derbassiyeh')).toEqual(['amuda', 'derbasiyah']);
  });

  it('prefers the longer name: the camp is not the town, the tribe is not the neighbourhood', () => {
    expect(ids('مخيم الهول')).toEqual(['hol_camp']);
    expect(ids('بلدة الهول')).toEqual(['hol']);
    expect(ids('عشيرة طي')).toEqual(['tayy_tribe']);
    expect(ids('حي طي')).toEqual(['tayy']);
    expect(ids('سد الطبقة')).toEqual(['euphrates_dam']);
    expect(ids('معبر اليعربية')).toEqual(['yarubiyah_crossing']);
    expect(ids('الميليشيات الإيرانية')).toEqual(['iran_militias']);
    expect(ids('المسيرات التركية قصفت القامشلي')).toEqual(['turkish_army', 'qamishli']);
  });

  it('names the actors of the region', () => {
    expect(ids('اعتقلت الأسايش عناصر من خلايا داعش في الرقة')).toEqual(['asayish', 'isis', 'raqqa']);
    expect(ids('اجتماع بين الإدارة الذاتية والمجلس الوطني الكردي')).toEqual(['autonomous_administration', 'enks']);
    expect(ids('قال المرصد السوري لحقوق الإنسان إن قوات العشائر هاجمت ذيبان')).toEqual(['sohr', 'tribal_forces', 'diban']);
    expect(ids('UNICEF and the World Health Organization in al-Hol camp')).toEqual(['unicef', 'who_org', 'hol_camp']);
    expect(ids('معارك عند سد تشرين وجسر قره قوزاق بين قسد والجيش الحر')).toEqual(['tishreen_dam', 'qara_qozak', 'sdf', 'sna']);
    expect(ids('اتفاق بين الرئيس الشرع ومظلوم عبدي')).toEqual(['transitional_government', 'mazloum_abdi']);
    expect(ids('Turkish drones struck near Kobane and Ain Issa')).toEqual(['turkish_army', 'kobani', 'ain_issa']);
    expect(ids('فرق الدفاع المدني انتشلت الجثث في المشلب')).toEqual(['civil_defence', 'mashlab']);
  });

  it('does not take common words for names', () => {
    const common = [
      'الطبقة الوسطى تعاني من الغلاء',
      'من هول الصدمة',
      'سيارة هجين',
      'الحرب الهجينة',
      'العدوان على المدنيين',
      'قناة الميادين',
      'الهيئة العامة للمياه',
      'عيد نوروز',
      'في شهر تشرين الأول',
      'الجمعيات الخيرية توزع الخبز',
      'المفتي العام',
      'المنطقة الوسطى',
      'شمر عن ساعديه',
      'بكل رقة',
      'حسب أحكام الشرع الإسلامي',
      'قضاء المالكية في القاهرة',
      'البعثة الدبلوماسية',
      'الأدوية المسكنة للألم',
      'قالت الهيئة العامة للمياه',
      'صادرت الشرطة كمية من الكبتاغون',
      'who is responsible for the water cuts?',
      'is the road to us open?',
      'The weather is nice today, let us go to the park.',
    ];
    for (const s of common) expect(ids(s), s).toEqual([]);
  });

  it('matches the seed article as the seed lexicon does', () => {
    const seedLexicon = createEntityLexicon(seed);
    const article = readFileSync(new URL('../fixtures/corpus/qamishli-2021-04-25.ar.txt', import.meta.url), 'utf8');
    for (const line of article.split('\n').filter((l) => l.trim().length > 0)) {
      expect(ids(line), line).toEqual(seedLexicon.match(line).map((m) => m.id));
    }
  });
});
