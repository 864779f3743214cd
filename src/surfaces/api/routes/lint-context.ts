import { z } from 'zod';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { stages } from '../../../domain/linter/types.ts';
import { getLintContext } from '../../../services/messages/get-lint-context.ts';
import { adminRoute, ctxOf } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { ok, problemResponses } from '../http.ts';

const level = z.enum(['off', 'error', 'warning', 'info']);
const LintFacts = z.object({
  incidentOpen: z.boolean(),
  personalDataBreach: z.boolean(),
  figures: z.object({ affectedPeople: z.number().optional(), records: z.number().optional(), regions: z.array(z.string()).optional() }),
  startedAt: z.string().optional(),
  status: z.enum(['investigating', 'identified', 'monitoring', 'resolved']).optional(),
  affectedComponents: z.array(z.string()),
  unconfirmed: z.array(z.string()),
  keyMessages: z.array(z.object({ text: z.string(), language: z.enum(['fr', 'en']) })),
  timeZone: z.string().optional(),
});
const LintContext = z.object({
  message_id: z.string(),
  stage: z.enum(stages),
  next_update_at: z.string().nullable(),
  facts: LintFacts.nullable().describe('The incident\'s fact sheet as the linter reads it, as it will be once the message is published'),
  glossary: z.array(z.object({ term: z.string(), plain: z.string(), language: z.enum(['fr', 'en']), audiences: z.array(z.string()).optional() })),
  rules: z.record(z.string(), level).describe('The workspace\'s rule levels'),
  time_zone: z.string(),
  now: z.string().describe('The server\'s clock: "today" in a "next update at …" label is the server\'s'),
});

export function registerLintContextRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    adminRoute('facts.read', {
      method: 'get', path: '/api/admin/messages/{messageId}/lint-context', tags: ['Linter'],
      summary: 'What the linter checks a message\'s variants against, for linting in the browser as one types (the server re-checks on every save and at publish)',
      request: { params: z.object({ messageId: z.string().max(64) }) },
      responses: { 200: ok(LintContext, 'The lint context'), ...problemResponses, 404: { description: 'No such message' } },
    }),
    async (c) => c.json(await getLintContext({ ctx: ctxOf(c), messageId: c.req.valid('param').messageId }), 200),
  );
}
