import { z } from 'zod';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { impacts } from '../../../domain/incident/lifecycle.ts';
import { incidentTemplateKeys, incidentTemplates, type IncidentTemplate } from '../../../domain/incident/templates.ts';
import { OpenFromTemplateInput, openFromTemplate } from '../../../services/incident/open-from-template.ts';
import { adminRoute, ctxOf } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { idempotent, ok, problemResponses } from '../http.ts';
import { Incident } from './incidents.ts';

const tags = ['Incidents'];
const Text = z.object({ fr: z.string(), en: z.string() });
const Template = z.object({
  key: z.enum(incidentTemplateKeys),
  kind: z.enum(['incident', 'maintenance']).describe('`maintenance`: open the maintenance form (POST /api/admin/maintenances) instead'),
  label: Text,
  description: Text,
  impact: z.enum(impacts),
  suggested_name: Text,
  personal_data_breach: z.boolean().describe('Opening flags the fact sheet as a personal data breach'),
  questions: z.array(Text).describe('What to establish first on the fact sheet'),
  key_messages: z.array(Text).describe('Added to the fact sheet as key messages, in French and English, on opening'),
  next_update_minutes: z.number().nullable().describe('Suggested minutes between public updates'),
});

function presentTemplate(template: IncidentTemplate): z.infer<typeof Template> {
  return {
    key: template.key,
    kind: template.kind,
    label: template.label,
    description: template.description,
    impact: template.impact,
    suggested_name: template.suggestedName,
    personal_data_breach: template.isPersonalDataBreach,
    questions: [...template.questions],
    key_messages: [...template.keyMessages],
    next_update_minutes: template.nextUpdateMinutes,
  };
}

export function registerIncidentTemplateRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    adminRoute('incident.read', {
      method: 'get', path: '/api/admin/incident-templates', tags, summary: 'The incident templates the console shows as cards: outage, degradation, data breach, security incident, maintenance',
      responses: { 200: ok(z.object({ templates: z.array(Template) }), 'Every template, texts in French and English'), ...problemResponses },
    }),
    (c) => c.json({ templates: incidentTemplates().map(presentTemplate) }, 200),
  );
  app.openapi(
    adminRoute('incident.open', {
      method: 'post', path: '/api/admin/incident-templates/{key}/open', tags,
      summary: 'Declare an incident from a template, internally (nothing public until its first message is published), its fact sheet started: breach flag, key messages',
      request: { params: z.object({ key: z.string().max(40) }), body: { content: { 'application/json': { schema: OpenFromTemplateInput } }, required: false } },
      responses: {
        201: ok(Incident.extend({ template: z.enum(incidentTemplateKeys) }), 'The incident, declared internally'),
        ...problemResponses,
        404: { description: 'No such template, or a listed component or referent does not exist' },
        422: { description: 'The maintenance template: schedule a maintenance instead' },
      },
    }),
    async (c) => idempotent(c, ctxOf(c), (ctx) => openFromTemplate({ ctx, key: c.req.valid('param').key, input: c.req.valid('json') ?? {} })),
  );
}
