import './composer/composer.css';
import { memo } from 'preact/compat';
import { useRoute } from 'preact-iso';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { channels } from '../../../../domain/message/stages.ts';
import type { LintableVariant } from '../../../../domain/message/lint-variant.ts';
import { formatRelative, useLanguage, useText } from '../i18n.ts';
import { useCan, useSession } from '../session.ts';
import type { Incident } from '../types.ts';
import { Button, ErrorNotice, Loading, PageHeader, Pill } from '../ui/kit.tsx';
import { useResource } from '../use-resource.ts';
import { FindingsList } from './composer/findings-list.tsx';
import { applySuggestion, findingKey, sortFindings } from './composer/highlight.ts';
import { NextUpdate } from './composer/next-update.tsx';
import { previewText } from './composer/preview-text.ts';
import { Preview } from './composer/preview.tsx';
import { PublishPanel } from './composer/publish-panel.tsx';
import { ReviewPanel } from './composer/review-panel.tsx';
import { ShortcutsHelp, useShortcuts } from './composer/shortcuts.tsx';
import { composerText } from './composer/text.ts';
import type { CommsSettings, Finding, LintContext, Message, Variant } from './composer/types.ts';
import { useDrafts } from './composer/use-drafts.ts';
import { lintInBrowser, useServerClock } from './composer/use-lint.ts';
import { AddVersion } from './composer/variant-actions.tsx';
import { VersionPanel } from './composer/version-panel.tsx';
import { VariantTabs, neighbour, tabId, type Tab } from './composer/variant-tabs.tsx';

// The review and publish panels and the next update change with the message, not with each keystroke.
const Review = memo(ReviewPanel);
const Publish = memo(PublishPanel);
const Next = memo(NextUpdate);

const stateTone = { draft: 'muted', in_review: 'info', changes_requested: 'major', approved: 'ok', published: 'ok' } as const;

