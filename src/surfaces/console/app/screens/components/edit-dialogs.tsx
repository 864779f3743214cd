import { useState } from 'preact/hooks';
import { api, newIdempotencyKey } from '../../api.ts';
import { useText } from '../../i18n.ts';
import { FormError, described, fieldError, useAction } from '../../ui/back-office.tsx';
import { Button, Dialog, Field } from '../../ui/kit.tsx';
import type { Group, Service } from './model.ts';
import { componentsText } from './text.ts';

/** Adds a service, or edits its name, description and group. */
export function ServiceDialog({ service, groups, onDone, onClose }: { service: Service | null; groups: Group[]; onDone: () => void; onClose: () => void }) {
  const t = useText(componentsText);
  const [name, setName] = useState(service?.name ?? '');
  const [description, setDescription] = useState(service?.description ?? '');
  const [groupId, setGroupId] = useState(service?.group_id ?? groups[0]?.id ?? '');
  const [key] = useState(newIdempotencyKey);
  const action = useAction();

  async function submit(event: Event) {
    event.preventDefault();
    const body = { name: name.trim(), description: description.trim() || null, group_id: groupId || null };
    const done = await action.run(() =>
      service ? api.patch(`/api/admin/components/${service.id}`, body, { ifMatch: service.version }) : api.post('/api/admin/components', body, { idempotencyKey: key }),
    );
    if (done) onDone();
  }

  const nameError = fieldError(action.error, '/name');
  const descriptionError = fieldError(action.error, '/description');
  const groupError = fieldError(action.error, '/group_id');
  return (
    <Dialog open title={service ? t('editOf', { name: service.name }) : t('newService')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Field id="service-name" label={t('name')} hint={t('nameHint')} error={nameError}>
          <input {...described('service-name', nameError, t('nameHint'))} value={name} onInput={(e) => setName(e.currentTarget.value)} required maxLength={200} />
        </Field>
        <Field id="service-description" label={t('description')} hint={t('descriptionHint')} error={descriptionError}>
          <input {...described('service-description', descriptionError, t('descriptionHint'))} value={description} onInput={(e) => setDescription(e.currentTarget.value)} maxLength={5000} />
        </Field>
        <Field id="service-group" label={t('group')} error={groupError}>
          <select {...described('service-group', groupError)} value={groupId} onChange={(e) => setGroupId(e.currentTarget.value)}>
            <option value="">{t('noGroup')}</option>
            {groups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        </Field>
        <FormError error={action.error} fields={['/name', '/description', '/group_id']} />
        <Button type="submit" variant="primary" busy={action.busy}>
          {service ? t('save') : t('create')}
        </Button>
      </form>
    </Dialog>
  );
}

/** Adds a group, or renames one. */
export function GroupDialog({ group, onDone, onClose }: { group: Group | null; onDone: () => void; onClose: () => void }) {
  const t = useText(componentsText);
  const [name, setName] = useState(group?.name ?? '');
  const [description, setDescription] = useState(group?.description ?? '');
  const [key] = useState(newIdempotencyKey);
  const action = useAction();

  async function submit(event: Event) {
    event.preventDefault();
    const body = { name: name.trim(), description: description.trim() || null };
    const done = await action.run(() =>
      group ? api.patch(`/api/admin/component-groups/${group.id}`, body, { ifMatch: group.version }) : api.post('/api/admin/component-groups', body, { idempotencyKey: key }),
    );
    if (done) onDone();
  }

  const nameError = fieldError(action.error, '/name');
  return (
    <Dialog open title={group ? t('renameOf', { name: group.name }) : t('newGroup')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Field id="group-name" label={t('name')} error={nameError}>
          <input {...described('group-name', nameError)} value={name} onInput={(e) => setName(e.currentTarget.value)} required maxLength={200} />
        </Field>
        <Field id="group-description" label={t('description')}>
          <input id="group-description" value={description} onInput={(e) => setDescription(e.currentTarget.value)} maxLength={5000} />
        </Field>
        <FormError error={action.error} fields={['/name']} />
        <Button type="submit" variant="primary" busy={action.busy}>
          {group ? t('save') : t('create')}
        </Button>
      </form>
    </Dialog>
  );
}
