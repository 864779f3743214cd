import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { useText } from '../i18n.ts';
import { useCan } from '../session.ts';
import { MoveButtons, SavedNotice, useAction } from '../ui/back-office.tsx';
import { Button, ErrorNotice, Loading, PageHeader } from '../ui/kit.tsx';
import { useResource } from '../use-resource.ts';
import { GroupDialog, ServiceDialog } from './components/edit-dialogs.tsx';
import { byGroup, reorder, type Group, type Service } from './components/model.ts';
import { ServiceRow } from './components/service-row.tsx';
import { componentsText } from './components/text.ts';
import './components/components.css';

type Editing = { kind: 'service'; service: Service | null } | { kind: 'group'; group: Group | null } | null;

/** The services board: each service's status as customers see it, set in two clicks. */
export function ComponentsBoard(_props: { params?: Record<string, string> }) {
  const t = useText(componentsText);
  const can = useCan();
  const list = useResource<{ components: Service[]; groups: Group[] }>('/api/admin/components');
  const [editing, setEditing] = useState<Editing>(null);
  const [announce, setAnnounce] = useState<string | null>(null);
  const move = useAction();
  const manage = can('component.manage');

  function changed(message?: string) {
    setAnnounce(message ?? null);
    void list.reload();
  }

  async function moveItems(patches: { path: string; position: number; version: number }[]) {
    await move.run(async () => {
      for (const patch of patches) await api.patch(patch.path, { position: patch.position }, { ifMatch: patch.version });
    });
    void list.reload();
  }

  const sections = list.data ? byGroup(list.data.components, list.data.groups) : [];
  const groups = sections.flatMap((section) => (section.group ? [section.group] : []));
  return (
    <section class="page components-board">
      <PageHeader title={t('title')}>
        {manage && (
          <>
            <Button variant="primary" onClick={() => setEditing({ kind: 'service', service: null })}>
              {t('addService')}
            </Button>
            <Button onClick={() => setEditing({ kind: 'group', group: null })}>{t('addGroup')}</Button>
          </>
        )}
      </PageHeader>
      <p class="lead">{t('lead')}</p>
      <SavedNotice show={announce !== null}>{announce}</SavedNotice>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      <ErrorNotice error={move.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : sections.length === 0 ? (
        <p class="empty">{manage ? t('empty') : t('emptyReadOnly')}</p>
      ) : (
        sections.map(({ group, services }) => {
          const groupIndex = group ? groups.indexOf(group) : -1;
          const headingId = `group-${group?.id ?? 'none'}`;
          return (
            <section key={group?.id ?? 'none'} class="card service-group" aria-labelledby={headingId}>
              <header class="service-group-head">
                <h2 id={headingId}>{group?.name ?? t('ungrouped')}</h2>
                {manage && group && (
                  <span class="row">
                    <Button variant="quiet" aria-label={t('renameOf', { name: group.name })} onClick={() => setEditing({ kind: 'group', group })}>
                      {t('rename')}
                    </Button>
                    <MoveButtons
                      name={group.name}
                      index={groupIndex}
                      count={groups.length}
                      disabled={move.busy}
                      onMove={(delta) => void moveItems(reorder(groups, groupIndex, delta).map(({ item, position }) => ({ path: `/api/admin/component-groups/${item.id}`, position, version: item.version })))}
                    />
                  </span>
                )}
              </header>
              {services.length === 0 ? (
                <p class="empty">{t('emptyGroup')}</p>
              ) : (
                <ul class="service-list">
                  {services.map((service, index) => (
                    <ServiceRow
                      key={service.id}
                      service={service}
                      index={index}
                      count={services.length}
                      onChanged={changed}
                      onEdit={() => setEditing({ kind: 'service', service })}
                      onMove={(delta) => void moveItems(reorder(services, index, delta).map(({ item, position }) => ({ path: `/api/admin/components/${item.id}`, position, version: item.version })))}
                    />
                  ))}
                </ul>
              )}
            </section>
          );
        })
      )}
      {editing?.kind === 'service' && (
        <ServiceDialog
          service={editing.service}
          groups={groups}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            changed();
          }}
        />
      )}
      {editing?.kind === 'group' && (
        <GroupDialog
          group={editing.group}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            changed();
          }}
        />
      )}
    </section>
  );
}
