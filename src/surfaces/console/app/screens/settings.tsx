import { useState } from 'preact/hooks';
import type { Permission } from '../../../../domain/access/roles.ts';
import { useText } from '../i18n.ts';
import { useCan } from '../session.ts';
import { NotAllowed, TabPanel, Tabs } from '../ui/back-office.tsx';
import { PageHeader } from '../ui/kit.tsx';
import { AudiencesTab } from './settings/audiences-tab.tsx';
import { ChannelsTab } from './settings/channels-tab.tsx';
import { CommunicationTab } from './settings/communication-tab.tsx';
import { GlossaryTab } from './settings/glossary-tab.tsx';
import { RegulatoryTab } from './settings/regulatory-tab.tsx';
import { TemplatesTab } from './settings/templates-tab.tsx';
import { settingsText } from './settings/text.ts';
import { WorkspaceTab } from './settings/workspace-tab.tsx';
import './settings/settings.css';

const sections = [
  { id: 'communication', permission: 'settings.manage', Panel: CommunicationTab },
  { id: 'audiences', permission: 'settings.manage', Panel: AudiencesTab },
  { id: 'glossary', permission: 'settings.manage', Panel: GlossaryTab },
  { id: 'templates', permission: 'settings.manage', Panel: TemplatesTab },
  { id: 'channels', permission: 'channels.manage', Panel: ChannelsTab },
  { id: 'regulatory', permission: 'regulatory.read', Panel: RegulatoryTab },
  { id: 'workspace', permission: 'workspace.manage', Panel: WorkspaceTab },
] as const satisfies readonly { id: string; permission: Permission; Panel: unknown }[];
type Section = (typeof sections)[number]['id'];

/** The workspace's settings, one tab per subject; the address keeps the tab (#glossary). */
export function Settings(_props: { params?: Record<string, string> }) {
  const t = useText(settingsText);
  const can = useCan();
  const shown = sections.filter((section) => can(section.permission));
  const fromHash = shown.find((section) => `#${section.id}` === globalThis.location?.hash)?.id;
  const [current, setCurrent] = useState<Section>(fromHash ?? shown[0]?.id ?? 'communication');
  const section = shown.find((candidate) => candidate.id === current) ?? shown[0];
  function select(id: Section) {
    setCurrent(id);
    history.replaceState(history.state, '', `#${id}`);
  }
  return (
    <section class="page settings">
      <PageHeader title={t('title')} />
      {section ? <p class="lead">{t('lead')}</p> : <NotAllowed />}
      {section && (
        <>
          <Tabs idPrefix="settings" label={t('sections')} tabs={shown.map((s) => ({ id: s.id, label: t(`tab_${s.id}`) }))} current={section.id} onSelect={select} />
          <TabPanel idPrefix="settings" current={section.id}>
            <section.Panel />
          </TabPanel>
        </>
      )}
    </section>
  );
}
