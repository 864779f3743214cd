import type { Db } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { audienceOwner } from '../../domain/crisis-plan/audiences.ts';
import { checklistDefinitions, type ChecklistItem } from '../../domain/crisis-plan/checklist.ts';
import { assessReadiness, type Regime } from '../../domain/crisis-plan/readiness.ts';
import { scenarios, type PlanIncidentTemplate, type PlanStage } from '../../domain/crisis-plan/scenarios.ts';
import { findIncidentTemplate } from '../../domain/incident/templates.ts';
import { authorize, type Ctx } from '../context.ts';
import { loadRegulatoryProfile, type RegulatoryProfileView } from '../regulatory/profile.ts';
import { loadCommsSettings } from '../settings/comms-settings.ts';
import { incidentTemplateHash, lastDrillAt, loadRoster, loadRosterEntries, messageTemplateHash } from './internal.ts';

type Approval = Row<'crisis_template_approvals'>;
const presentApproval = (approval: Approval | undefined, currentHash: string | undefined) =>
  approval ? { approved_by: approval.approved_by_name, approved_at: approval.approved_at.toISOString(), is_current: approval.content_hash === currentHash } : null;

/**
 * The whole crisis plan with its readiness: the roster, each scenario's templates and whether a
 * reviewer pre-approved them as they read now, the audiences and their owners and channels, the
 * channel checklist derived from the configuration (or ticked), and the regimes that apply.
 */
