/** Why an ingest was refused. Every refusal leaves the corpus exactly as it was. */
export type IngestErrorCode =
  | 'bad-input'        // not a file, URL or option we can use
  | 'unreachable'      // DNS failure, connection refused or reset
  | 'timeout'
  | 'too-many-redirects'
  | 'http'             // a non-2xx answer
  | 'too-large'        // over the size cap
  | 'wrong-type'       // not HTML (a page) or not XML (a feed)
  | 'no-text'          // no article text could be extracted
  | 'language'         // neither Arabic nor English
  | 'malformed-feed'
  | 'bad-date'         // missing or unparseable publication date
  | 'future-date';

export class IngestError extends Error {
  constructor(readonly code: IngestErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'IngestError';
  }
}
