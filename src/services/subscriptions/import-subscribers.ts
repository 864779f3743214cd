import type { Language, Row, SubscriberChannel } from '../../adapters/db/schema.ts';
import { newWebhookSecret } from '../../adapters/webhook/webhook.ts';
import { InvalidError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { normalizeAddress } from './address.ts';
import { csvRecords } from './csv-records.ts';
import { fetchPage, newManageToken } from './internal.ts';
import { suppressionsOf } from './suppressed.ts';
import { normalizeSegment } from '../../domain/compensation/eligibility.ts';

export interface ImportProgress {
  /** Data rows read so far (the header not counted). */
  rows: number;
  imported: number;
  /** Rows whose address the page already had, in any state: left as they are. */
  existing: number;
  rejected: number;
}

export interface ImportReport extends ImportProgress {
  /** Why rows were rejected, by line of the file; the first `maxReportedErrors`. */
  errors: Array<{ row: number; reason: string }>;
}

/** Rows read, then written in one transaction, between two progress reports. (Default: 1000) */
export const importBatchRows = 1_000;
export const maxReportedErrors = 1_000;

const addressColumns: Record<string, SubscriberChannel> = { email: 'email', phone: 'sms', webhook_url: 'webhook' };

interface Candidate {
  row: number;
  channel: SubscriberChannel;
  address: string;
  language: Language;
  componentIds: string[];
  segments: string[];
}

interface Columns {
  address: Array<{ index: number; channel: SubscriberChannel }>;
  language?: number;
  components?: number;
  segments?: number;
  state?: number;
}

/**
 * Imports a page's subscribers from CSV as it streams in: a column `email`, `phone` or `webhook_url`
 * (one address per row), optional `language` (fr, en), `components` (names or ids separated by
 * ";" or "|") and `segments` (customer segments, separated the same way), other columns ignored. Rows are checked one by one; a rejected row is reported with
 * its line and reason and the others go in, active: the importer vouches for their consent.
 * Addresses the page already has are counted as existing and left untouched (an unsubscribed
 * person stays unsubscribed). Each batch commits on its own, then `onProgress` hears of it.
 */
export async function importSubscribers({ ctx, pageId, source, onProgress }: { ctx: Ctx; pageId: string; source: AsyncIterable<Uint8Array | string>; onProgress?: (progress: ImportProgress) => void }): Promise<ImportReport> {
  const run = await openSubscriberImport({ ctx, pageId });
  return run(source, onProgress);
}

export type SubscriberImport = (source: AsyncIterable<Uint8Array | string>, onProgress?: (progress: ImportProgress) => void) => Promise<ImportReport>;

/** Checks the caller and the page before a byte of the file is read (an API answer's status depends on it), then imports. */
export async function openSubscriberImport({ ctx, pageId }: { ctx: Ctx; pageId: string }): Promise<SubscriberImport> {
  authorize(ctx, 'subscribers.manage');
  const page = await fetchPage(ctx.tx ?? ctx.db.db, ctx, pageId);
  const resolveComponent = await componentResolver(ctx);
  return (source, onProgress) => runImport(ctx, page, resolveComponent, source, onProgress);
}

async function runImport(ctx: Ctx, page: Row<'status_pages'>, resolveComponent: (name: string) => string | undefined, source: AsyncIterable<Uint8Array | string>, onProgress?: (progress: ImportProgress) => void): Promise<ImportReport> {
  const report: ImportReport = { rows: 0, imported: 0, existing: 0, rejected: 0, errors: [] };
  const reject = (row: number, reason: string) => {
    report.rejected++;
    if (report.errors.length < maxReportedErrors) report.errors.push({ row, reason });
  };
  const seen = new Map<string, number>();
  let columns: Columns | undefined;
  let batch: Candidate[] = [];
  let rowsInBatch = 0;
  const flush = async () => {
    const counts = await insertBatch(ctx, page, batch, reject);
    report.imported += counts.imported;
    report.existing += counts.existing;
    batch = [];
    rowsInBatch = 0;
    onProgress?.({ rows: report.rows, imported: report.imported, existing: report.existing, rejected: report.rejected });
  };

  for await (const record of csvRecords(source)) {
    if (!columns) {
      if ('error' in record) throw new InvalidError(`The first row of the file ${record.error}.`, [], 'csv-header');
      columns = headerColumns(record.fields);
      continue;
    }
    report.rows++;
    rowsInBatch++;
    const candidate = 'error' in record ? record.error : readRow(record.fields, columns, page.language, resolveComponent);
    if (typeof candidate === 'string') reject(record.row, candidate);
    else {
      const key = `${candidate.channel}\u0000${candidate.address}`;
      const first = seen.get(key);
      if (first !== undefined) reject(record.row, `${candidate.address} is already on row ${first} of the file`);
      else {
        seen.set(key, record.row);
        batch.push({ ...candidate, row: record.row });
      }
    }
    if (rowsInBatch >= importBatchRows) await flush();
  }
  if (!columns) throw new InvalidError('The file is empty: its first row must name the columns (email, phone or webhook_url; language; components).', [], 'csv-header');
  if (rowsInBatch > 0) await flush();
  return report;
}

function headerColumns(header: string[]): Columns {
  const names = header.map((name) => name.trim().toLowerCase().replace(/[\s-]+/g, '_'));
  const columns: Columns = { address: [] };
  names.forEach((name, index) => {
    const channel = addressColumns[name];
    if (channel) columns.address.push({ index, channel });
    else if (name === 'language') columns.language = index;
    else if (name === 'components') columns.components = index;
    else if (name === 'segments') columns.segments = index;
    else if (name === 'state') columns.state = index;
  });
  if (columns.address.length === 0) {
    throw new InvalidError(
      `The first row must name the columns: email, phone or webhook_url (and optionally language, components); it reads ${header.map((name) => JSON.stringify(name)).join(', ')}.`,
      [],
      'csv-header',
    );
  }
  return columns;
}

/** A row's subscriber, or why it cannot be one. */
function readRow(fields: string[], columns: Columns, pageLanguage: Language, resolveComponent: (name: string) => string | undefined): Omit<Candidate, 'row'> | string {
  const cell = (index: number | undefined) => (index === undefined ? '' : (fields[index] ?? '').trim());
  const given = columns.address.filter(({ index }) => cell(index) !== '');
  if (given.length === 0) return 'has no address (email, phone or webhook_url)';
  if (given.length > 1) return 'has more than one address: one per row';
  const state = cell(columns.state).toLowerCase();
  if (state !== '' && state !== 'active') return `is "${state}", not active: only active subscribers are imported`;
  const language = readLanguage(cell(columns.language), pageLanguage);
  if (!language) return `has the language "${cell(columns.language)}": use fr or en`;
  const { index, channel } = given[0]!;
  const normalized = normalizeAddress(channel, cell(index), pageLanguage);
  if (!normalized.ok) return normalized.reason;
  const componentIds: string[] = [];
  for (const name of cell(columns.components).split(/[;|]/).map((part) => part.trim()).filter(Boolean)) {
    const id = resolveComponent(name);
    if (!id) return `names the component "${name}", which this workspace does not have`;
    if (!componentIds.includes(id)) componentIds.push(id);
  }
  const segments: string[] = [];
  for (const name of cell(columns.segments).split(/[;|]/).map((part) => part.trim()).filter(Boolean)) {
    const segment = normalizeSegment(name);
    if (!segment.ok) return `names the segment "${name}": a segment is up to 40 letters, digits, - or _`;
    if (!segments.includes(segment.segment)) segments.push(segment.segment);
  }
  return { channel, address: normalized.address, language, componentIds, segments };
}

function readLanguage(text: string, pageLanguage: Language): Language | undefined {
  if (text === '') return pageLanguage;
  const match = /^(fr|en)(?:[-_][a-z]{2})?$/i.exec(text);
  return match ? (match[1]!.toLowerCase() as Language) : undefined;
}

/** Components by id or by name (any case); a name two components share resolves to neither. */
async function componentResolver(ctx: Ctx): Promise<(name: string) => string | undefined> {
  const rows = await (ctx.tx ?? ctx.db.db).selectFrom('components').select(['id', 'name']).where('workspace_id', '=', ctx.workspaceId).execute();
  const ids = new Set(rows.map((row) => row.id));
  const byName = new Map<string, string | null>();
  for (const row of rows) {
    const key = row.name.trim().toLowerCase();
    byName.set(key, byName.has(key) ? null : row.id);
  }
  return (name) => (ids.has(name) ? name : (byName.get(name.toLowerCase()) ?? undefined));
}

/** Writes one batch in its own transaction; suppressed addresses are rejected, known ones counted. */
async function insertBatch(ctx: Ctx, page: Row<'status_pages'>, batch: Candidate[], reject: (row: number, reason: string) => void): Promise<{ imported: number; existing: number }> {
  if (batch.length === 0) return { imported: 0, existing: 0 };
  return withTransaction(ctx, async (tx) => {
    const suppressed = await suppressionsOf(tx, ctx.workspaceId, batch);
    const wanted = batch.filter((candidate) => {
      const reason = suppressed.get(`${candidate.channel}:${candidate.address}`);
      if (reason) reject(candidate.row, `${candidate.address} is suppressed (${reason}): remove the suppression first`);
      return !reason;
    });
    if (wanted.length === 0) return { imported: 0, existing: 0 };
    const now = ctx.now();
    const inserted = await tx
      .insertInto('subscribers')
      .values(
        wanted.map((candidate) => ({
          workspace_id: ctx.workspaceId,
          id: newId(),
          page_id: page.id,
          channel: candidate.channel,
          address: candidate.address,
          language: candidate.language,
          all_components: candidate.componentIds.length === 0,
          state: 'active' as const,
          manage_token: newManageToken(ctx.workspaceId),
          webhook_secret: candidate.channel === 'webhook' ? newWebhookSecret() : null,
          source: 'import' as const,
          created_at: now,
          confirmed_at: now,
          updated_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['workspace_id', 'page_id', 'channel', 'address']).doNothing())
      .returning(['id', 'channel', 'address'])
      .execute();
    const byAddress = new Map(wanted.map((candidate) => [`${candidate.channel}:${candidate.address}`, candidate]));
    const links = inserted.flatMap((row) => byAddress.get(`${row.channel}:${row.address}`)!.componentIds.map((component_id) => ({ workspace_id: ctx.workspaceId, subscriber_id: row.id, component_id })));
    // 3 parameters a link: well under PostgreSQL's 65,535 per statement.
    for (let start = 0; start < links.length; start += 10_000) await tx.insertInto('subscriber_components').values(links.slice(start, start + 10_000)).execute();
    const segmentRows = inserted.flatMap((row) => byAddress.get(`${row.channel}:${row.address}`)!.segments.map((segment) => ({ workspace_id: ctx.workspaceId, subscriber_id: row.id, segment })));
    for (let start = 0; start < segmentRows.length; start += 10_000) await tx.insertInto('subscriber_segments').values(segmentRows.slice(start, start + 10_000)).execute();
    const counts = { imported: inserted.length, existing: wanted.length - inserted.length };
    await recordAudit(tx, ctx, { action: 'subscriber.import', entityType: 'subscriber_import', entityId: page.id, after: { ...counts, suppressed: batch.length - wanted.length } });
    return counts;
  });
}