export async function getCrisisPlan({ ctx }: { ctx: Ctx }) {
  authorize(ctx, 'plan.read');
  const db = ctx.tx ?? ctx.db.db;
  const now = ctx.now();
  const workspaceId = ctx.workspaceId;
  const [workspace, roster, { roster: rosterPeople }, people, templates, approvals, settings, endpoints, checklist, regulatory, drillAt] = await Promise.all([
    db.selectFrom('workspaces').select(['time_zone', 'default_language']).where('id', '=', workspaceId).executeTakeFirstOrThrow(),
    loadRosterEntries(db, workspaceId),
    loadRoster(db, workspaceId),
    db.selectFrom('memberships as m').innerJoin('users as u', 'u.id', 'm.user_id').select(['u.id', 'u.name', 'u.email', 'm.role']).where('m.workspace_id', '=', workspaceId).orderBy('u.name').orderBy('u.id').execute(),
    db.selectFrom('message_templates').selectAll().where('workspace_id', '=', workspaceId).orderBy('stage').orderBy('language').orderBy('channel').orderBy('id').execute(),
    db.selectFrom('crisis_template_approvals').selectAll().where('workspace_id', '=', workspaceId).execute(),
    loadCommsSettings(db, workspaceId),
    db.selectFrom('channel_endpoints').select(['id', 'name', 'kind', 'purpose', 'audience']).where('workspace_id', '=', workspaceId).where('enabled', '=', true).where('disabled_at', 'is', null).orderBy('name').execute(),
    loadChecklist(db, workspaceId),
    loadRegulatoryProfile(db, workspaceId),
    lastDrillAt(db, workspaceId),
  ]);

  const approvalOf = (kind: Approval['template_kind'], key: string) => approvals.find((a) => a.template_kind === kind && a.template_key === key);
  const templateViews = templates.map((template) => {
    const hash = messageTemplateHash(template);
    const approval = presentApproval(approvalOf('message_template', template.id), hash);
    return { id: template.id, stage: template.stage, language: template.language, channel: template.channel, audience: template.audience, version: template.version, is_approved: approval?.is_current ?? false, approval };
  });
  const approvedStages = new Set(templateViews.filter((t) => t.is_approved).map((t) => t.stage as PlanStage));
  const approvedIncidentTemplates = new Set<PlanIncidentTemplate>();
  const scenarioViews = scenarios.map((scenario) => {
    const incidentTemplate = scenario.incidentTemplate ? findIncidentTemplate(scenario.incidentTemplate) : undefined;
    const incidentApproval = scenario.incidentTemplate ? presentApproval(approvalOf('incident_template', scenario.incidentTemplate), incidentTemplateHash(scenario.incidentTemplate)) : null;
    if (scenario.incidentTemplate && incidentApproval?.is_current) approvedIncidentTemplates.add(scenario.incidentTemplate);
    return {
      key: scenario.key,
      label: scenario.label,
      incident_template: incidentTemplate ? { key: incidentTemplate.key, label: incidentTemplate.label, is_approved: incidentApproval?.is_current ?? false, approval: incidentApproval } : null,
      stages: scenario.stages.map((stage) => {
        const list = templateViews.filter((t) => t.stage === stage);
        return { stage, is_ready: list.some((t) => t.is_approved), templates: list };
      }),
    };
  });

  const statusPageAudience = settings.status_page_audience;
  const audiences = settings.audiences.map((audience) => {
    const ownerRole = audienceOwner(audience.id);
    const owner = roster.find((entry) => entry.role === ownerRole)?.members[0];
    return {
      id: audience.id,
      name: audience.name,
      owner_role: ownerRole,
      owner: owner ? { user_id: owner.user_id, name: owner.name } : null,
      channels: [
        ...(audience.id === statusPageAudience ? [{ kind: 'status_page', name: null }] : []),
        ...endpoints.filter((endpoint) => endpoint.audience === audience.id).map((endpoint) => ({ kind: endpoint.kind as string, name: endpoint.name as string | null })),
      ],
    };
  });

  const regimes = regimesOf(regulatory);
  const checklistViews = checklistDefinitions.map((definition) => {
    const derived = checklist.derived[definition.item];
    const tick = checklist.ticks.find((row) => row.item === definition.item);
    const isTickCounted = definition.source !== 'derived';
    const isReady = derived.isReady || (isTickCounted && (tick?.is_ready ?? false));
    return {
      item: definition.item,
      label: definition.label,
      source: definition.source,
      is_ready: isReady,
      evidence: derived.evidence,
      tick: tick && isTickCounted ? { is_ready: tick.is_ready, note: tick.note, by: tick.ticked_by_name, at: tick.ticked_at.toISOString(), version: tick.version } : null,
    };
  });
  const readiness = assessReadiness({
    roster: rosterPeople,
    approvedStages,
    approvedIncidentTemplates,
    checklist: Object.fromEntries(checklistViews.map((view) => [view.item, view.is_ready])) as Record<ChecklistItem, boolean>,
    regimes: { isProfileSet: regulatory.version > 0, applies: regimes.applies },
    lastDrillAt: drillAt,
    now,
  });

  return {
    time_zone: workspace.time_zone,
    default_language: workspace.default_language,
    as_of: now.toISOString(),
    readiness: { score: readiness.score, points: readiness.points, max_points: readiness.maxPoints, missing: readiness.missing },
    roster,
    people: people.map((person) => ({ id: person.id, name: person.name, email: person.email, workspace_role: person.role })),
    scenarios: scenarioViews,
    audiences,
    checklist: checklistViews,
    regimes: { is_profile_set: regulatory.version > 0, applies: regimes.applies, details: regimes.details },
    drills: { is_available: drillAt !== undefined, last_finished_at: drillAt ? drillAt.toISOString() : null },
  };
}
export type CrisisPlanView = Awaited<ReturnType<typeof getCrisisPlan>>;

