import { useState } from 'preact/hooks';
import { crisisRoleDefinitions } from '../../../../../domain/crisis-plan/roles.ts';
import { api } from '../../api.ts';
import { useLanguage, useText } from '../../i18n.ts';
import { fieldError, useAction } from '../../ui/back-office.tsx';
import { Button, Dialog, ErrorNotice, Field } from '../../ui/kit.tsx';
import { formatInZone, type CrisisPlan, type RosterEntry, type RosterMember } from './model.ts';
import { crisisPlanText } from './text.ts';

const slots = 3;

/** Each crisis role with its primary and backups; those who manage the plan edit a role in a dialog. */
export function RosterCard({ plan, canManage, onSaved }: { plan: CrisisPlan; canManage: boolean; onSaved: () => void }) {
  const t = useText(crisisPlanText);
  const language = useLanguage();
  const [editing, setEditing] = useState<RosterEntry | null>(null);
  const who = (member: RosterMember) => (
    <>
      {member.name}
      <p class="meta">
        {[member.phone ?? member.out_of_hours_phone, member.email ?? member.account_email].filter(Boolean).join(' · ')}
        {member.unavailable_until && ` · ${t('away', { date: formatInZone(member.unavailable_until, language, plan.time_zone) })}`}
      </p>
    </>
  );
  return (
    <section class="card" aria-labelledby="plan-roster">
      <h2 id="plan-roster">{t('roster')}</h2>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t('role')}</th>
            <th scope="col">{t('primary')}</th>
            <th scope="col">{t('backups')}</th>
            {canManage && <td />}
          </tr>
        </thead>
        <tbody>
          {plan.roster.map((entry) => {
            const definition = crisisRoleDefinitions.find((d) => d.role === entry.role)!;
            const [primary, ...backups] = entry.members;
            return (
              <tr key={entry.role} id={`role-${entry.role}`}>
                <th scope="row">
                  {definition.label[language]}
                  <p class="meta">{definition.duty[language]}</p>
                </th>
                <td>{primary ? who(primary) : <span class="empty">{t('nobody')}</span>}</td>
                <td>{backups.length > 0 ? backups.map((member) => <div key={member.user_id}>{who(member)}</div>) : <span class="empty">{t('nobody')}</span>}</td>
                {canManage && (
                  <td>
                    <Button onClick={() => setEditing(entry)} aria-label={`${t('edit')} — ${definition.label[language]}`}>
                      {t('edit')}
                    </Button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <Dialog open={editing !== null} title={editing ? t('editRole', { role: crisisRoleDefinitions.find((d) => d.role === editing.role)!.label[language] }) : ''} onClose={() => setEditing(null)}>
        {editing && (
          <RoleForm
            plan={plan}
            entry={editing}
            onDone={(saved) => {
              setEditing(null);
              if (saved) onSaved();
            }}
          />
        )}
      </Dialog>
    </section>
  );
}

interface Slot { user_id: string; phone: string; out_of_hours_phone: string; unavailable_until: string; availability_note: string }

function RoleForm({ plan, entry, onDone }: { plan: CrisisPlan; entry: RosterEntry; onDone: (saved: boolean) => void }) {
  const t = useText(crisisPlanText);
  const action = useAction();
  const [rows, setRows] = useState<Slot[]>(() =>
    Array.from({ length: slots }, (_, index) => {
      const member = entry.members[index];
      return { user_id: member?.user_id ?? '', phone: member?.phone ?? '', out_of_hours_phone: member?.out_of_hours_phone ?? '', unavailable_until: member?.unavailable_until?.slice(0, 10) ?? '', availability_note: member?.availability_note ?? '' };
    }),
  );
  const set = (index: number, patch: Partial<Slot>) => setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  async function save(event: Event) {
    event.preventDefault();
    const chosen = rows.filter((row) => row.user_id !== '');
    const members = chosen.map((row) => {
      const kept = entry.members.find((member) => member.user_id === row.user_id);
      return {
        user_id: row.user_id,
        phone: row.phone.trim() || null,
        out_of_hours_phone: row.out_of_hours_phone.trim() || null,
        email: kept?.email ?? null,
        availability_note: row.availability_note.trim() || null,
        unavailable_until: row.unavailable_until ? new Date(`${row.unavailable_until}T00:00:00Z`).toISOString() : null,
      };
    });
    if (await action.run(() => api.put(`/api/admin/crisis-plan/roster/${entry.role}`, { members }, { ifMatch: entry.version }))) onDone(true);
  }
  // The server's pointers count the people given, not the empty slots.
  const pointerOf = (index: number) => rows.slice(0, index).filter((row) => row.user_id !== '').length;
  return (
    <form onSubmit={save}>
      <p class="hint">{t('personHint')}</p>
      {rows.map((row, index) => {
        const id = `plan-${entry.role}-${index}`;
        const at = `/members/${pointerOf(index)}`;
        return (
          <fieldset key={index} class="plan-member-fields">
            <legend>{index === 0 ? t('primary') : t('person', { n: index + 1 })}</legend>
            <Field id={`${id}-user`} label={t('person', { n: index + 1 })} error={row.user_id ? fieldError(action.error, `${at}/user_id`) : undefined}>
              <select id={`${id}-user`} value={row.user_id} onChange={(e) => set(index, { user_id: e.currentTarget.value })}>
                <option value="">{t('none')}</option>
                {plan.people.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={`${id}-phone`} label={t('phone')} hint={t('phoneHint')} error={row.user_id ? fieldError(action.error, `${at}/phone`) : undefined}>
              <input id={`${id}-phone`} type="tel" value={row.phone} onInput={(e) => set(index, { phone: e.currentTarget.value })} />
            </Field>
            <Field id={`${id}-ooh`} label={t('outOfHours')} hint={t('outOfHoursHint')} error={row.user_id ? fieldError(action.error, `${at}/out_of_hours_phone`) : undefined}>
              <input id={`${id}-ooh`} type="tel" value={row.out_of_hours_phone} onInput={(e) => set(index, { out_of_hours_phone: e.currentTarget.value })} />
            </Field>
            <Field id={`${id}-away`} label={t('awayUntil')} hint={t('awayHint')}>
              <input id={`${id}-away`} type="date" value={row.unavailable_until} onInput={(e) => set(index, { unavailable_until: e.currentTarget.value })} />
            </Field>
            <Field id={`${id}-note`} label={t('note')}>
              <input id={`${id}-note`} value={row.availability_note} onInput={(e) => set(index, { availability_note: e.currentTarget.value })} />
            </Field>
          </fieldset>
        );
      })}
      <ErrorNotice error={action.error} />
      <div class="row">
        <Button type="submit" variant="primary" busy={action.busy}>
          {t('save')}
        </Button>
        <Button onClick={() => onDone(false)}>{t('cancel')}</Button>
      </div>
    </form>
  );
}
