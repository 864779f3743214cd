import type { Command } from 'commander';
import { crisisRoleDefinition, type CrisisRole } from '../../domain/crisis-plan/roles.ts';
import { stageLabels, type PlanStage } from '../../domain/crisis-plan/scenarios.ts';
import { getCrisisPlan, type CrisisPlanView } from '../../services/crisis-plan/get-crisis-plan.ts';
import { UsageError } from './main.ts';
import { cliCtx, printJson, withRuntime } from './runtime.ts';

type Language = 'fr' | 'en';
const words = {
  en: { readiness: 'Readiness', nothing: 'Nothing missing: the plan is ready.', missing: 'Missing, most important first:', roster: 'Roster', nobody: '(no one)', backups: 'backups', away: 'away until', scenarios: 'Scenarios', ready: 'ready', notReady: 'not ready', channels: 'Channels', regimes: 'Regimes', none: 'none declared', lastDrill: 'Last drill', never: 'never' },
  fr: { readiness: 'Préparation', nothing: 'Rien ne manque : le plan est prêt.', missing: 'Ce qui manque, le plus important d’abord :', roster: 'Cellule de crise', nobody: '(personne)', backups: 'suppléants', away: 'absent jusqu’au', scenarios: 'Scénarios', ready: 'prêt', notReady: 'pas prêt', channels: 'Canaux', regimes: 'Régimes', none: 'aucun déclaré', lastDrill: 'Dernier exercice', never: 'jamais' },
} as const;

/** The score and the numbered list of what is missing, in the reader's language. */
export function readinessLines(plan: Pick<CrisisPlanView, 'readiness'>, language: Language): string[] {
  const w = words[language];
  const head = `${w.readiness}${language === 'fr' ? ' :' : ':'} ${plan.readiness.score}/100`;
  if (plan.readiness.missing.length === 0) return [head, w.nothing];
  return [head, w.missing, ...plan.readiness.missing.map((gap, index) => `${String(index + 1).padStart(3)}. ${gap.text[language]}`)];
}

/** The plan section by section: roster, scenarios, channels, regimes, drills. */
export function planLines(plan: CrisisPlanView, language: Language): string[] {
  const w = words[language];
  const mark = (isReady: boolean) => (isReady ? '[x]' : '[ ]');
  const colon = language === 'fr' ? ' :' : ':';
  const lines = [...readinessLines(plan, language), '', `${w.roster}${colon}`];
  for (const entry of plan.roster) {
    const label = crisisRoleDefinition(entry.role as CrisisRole).label[language];
    const [primary, ...backups] = entry.members;
    const who = (member: (typeof entry.members)[number]) =>
      [member.name, member.phone ?? member.out_of_hours_phone, member.unavailable_until && `${w.away} ${member.unavailable_until.slice(0, 10)}`].filter(Boolean).join(', ');
    lines.push(`  ${label.padEnd(28)} ${primary ? who(primary) : w.nobody}${backups.length > 0 ? `; ${w.backups}: ${backups.map(who).join(' / ')}` : ''}`);
  }
  lines.push('', `${w.scenarios}${colon}`);
  for (const scenario of plan.scenarios) {
    const isReady = scenario.stages.every((stage) => stage.is_ready);
    const missing = scenario.stages.filter((stage) => !stage.is_ready).map((stage) => stageLabels[stage.stage as PlanStage][language]);
    lines.push(`  ${mark(isReady)} ${scenario.label[language]}${missing.length > 0 ? ` (${w.notReady}: ${missing.join(', ')})` : ''}`);
  }
  lines.push('', `${w.channels}${colon}`);
  for (const item of plan.checklist) {
    const detail = item.evidence ?? (item.tick ? `${item.tick.by}, ${item.tick.at.slice(0, 10)}` : null);
    lines.push(`  ${mark(item.is_ready)} ${item.label[language]}${detail ? ` (${detail})` : ''}`);
  }
  lines.push('', `${w.regimes}${language === 'fr' ? ' :' : ':'} ${plan.regimes.applies.length > 0 ? plan.regimes.applies.map((regime) => regime.toUpperCase()).join(', ') : w.none}`);
  if (plan.drills.is_available) lines.push(`${w.lastDrill}${language === 'fr' ? ' :' : ':'} ${plan.drills.last_finished_at?.slice(0, 10) ?? w.never}`);
  return lines;
}

function languageOf(option: string | undefined, plan: CrisisPlanView): Language {
  if (option === undefined) return plan.default_language;
  if (option !== 'fr' && option !== 'en') throw new UsageError(`Unknown language "${option}" (one of: fr, en).`);
  return option;
}

/** `tocsin plan …`: the crisis plan's readiness and content. */
export function registerPlanCommands(program: Command) {
  const plan = program.command('plan').description('The crisis plan written in peacetime: roster, pre-approved templates, channels, regimes');
  for (const [name, description, lines] of [
    ['readiness', 'The readiness score /100 and what is missing, most important first', readinessLines],
    ['show', 'The whole plan: roster with backups, scenarios, channels checklist, regimes', planLines],
  ] as const) {
    plan
      .command(name)
      .description(description)
      .option('--lang <fr|en>', 'the language of the list (default: the workspace’s)')
      .option('--json', 'print the plan as JSON')
      .option('--workspace <slug>', 'the workspace (default: the only one)')
      .action(async (options: { lang?: string; json?: boolean; workspace?: string }) => {
        await withRuntime(async (runtime) => {
          const view = await getCrisisPlan({ ctx: await cliCtx(runtime, options.workspace) });
          if (options.json) return printJson(name === 'readiness' ? view.readiness : view);
          process.stdout.write(`${lines(view, languageOf(options.lang, view)).join('\n')}\n`);
        });
      });
  }
}