function regimesOf(profile: RegulatoryProfileView) {
  const details: Array<{ regime: Regime; applies: boolean; detail: { fr: string; en: string } }> = [
    {
      regime: 'gdpr',
      applies: profile.gdpr_roles.length > 0,
      detail: profile.gdpr_roles.includes('controller')
        ? { fr: 'Responsable de traitement : notifier la CNIL sous 72 h, informer les personnes sans délai si le risque est élevé.', en: 'Controller: notify the authority within 72 h, tell the people without delay when the risk is high.' }
        : profile.gdpr_roles.includes('processor')
          ? { fr: 'Sous-traitant : informer les clients responsables de traitement sans délai.', en: 'Processor: tell the controllers (your customers) without undue delay.' }
          : { fr: 'Non déclaré.', en: 'Not declared.' },
    },
    {
      regime: 'nis2',
      applies: profile.nis2 !== null,
      detail: profile.nis2 ? { fr: `Entité ${profile.nis2} : alerte précoce sous 24 h, notification sous 72 h.`, en: `${profile.nis2} entity: early warning within 24 h, notification within 72 h.` } : { fr: 'Non concerné.', en: 'Not concerned.' },
    },
    {
      regime: 'dora',
      applies: profile.dora_financial_entity,
      detail: profile.dora_financial_entity ? { fr: 'Entité financière : notification initiale des incidents majeurs TIC.', en: 'Financial entity: initial notification of major ICT incidents.' } : { fr: 'Non concerné.', en: 'Not concerned.' },
    },
  ];
  return { applies: details.filter((d) => d.applies).map((d) => d.regime), details };
}

/** What Tocsin can see of each channel in its own configuration, and the hand ticks. */
async function loadChecklist(db: Db, workspaceId: string) {
  const [pages, targets, endpoints, sent, ticks] = await Promise.all([
    db.selectFrom('status_pages').select(['name', 'published_at']).where('workspace_id', '=', workspaceId).execute(),
    db.selectFrom('publish_targets').select(['kind']).where('workspace_id', '=', workspaceId).execute(),
    db.selectFrom('channel_endpoints').select(['name', 'kind', 'purpose']).where('workspace_id', '=', workspaceId).where('enabled', '=', true).where('disabled_at', 'is', null).execute(),
    db.selectFrom('deliveries').select(['channel']).distinct().where('workspace_id', '=', workspaceId).where('state', '=', 'sent').where('channel', 'in', ['email', 'sms']).execute(),
    db.selectFrom('crisis_checklist_ticks').selectAll().where('workspace_id', '=', workspaceId).execute(),
  ]);
  const published = pages.filter((page) => page.published_at !== null);
  // A folder is served by this machine; a bucket or a Git host keeps the page up when it is down (doctrine §5).
  const separate = targets.filter((target) => target.kind === 's3' || target.kind === 'git');
  const withPurpose = (purpose: string) => endpoints.filter((endpoint) => endpoint.purpose === purpose);
  const social = endpoints.filter((endpoint) => endpoint.purpose === 'social' || endpoint.kind === 'mastodon');
  const names = (list: Array<{ name: string }>) => (list.length > 0 ? list.map((item) => item.name).join(', ') : null);
  const derived: Record<ChecklistItem, { isReady: boolean; evidence: string | null }> = {
    status_page_published: { isReady: published.length > 0, evidence: names(published) },
    status_page_hosted_separately: { isReady: separate.length > 0, evidence: separate.length > 0 ? [...new Set(separate.map((target) => target.kind))].join(', ') : null },
    email: { isReady: sent.some((row) => row.channel === 'email'), evidence: sent.some((row) => row.channel === 'email') ? 'sent' : null },
    sms: { isReady: sent.some((row) => row.channel === 'sms'), evidence: sent.some((row) => row.channel === 'sms') ? 'sent' : null },
    alerts_room: { isReady: withPurpose('alerts').length > 0, evidence: names(withPurpose('alerts')) },
    chat: { isReady: withPurpose('chat').length > 0, evidence: names(withPurpose('chat')) },
    social: { isReady: social.length > 0, evidence: names(social) },
    support_script: { isReady: withPurpose('support_script').length > 0, evidence: names(withPurpose('support_script')) },
    press_list: { isReady: false, evidence: null },
    out_of_band_contact: { isReady: false, evidence: null },
  };
  return { derived, ticks };
}