/** The composer: one message, a tab per version, findings underlined as one types, each channel's preview. */
export function Composer() {
  const { params } = useRoute();
  const t = useText(composerText);
  const tp = useText(previewText);
  const language = useLanguage();
  const session = useSession();
  const can = useCan();
  const message = useResource<Message>(`/api/admin/messages/${params.messageId}`);
  const incident = useResource<Incident>(`/api/admin/incidents/${params.id}`);
  const settings = useResource<CommsSettings>('/api/admin/settings/communication');
  const lintContext = useResource<LintContext>(`/api/admin/messages/${params.messageId}/lint-context`);
  const serverNow = useServerClock(lintContext.data);
  const version = useRef(0);
  if (message.data && message.data.version > version.current) version.current = message.data.version;
  const drafts = useDrafts(message.data, (edited) => {
    version.current = Math.max(version.current, edited.message.version);
    void message.reload();
  });
  const reloadAll = useCallback(() => void Promise.all([message.reload(), lintContext.reload()]), [message.reload, lintContext.reload]);
  const messageVersion = useCallback(() => version.current, []);
  const [chosen, setChosen] = useState<string | null>(null);
  const [focusEditor, setFocusEditor] = useState<'tab' | 'editor' | null>(null);
  const [activeFinding, setActiveFinding] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const subjectRef = useRef<HTMLTextAreaElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  const m = message.data;
  const audienceName = (id: string) => settings.data?.audiences.find((a) => a.id === id)?.name[language] ?? id.replace(/_/g, ' ');
  const variants = useMemo(() => sortVariants(m?.variants ?? [], settings.data), [m, settings.data]);
  const active = variants.find((v) => v.id === chosen) ?? variants[0];
  const draft = active ? drafts.get(active.id) : undefined;
  const canWrite = can('message.write') && m?.state !== 'published';

  const lintable = (v: Variant): LintableVariant => {
    const d = drafts.get(v.id);
    return { id: v.id, audience: v.audience, language: v.language, channel: v.channel, network: v.network, subject: d ? d.subject : v.subject, body: d ? d.body : v.body };
  };
  const texts = variants.map((v) => `${drafts.get(v.id)?.subject ?? ''}\u0000${drafts.get(v.id)?.body ?? ''}`).join('\u0001');
  const findings = useMemo(() => {
    if (!active || !draft || !m) return [];
    const server = draft.server;
    // The server's verdict on this very text stands; what is being typed is checked here.
    if (server.body === draft.body && (draft.subject === null || server.subject === draft.subject)) return sortFindings(server.findings);
    if (!lintContext.data) return sortFindings(server.findings);
    const all = variants.map(lintable);
    const own = all.find((v) => v.id === active.id)!;
    return sortFindings(lintInBrowser(own, all, { stage: m.stage, lint: lintContext.data, nextUpdateAt: m.next_update_at, now: serverNow() }) ?? server.findings);
  }, [active?.id, texts, draft?.server, lintContext.data, m?.next_update_at, m?.stage]);

  const tabs = (): Tab[] =>
    variants.map((v) => {
      const d = drafts.get(v.id);
      const own = v.id === active?.id ? findings : (d?.server.findings ?? v.findings);
      return { id: v.id, audience: audienceName(v.audience), language: v.language, channel: t(`channel_${v.channel}`), errors: own.filter((f) => f.severity === 'error').length, unsaved: d ? d.status !== 'saved' : false };
    });

  useEffect(() => {
    if (!focusEditor || !active) return;
    if (focusEditor === 'editor') bodyRef.current?.focus();
    else document.getElementById(tabId(active.id))?.focus();
    setFocusEditor(null);
  }, [focusEditor, active?.id]);

  const select = (id: string | undefined, focus: 'tab' | 'editor' | null) => {
    if (!id) return;
    setChosen(id);
    setActiveFinding(null);
    setFocusEditor(focus);
  };
  const fieldRef = (f: Finding) => (f.field === 'subject' ? subjectRef : bodyRef);
  const show = (f: Finding) => {
    const area = fieldRef(f).current;
    setActiveFinding(findingKey(f));
    if (!area) return;
    area.focus();
    area.setSelectionRange(f.start, f.end);
  };
  const apply = (f: Finding) => {
    if (!active || !draft || !canWrite || f.suggestion === undefined) return;
    const field = f.field === 'subject' ? 'subject' : 'body';
    const { text, caret } = applySuggestion(field === 'subject' ? (draft.subject ?? '') : draft.body, f);
    drafts.edit(active.id, { [field]: text });
    setActiveFinding(null);
    requestAnimationFrame(() => {
      const area = fieldRef(f).current;
      area?.focus();
      area?.setSelectionRange(caret, caret);
    });
  };
  const stepFinding = (step: 1 | -1) => {
    if (findings.length === 0) return;
    const index = findings.findIndex((f) => findingKey(f) === activeFinding);
    show(findings[(index + step + findings.length) % findings.length]!);
  };
  useShortcuts({
    nextVersion: () => select(neighbour(tabs(), active?.id ?? null, 1), 'editor'),
    previousVersion: () => select(neighbour(tabs(), active?.id ?? null, -1), 'editor'),
    save: () => active && void drafts.saveNow(active.id),
    applyFirstFix: () => {
      const caret = bodyRef.current === document.activeElement ? (bodyRef.current?.selectionStart ?? -1) : -1;
      const fixable = findings.filter((f) => f.suggestion !== undefined);
      const here = fixable.find((f) => (f.field ?? 'text') === 'text' && f.start <= caret && caret <= f.end);
      const first = here ?? fixable[0];
      if (first) apply(first);
    },
    nextFinding: () => stepFinding(1),
    previousFinding: () => stepFinding(-1),
    help: () => setHelp(true),
  });

  if (message.error || incident.error) return <section class="page"><ErrorNotice error={message.error ?? incident.error} onRetry={() => void (message.reload(), incident.reload())} /></section>;
  if (!m || !incident.data) return <section class="page"><Loading /></section>;
  const inc = incident.data;
  const label = (v: Variant) => t('tabLabel', { audience: audienceName(v.audience), language: t(`language_${v.language}`), channel: t(`channel_${v.channel}`) });
  const statuses = variants.map((v) => drafts.get(v.id)?.status ?? 'saved');
  const saveState = statuses.includes('saving') ? t('saving') : statuses.some((s) => s === 'failed' || s === 'conflict' || s === 'invalid') ? t('saveFailed') : statuses.includes('pending') ? t('pending') : t('saved');
  const recipients = (v: Variant) => (v.audience === settings.data?.status_page_audience && (v.channel === 'email' || v.channel === 'sms') ? tp('subscribersOf', { audience: audienceName(v.audience) }) : audienceName(v.audience));

  return (
    <section class="page composer">
      <p class="composer-back">
        <a href={`/incidents/${inc.id}`}>← {t('back')}</a>
      </p>
      <PageHeader title={t('title', { stage: t(`stage_${m.stage}`), incident: inc.name })}>
        <Button variant="quiet" onClick={() => setHelp(true)} aria-keyshortcuts="?">
          <span aria-hidden="true">⌨</span> {t('shortcuts')}
        </Button>
      </PageHeader>
      <p class="pills composer-state">
        <Pill tone={stateTone[m.review_state]}>{t(`state_${m.review_state}`)}</Pill>
        {m.emergency && <Pill tone="critical">{t('emergency')}</Pill>}
      </p>
      {m.state === 'published' && <p class="notice notice-ok">{t('publishedNotice', { when: formatRelative(m.published_at ?? m.updated_at, serverNow().getTime(), language) })}</p>}
      {!can('message.write') && m.state !== 'published' && <p class="notice">{t('readOnly')}</p>}
      <VariantTabs tabs={tabs()} activeId={active?.id ?? null} onSelect={(id, focus) => select(id, focus ? 'tab' : null)}>
        <div class="version-bar-end">
          {canWrite && (
            // Not a live region: it changes with every pause in typing; a failed save is an alert of its own.
            <span class="save-state">{saveState}</span>
          )}
          {canWrite && settings.data && <AddVersion message={m} audiences={settings.data.audiences} onAdded={(id) => (select(id, 'editor'), void reloadAll())} />}
        </div>
      </VariantTabs>
      <div class="composer-grid">
        <div class="stack composer-main">
          {active && draft && (
            <>
              <VersionPanel
                key={active.id}
                message={m}
                variant={active}
                draft={draft}
                drafts={drafts}
                findings={findings}
                label={label(active)}
                canWrite={canWrite}
                subjectRef={subjectRef}
                bodyRef={bodyRef}
                onRemoved={() => (setChosen(null), void reloadAll())}
              />
              <Preview
                variant={active}
                subject={draft.subject}
                body={draft.body}
                incident={inc}
                stage={m.stage}
                nextUpdateAt={m.next_update_at}
                workspaceName={session.workspace.name}
                recipients={recipients(active)}
                timeZone={lintContext.data?.time_zone ?? session.workspace.time_zone}
                now={serverNow()}
              />
            </>
          )}
        </div>
        <div class="stack composer-side">
          {active && draft && (
            <FindingsList findings={findings} textLanguage={active.language} texts={{ text: draft.body, subject: draft.subject }} canApply={canWrite} active={activeFinding} onApply={apply} onShow={show} />
          )}
          <Next message={m} incident={inc} cadence={settings.data?.cadence} now={serverNow} canWrite={canWrite} version={messageVersion} beforeChange={drafts.flushAll} onChanged={reloadAll} />
        </div>
      </div>
      <div class="stack composer-message">
        <Review message={m} onChanged={reloadAll} />
        <Publish message={m} onChanged={reloadAll} />
      </div>
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
    </section>
  );
}

const languageRank = { fr: 0, en: 1 } as const;

/** Tabs in the order a person scans them: audience as the settings list them, then channel, French before English. */
function sortVariants(variants: Variant[], settings: CommsSettings | undefined): Variant[] {
  const audienceRank = (id: string) => {
    const index = settings?.audiences.findIndex((a) => a.id === id) ?? -1;
    return index < 0 ? 999 : index;
  };
  return [...variants].sort((a, b) => audienceRank(a.audience) - audienceRank(b.audience) || a.audience.localeCompare(b.audience) || channels.indexOf(a.channel) - channels.indexOf(b.channel) || languageRank[a.language] - languageRank[b.language]);
}
