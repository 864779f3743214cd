import { buildContext } from './context.ts';
import { LintConfigError } from './errors.ts';
import type { Hit, Rule } from './rule.ts';
import { runPack } from './pack.ts';
import { channels, lintLanguages, severities, socialNetworks, stages, type Finding, type LintInput, type Severity } from './types.ts';
import type { LintContext } from './context.ts';

const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);

/** Caller mistakes, reported all at once; the text itself is never an error. */
function checkInput(input: LintInput, rules: readonly Rule[]): Map<string, 'off' | Severity> {
  const issues: Array<{ pointer: string; detail: string }> = [];
  if (typeof input?.text !== 'string') issues.push({ pointer: '/text', detail: 'must be a string (an empty one is fine)' });
  if (!isOneOf(lintLanguages, input?.language)) issues.push({ pointer: '/language', detail: `must be one of ${lintLanguages.join(', ')}` });
  if (!isOneOf(stages, input?.stage)) issues.push({ pointer: '/stage', detail: `must be one of ${stages.join(', ')}` });
  if (!isOneOf(channels, input?.channel)) issues.push({ pointer: '/channel', detail: `must be one of ${channels.join(', ')}` });
  if (typeof input?.audience !== 'string') issues.push({ pointer: '/audience', detail: 'must be a string' });
  if (input?.network !== undefined && !isOneOf(socialNetworks, input.network)) issues.push({ pointer: '/network', detail: `must be one of ${socialNetworks.join(', ')}` });
  if (input?.subject !== undefined && typeof input.subject !== 'string') issues.push({ pointer: '/subject', detail: 'must be a string' });
  if (input?.facts?.timeZone !== undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: input.facts.timeZone });
    } catch {
      issues.push({ pointer: '/facts/timeZone', detail: `"${String(input.facts.timeZone)}" is not an IANA time zone` });
    }
  }
  const config = new Map<string, 'off' | Severity>();
  const known = new Set(rules.map((r) => r.id));
  for (const [id, level] of Object.entries(input?.rules ?? {})) {
    if (!known.has(id)) issues.push({ pointer: `/rules/${id}`, detail: `unknown rule id "${id}"` });
    else if (level !== 'off' && !isOneOf(severities, level)) issues.push({ pointer: `/rules/${id}`, detail: `must be off, ${severities.join(', ')}` });
    else config.set(id, level);
  }
  if (issues.length > 0) throw new LintConfigError(`Cannot lint: ${issues.map((i) => `${i.pointer} ${i.detail}`).join('; ')}.`, issues);
  return config;
}

function hitsOf(rule: Rule, ctx: LintContext): Hit[] {
  if (rule.kind === 'code') return rule.check(ctx);
  const pack = rule.packs[ctx.language];
  return ctx.subject ? [...runPack(pack, ctx.text), ...runPack(pack, ctx.subject)] : runPack(pack, ctx.text);
}

/** One finding per rule and range: overlapping hits of a rule collapse to the longest (linter-anchors §2, control 6). */
function collapse(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => (a.field ?? 'text').localeCompare(b.field ?? 'text') || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Hit[] = [];
  for (const hit of sorted) {
    const field = hit.field ?? 'text';
    const clash = kept.some(
      (k) => (k.field ?? 'text') === field && (k.start === hit.start && k.end === hit.end ? true : k.start < hit.end && hit.start < k.end),
    );
    if (!clash) kept.push(hit);
  }
  return kept;
}

/** Lints with a given rule set (the public `lint` uses them all; tests pass variants). */
export function lintWith(input: LintInput, rules: readonly Rule[]): Finding[] {
  const config = checkInput(input, rules);
  const ctx = buildContext(input);
  const findings: Finding[] = [];
  for (const rule of rules) {
    const level = config.get(rule.id);
    if (level === 'off') continue;
    if (rule.appliesTo && !rule.appliesTo(ctx)) continue;
    let hits = collapse(hitsOf(rule, ctx));
    if (rule.firstHitOnly) hits = hits.filter((hit) => !hits.some((other) => (other.field ?? 'text') === (hit.field ?? 'text') && other.start < hit.start));
    for (const hit of hits) {
      findings.push({
        rule: rule.id,
        severity: level ?? hit.severity ?? rule.severity,
        start: hit.start,
        end: hit.end,
        ...(hit.field === 'subject' ? { field: 'subject' as const } : {}),
        message: hit.message,
        ...(hit.suggestion !== undefined ? { suggestion: hit.suggestion } : {}),
        doctrine: rule.doctrine,
      });
    }
  }
  return findings.sort((a, b) => (a.field ?? 'text').localeCompare(b.field ?? 'text') || a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}
