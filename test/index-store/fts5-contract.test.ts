import { Fts5SentenceIndex } from '../../src/index-store/fts5-index.ts';
import { sentenceIndexContract } from '../search/contract.ts';

sentenceIndexContract('SQLite FTS5', (docs) => Fts5SentenceIndex.build(docs));
