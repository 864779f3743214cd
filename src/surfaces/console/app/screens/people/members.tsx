import { useState } from 'preact/hooks';
import { roles, type Role } from '../../../../../domain/access/roles.ts';
import { api, newIdempotencyKey } from '../../api.ts';
import { useText } from '../../i18n.ts';
import { useSession } from '../../session.ts';
import { ConfirmDialog, FormError, ListTable, SavedNotice, described, fieldError, reasonNotice, useAction } from '../../ui/back-office.tsx';
import { Button, ErrorNotice, Field, Pill } from '../../ui/kit.tsx';
import { useResource } from '../../use-resource.ts';
import { peopleText } from './text.ts';

export interface Member {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string;
  has_password: boolean;
}

/** The people of the workspace: change a role, remove someone, add someone. */
export function MembersCard() {
  const t = useText(peopleText);
  const list = useResource<{ members: Member[] }>('/api/admin/members');
  const [announce, setAnnounce] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const done = (message: string) => {
    setAnnounce(message);
    void list.reload();
  };
  return (
    <section class="card" aria-labelledby="members-title">
      <h2 id="members-title">{t('membersTitle')}</h2>
      <SavedNotice show={announce !== null}>{announce}</SavedNotice>
      <ListTable list={list} items={list.data?.members} className="members" headers={[t('name'), t('role'), t('signIn')]} actionsLabel={t('actions')}>
        {(member) => <MemberRow key={`${member.id}:${member.role}`} member={member} onChanged={done} onRemove={() => setRemoving(member)} />}
      </ListTable>
      <AddPerson onAdded={done} />
      {removing && (
        <ConfirmDialog
          title={t('removeTitle', { name: removing.name })}
          confirmLabel={t('remove')}
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await api.delete(`/api/admin/members/${removing.id}`).catch((error: unknown) => {
              throw reasonNotice(error, { 'last-owner': t('lastOwner') });
            });
            done(t('removed', { name: removing.name }));
          }}
        >
          <p>{t('removeBody', { name: removing.name })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function MemberRow({ member, onChanged, onRemove }: { member: Member; onChanged: (message: string) => void; onRemove: () => void }) {
  const t = useText(peopleText);
  const session = useSession();
  const [role, setRole] = useState<Role>(member.role);
  const action = useAction();
  const selectId = `role-${member.id}`;

  async function save(event: Event) {
    event.preventDefault();
    const saved = await action.run(() => api.post('/api/admin/members', { email: member.email, name: member.name, role, locale: member.locale }, { idempotencyKey: newIdempotencyKey() }));
    if (saved) onChanged(t('roleChanged', { name: member.name, role: t(`role_${role}`) }));
  }

  return (
    <tr>
      <td>
        <strong>{member.name}</strong> {member.id === session.actor.id && <span class="meta">{t('you')}</span>}
        <div class="meta">{member.email}</div>
      </td>
      <td>
        <form class="row role-form" onSubmit={save}>
          <label for={selectId} class="visually-hidden">
            {t('roleOf', { name: member.name })}
          </label>
          <select id={selectId} class="input" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            {roles.map((value) => (
              <option key={value} value={value}>
                {t(`role_${value}`)}
              </option>
            ))}
          </select>
          {role !== member.role && (
            <Button type="submit" variant="primary" busy={action.busy} aria-label={t('saveRoleOf', { name: member.name })}>
              {t('saveRole')}
            </Button>
          )}
        </form>
        <ErrorNotice error={action.error} />
      </td>
      <td>{member.has_password ? <Pill tone="ok">{t('canSignIn')}</Pill> : <Pill tone="muted">{t('noPassword')}</Pill>}</td>
      <td>
        <Button variant="danger" aria-label={t('removeOf', { name: member.name })} onClick={onRemove}>
          {t('remove')}
        </Button>
      </td>
    </tr>
  );
}

function AddPerson({ onAdded }: { onAdded: (message: string) => void }) {
  const t = useText(peopleText);
  const [form, setForm] = useState({ name: '', email: '', role: 'viewer' as Role, locale: 'fr', password: '' });
  const [key, setKey] = useState(newIdempotencyKey);
  const action = useAction();
  const set = (field: keyof typeof form) => (event: Event) => setForm({ ...form, [field]: (event.currentTarget as HTMLInputElement).value });

  async function submit(event: Event) {
    event.preventDefault();
    const body = { name: form.name.trim(), email: form.email.trim(), role: form.role, locale: form.locale, ...(form.password ? { password: form.password } : {}) };
    if (await action.run(() => api.post('/api/admin/members', body, { idempotencyKey: key }))) {
      onAdded(t('added', { name: body.name, role: t(`role_${body.role}`) }));
      setForm({ name: '', email: '', role: 'viewer', locale: form.locale, password: '' });
      setKey(newIdempotencyKey());
    }
  }

  const errors = { name: fieldError(action.error, '/name'), email: fieldError(action.error, '/email'), role: fieldError(action.error, '/role'), password: fieldError(action.error, '/password') };
  return (
    <form class="add-person" onSubmit={submit} noValidate aria-labelledby="add-person-title">
      <h3 id="add-person-title">{t('addTitle')}</h3>
      <p class="hint">{t('addLead')}</p>
      <div class="bo-form-grid">
        <Field id="person-name" label={t('name')} error={errors.name}>
          <input {...described('person-name', errors.name)} value={form.name} onInput={set('name')} autocomplete="off" />
        </Field>
        <Field id="person-email" label={t('email')} error={errors.email}>
          <input {...described('person-email', errors.email)} type="email" value={form.email} onInput={set('email')} autocomplete="off" />
        </Field>
        <Field id="person-role" label={t('role')} hint={t(`roleHint_${form.role}`)} error={errors.role}>
          <select {...described('person-role', errors.role, 'hint')} value={form.role} onChange={set('role')}>
            {roles.map((value) => (
              <option key={value} value={value}>
                {t(`role_${value}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="person-locale" label={t('language')}>
          <select id="person-locale" value={form.locale} onChange={set('locale')}>
            <option value="fr" lang="fr">Français</option>
            <option value="en" lang="en">English</option>
          </select>
        </Field>
        <Field id="person-password" label={t('password')} hint={t('passwordHint')} error={errors.password}>
          <input {...described('person-password', errors.password, 'hint')} type="password" value={form.password} onInput={set('password')} autocomplete="new-password" />
        </Field>
      </div>
      <FormError error={action.error} fields={['/name', '/email', '/role', '/password']} />
      <Button type="submit" variant="primary" busy={action.busy}>
        {t('add')}
      </Button>
    </form>
  );
}
