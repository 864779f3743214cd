import { Readable, pipeline } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { InvalidError } from '../../domain/errors.ts';

/** One record of a CSV file: its fields, or why it could not be read; `row` is its line in the file. */
export type CsvRecord = { row: number; fields: string[] } | { row: number; error: string };

/** A record longer than this is not a subscriber: it is refused rather than held in memory. */
const maxRecordBytes = 1_048_576;

/**
 * The records of a CSV file as it streams in, UTF-8 (a byte-order mark is skipped). Bytes that are
 * not UTF-8 and text garbled by a double conversion make their record an error, not the import's:
 * the other rows still go in. A UTF-16 file is refused as a whole.
 */
export async function* csvRecords(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<CsvRecord> {
  const skipped: CsvRecord[] = [];
  const parser = parse({
    info: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    skip_records_with_error: true,
    max_record_size: maxRecordBytes,
    on_skip: (error: CsvError | undefined) => {
      skipped.push({ row: parser.info.lines, error: unreadable(error) });
      return undefined;
    },
  });
  pipeline(Readable.from(decodeUtf8(source)), parser, () => {
    // A failure reaches the loop below through the parser, which pipeline destroys with it.
  });
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield* skipped.splice(0);
    const broken = record.find((field) => field.includes('\uFFFD'));
    const garbled = record.find((field) => doubleEncoded.test(field));
    if (broken !== undefined) yield { row: info.lines, error: 'holds bytes that are not UTF-8 (save the file as "CSV UTF-8")' };
    else if (garbled !== undefined) yield { row: info.lines, error: `looks garbled ("${garbled.match(doubleEncoded)![0]}"): the file was converted twice; save it again as "CSV UTF-8"` };
    else yield { row: info.lines, fields: record };
  }
  yield* skipped.splice(0);
}

// UTF-8 read as Latin-1 or Windows-1252: "Ã©" for "é", "â€™" for "’".
const doubleEncoded = /[ÂÃ][\u0080-\u00BF]|â€/u;

async function* decodeUtf8(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let first = true;
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      yield first ? chunk.replace(/^\uFEFF/, '') : chunk;
      first = false;
      continue;
    }
    if (first && chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
      throw new InvalidError('The file is UTF-16: save it as "CSV UTF-8" and import it again.', [], 'csv-encoding');
    }
    first = false;
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

function unreadable(error: CsvError | undefined): string {
  switch (error?.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'the file ends inside a quoted field: a quote (") opened on this row or before it is never closed, so the rows after it could not be read';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'has a quote (") in the middle of a field: quote the whole field and double the quotes inside it ("")';
    case 'CSV_MAX_RECORD_SIZE':
      return `is longer than ${maxRecordBytes / 1_048_576} MB: the rows after it could not be read`;
    default:
      return `could not be read as CSV (${error?.message ?? 'unknown error'})`;
  }
}
