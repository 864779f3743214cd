import MarkdownIt from 'markdown-it';
import { DateTime } from 'luxon';
import { renderReportPdf } from '../../adapters/pdf/render-pdf.ts';
import { ConflictError } from '../../domain/errors.ts';
import { drillMinutes, drillTime } from '../../domain/drills/clock.ts';
import { afterActionDocument, afterActionMarkdown, type AfterActionInput } from '../../domain/drills/report.ts';
import type { DrillLanguage } from '../../domain/drills/scenario.ts';
import type { DrillScore } from '../../domain/drills/score.ts';
import { authorize, withTransaction, type Ctx } from '../context.ts';
import { clockOf, fetchDrill, sandboxCtx, scenarioOf } from './internal.ts';
import { measureDrill } from './measure-drill.ts';

export const reportFormats = ['md', 'html', 'pdf'] as const;
export type ReportFormat = (typeof reportFormats)[number];

const markdown = new MarkdownIt({ html: false, linkify: false });

/** The after-action report of a finished drill: Markdown, HTML or PDF, in the workspace's language unless told. */
export async function drillReport({ ctx, id, format, language }: { ctx: Ctx; id: string; format: ReportFormat; language?: DrillLanguage }) {
  authorize(ctx, 'workspace.read');
  const { input, finishedAt } = await withTransaction(ctx, async (tx) => {
    const drill = await fetchDrill(tx, ctx, id);
    if (drill.state !== 'finished' || !drill.score) throw new ConflictError('drill-not-finished', 'The after-action report is written when the drill is finished.');
    const workspace = await tx.selectFrom('workspaces').select(['default_language', 'time_zone']).where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow();
    const lang = language ?? workspace.default_language;
    const { timeline } = await measureDrill(tx, sandboxCtx(ctx, drill, ctx.now, tx), drill);
    const clock = clockOf(drill);
    const local = (at: Date) => DateTime.fromJSDate(at, { zone: workspace.time_zone }).setLocale(lang).toFormat(lang === 'fr' ? 'dd/MM/yyyy HH:mm' : 'yyyy-MM-dd HH:mm');
    const end = drillTime(clock, drill.finished_at!);
    const input: AfterActionInput = {
      scenario: scenarioOf(drill),
      language: lang,
      speed: drill.speed,
      playedMinutes: drillMinutes(clock, drill.finished_at!),
      startedAt: local(drill.drill_started_at!),
      finishedAt: local(end),
      timeline,
      score: drill.score as DrillScore,
    };
    return { input, finishedAt: drill.finished_at! };
  });
  const md = afterActionMarkdown(input);
  switch (format) {
    case 'md':
      return { contentType: 'text/markdown; charset=utf-8', body: md };
    case 'html':
      return { contentType: 'text/html; charset=utf-8', body: htmlPage(markdown.render(md), input.language) };
    case 'pdf':
      return { contentType: 'application/pdf', body: await renderReportPdf(afterActionDocument(input), finishedAt) };
  }
}

function htmlPage(body: string, language: string): string {
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>After-action report</title><style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.25rem .5rem;vertical-align:top}</style></head><body>${body}</body></html>`;
}
