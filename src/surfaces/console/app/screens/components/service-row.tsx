import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api.ts';
import { useText } from '../../i18n.ts';
import { useCan } from '../../session.ts';
import { MoveButtons, useAction } from '../../ui/back-office.tsx';
import { Button, ErrorNotice, Pill } from '../../ui/kit.tsx';
import { useResource } from '../../use-resource.ts';
import { HistoryBar } from './history-bar.tsx';
import { componentStatuses, statusTone, type ComponentStatus, type Service, type StatusChange } from './model.ts';
import { componentsText } from './text.ts';

interface RowProps {
  service: Service;
  index: number;
  count: number;
  onChanged: (message?: string) => void;
  onEdit: () => void;
  onMove: (delta: -1 | 1) => void;
}

/** One service: its status in color and words, 90 days of history, and the two clicks to change it. */
export function ServiceRow({ service, index, count, onChanged, onEdit, onMove }: RowProps) {
  const t = useText(componentsText);
  const can = useCan();
  const [open, setOpen] = useState(false);
  const history = useResource<{ changes: StatusChange[] }>(`/api/admin/components/${service.id}/history`);
  const action = useAction();
  const firstChoice = useRef<HTMLButtonElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = `status-choices-${service.id}`;

  useEffect(() => {
    if (open) firstChoice.current?.focus();
  }, [open]);

  async function choose(status: ComponentStatus) {
    if (status === service.status) return close();
    const done = await action.run(() => api.patch(`/api/admin/components/${service.id}`, { status }, { ifMatch: service.version }));
    if (done) {
      close();
      void history.reload();
      onChanged(t('setTo', { name: service.name, status: t(`status_${status}`) }));
    } else onChanged();
  }

  function close() {
    setOpen(false);
    toggle.current?.focus();
  }

  return (
    <li class="service-row">
      <div class="service-main">
        <div class="service-name">
          <h3>{service.name}</h3>
          {service.description && <p class="meta">{service.description}</p>}
        </div>
        <HistoryBar name={service.name} changes={history.data?.changes} current={service.status} />
        <div class="service-status">
          <Pill tone={statusTone[service.status]}>
            <span class={`status-dot dot-${statusTone[service.status]}`} aria-hidden="true" />
            {t(`status_${service.status}`)}
          </Pill>
        </div>
        <div class="service-actions">
          {can('component.set_status') && (
            <button
              ref={toggle}
              type="button"
              class="btn btn-secondary"
              aria-expanded={open}
              aria-controls={panelId}
              aria-label={t('changeOf', { name: service.name })}
              onClick={() => (open ? close() : setOpen(true))}
            >
              {t('change')} <span aria-hidden="true">▾</span>
            </button>
          )}
          {can('component.manage') && (
            <>
              <Button variant="quiet" aria-label={t('editOf', { name: service.name })} onClick={onEdit}>
                {t('edit')}
              </Button>
              <MoveButtons name={service.name} index={index} count={count} onMove={onMove} />
            </>
          )}
        </div>
      </div>
      {open && (
        <div
          id={panelId}
          class="status-choices"
          role="group"
          aria-label={t('chooseFor', { name: service.name })}
          onKeyDown={(event) => event.key === 'Escape' && close()}
        >
          {componentStatuses.map((status, i) => (
            <button
              key={status}
              ref={i === 0 ? firstChoice : undefined}
              type="button"
              class={`status-choice choice-${statusTone[status]}`}
              aria-pressed={status === service.status}
              disabled={action.busy}
              onClick={() => void choose(status)}
            >
              <span class={`status-dot dot-${statusTone[status]}`} aria-hidden="true" />
              {t(`status_${status}`)}
              {status === service.status && <span class="meta"> ({t('current')})</span>}
            </button>
          ))}
        </div>
      )}
      <ErrorNotice error={action.error} />
    </li>
  );
}
