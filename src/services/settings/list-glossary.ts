import type { Db } from '../../adapters/db/connect.ts';
import type { GlossaryEntry } from '../../domain/linter/index.ts';
import { authorize, type Ctx } from '../context.ts';
import { presentGlossaryTerm } from './internal.ts';

/** The workspace glossary, by language then term; every role may read it. */
export async function listGlossary({ ctx }: { ctx: Ctx }) {
  authorize(ctx, 'workspace.read');
  const rows = await (ctx.tx ?? ctx.db.db).selectFrom('glossary_terms').selectAll().where('workspace_id', '=', ctx.workspaceId).orderBy('language').orderBy('term').orderBy('id').execute();
  return rows.map(presentGlossaryTerm);
}

/** The glossary as the linter reads it: a term with no audiences applies to every lay audience. */
export async function loadGlossary(db: Db, workspaceId: string): Promise<GlossaryEntry[]> {
  const rows = await db.selectFrom('glossary_terms').select(['term', 'plain', 'language', 'audiences']).where('workspace_id', '=', workspaceId).orderBy('language').orderBy('term').execute();
  // The linter reads `audiences: []` as "nobody"; absent means every lay audience.
  return rows.map((row) => (row.audiences.length > 0 ? { term: row.term, plain: row.plain, language: row.language, audiences: row.audiences } : { term: row.term, plain: row.plain, language: row.language }));
}
