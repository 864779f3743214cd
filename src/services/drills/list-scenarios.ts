import { scenarios } from '../../domain/drills/scenarios.ts';
import { authorize, type Ctx } from '../context.ts';

/** The scenario library: briefing, components played, injects and what each expects. */
export function listScenarios({ ctx }: { ctx: Ctx }) {
  authorize(ctx, 'workspace.read');
  return {
    scenarios: scenarios.map((s) => ({
      key: s.key,
      title: s.title,
      briefing: s.briefing,
      source: s.source,
      impact: s.impact,
      components: s.components.map((c) => ({ role: c.role, name: c.name })),
      first_message_minutes: s.firstMessageMinutes,
      duration_minutes: s.durationMinutes,
      personal_data_breach: s.personalDataBreach,
      injects: s.injects.map((i) => ({ key: i.key, at_minute: i.atMinute, kind: i.kind, from: i.from, text: i.text, expects: i.expects ?? null })),
    })),
  };
}
