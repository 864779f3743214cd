import { z } from 'zod';
import { InvalidError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { futureIssue } from '../../domain/incident/times.ts';
import { actorColumns, authorize, withTransaction, type Ctx } from '../context.ts';
import { Body, Instant, Language, parseInput, toDate } from '../schemas.ts';
import { Figures, Source, fetchIncident, presentWritten, recordEntryChange, rumorStates } from './internal.ts';

/**
 * A field another kind of entry has: refused with a pointer at it rather than a bare "unrecognized
 * key"; `not: {}` is how OpenAPI says no value fits (zod's never has no OpenAPI form).
 */
const only = (what: string) =>
  z
    .any()
    .refine((value) => value === undefined, { error: `only ${what}` })
    .meta({ not: {}, description: `Refused: only ${what}` })
    .optional();
/** When it was established, seen or promised; default now, never in the future. */
const NotedAt = Instant.optional();

const Known = z.strictObject({
  kind: z.literal('known'),
  text: Body,
  source: Source,
  noted_at: NotedAt,
  figures: Figures.optional(),
  promise_kind: only('a promise has a promise_kind'),
  due_at: only('a promise has a due_at'),
  state: only('a promise or a rumor has a state'),
  correction: only('a rumor has a correction'),
  language: only('a key message has a language'),
});
const Unconfirmed = z.strictObject({
  kind: z.literal('unconfirmed'),
  text: Body,
  source: Source,
  noted_at: NotedAt,
  figures: only('a known fact carries figures: confirm the hypothesis first'),
  promise_kind: only('a promise has a promise_kind'),
  due_at: only('a promise has a due_at'),
  state: only('a promise or a rumor has a state'),
  correction: only('a rumor has a correction'),
  language: only('a key message has a language'),
});
const Promised = z.strictObject({
  kind: z.literal('promised'),
  text: Body,
  /** Next-update promises are written by publishing; these are the others. */
  promise_kind: z.enum(['compensation', 'follow_up_report', 'other'], {
    error: 'must be compensation, follow_up_report or other (next-update promises are recorded by publishing an update)',
  }),
  /** When it is due; a pending promise past it reads as broken. null: no date was promised. */
  due_at: Instant.nullable().default(null),
  /** Who made the promise, or where. */
  source: Source.nullable().default(null),
  noted_at: NotedAt,
  figures: only('a known fact carries figures'),
  state: only('a new promise is pending: mark it kept or dropped later'),
  correction: only('a rumor has a correction'),
  language: only('a key message has a language'),
});
const Rumor = z.strictObject({
  kind: z.literal('rumor'),
  /** The claim, as it circulates. */
  text: Body,
  /** Where it was seen. */
  source: Source,
  noted_at: NotedAt,
  state: z.enum(rumorStates).default('open'),
  /** The correction published; required to call it refuted. */
  correction: Body.nullable().default(null),
  figures: only('a known fact carries figures'),
  promise_kind: only('a promise has a promise_kind'),
  due_at: only('a promise has a due_at: a rumor has none'),
  language: only('a key message has a language'),
});
const KeyMessage = z.strictObject({
  kind: z.literal('key_message'),
  text: Body,
  language: Language,
  noted_at: NotedAt,
  source: only('a fact, a hypothesis, a promise or a rumor has a source'),
  figures: only('a known fact carries figures'),
  promise_kind: only('a promise has a promise_kind'),
  due_at: only('a promise has a due_at'),
  state: only('a promise or a rumor has a state'),
  correction: only('a rumor has a correction'),
});

const handKinds = ['known', 'unconfirmed', 'promised', 'rumor', 'key_message'];

export const AddFactEntryInput = z
  .discriminatedUnion('kind', [Known, Unconfirmed, Promised, Rumor, KeyMessage], {
    error: (issue) => {
      if (issue.code !== 'invalid_union') return undefined;
      const kind = (issue.input as { kind?: unknown } | undefined)?.kind;
      if (kind === 'said') return 'what was said is recorded when a message is published; it cannot be added by hand';
      return `must be one of ${handKinds.join(', ')}`;
    },
  })
  .superRefine((entry, check) => {
    if (entry.kind === 'rumor' && entry.state === 'refuted' && entry.correction === null) {
      check.addIssue({ code: 'custom', path: ['correction'], message: 'a refuted rumor needs the correction published (doctrine §7: correct it publicly)' });
    }
  });
export type AddFactEntryInput = z.input<typeof AddFactEntryInput>;

/** Adds a fact, hypothesis, promise, rumor or key message to the incident's sheet. */
export async function addFactEntry({ ctx, incidentId, input }: { ctx: Ctx; incidentId: string; input: AddFactEntryInput }) {
  authorize(ctx, 'facts.edit');
  const data = parseInput(AddFactEntryInput, input);
  const now = ctx.now();
  const notedAt = toDate(data.noted_at) ?? now;
  const future = futureIssue('noted_at', notedAt, now);
  if (future) throw new InvalidError(`An entry cannot be noted in the future: ${future.detail}.`, [future]);
  return withTransaction(ctx, async (tx) => {
    await fetchIncident(tx, ctx, incidentId);
    const row = await tx
      .insertInto('fact_entries')
      .values({
        workspace_id: ctx.workspaceId,
        id: newId(),
        incident_id: incidentId,
        kind: data.kind,
        text: data.text,
        noted_at: notedAt,
        ...kindColumns(data),
        ...actorColumns(ctx.actor),
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const sheetVersion = await recordEntryChange(tx, ctx, 'fact_entry.add', undefined, row);
    return presentWritten(tx, ctx, row, sheetVersion);
  });
}

function kindColumns(data: z.output<typeof AddFactEntryInput>) {
  switch (data.kind) {
    case 'known':
      return { source: data.source, figures: data.figures ? JSON.stringify(data.figures) : null };
    case 'unconfirmed':
      return { source: data.source };
    case 'promised':
      return { source: data.source, promise_kind: data.promise_kind, due_at: toDate(data.due_at), state: 'pending' };
    case 'rumor':
      return { source: data.source, state: data.state, correction: data.correction };
    case 'key_message':
      return { language: data.language };
  }
}
