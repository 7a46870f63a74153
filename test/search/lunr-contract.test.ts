import { SentenceIndex } from '../../src/search/sentence-index.ts';
import { sentenceIndexContract } from './contract.ts';

sentenceIndexContract('lunr', (docs) => SentenceIndex.build(docs));
