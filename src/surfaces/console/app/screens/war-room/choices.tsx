import { useText } from '../../i18n.ts';
import { warRoomText } from '../../text/war-room.ts';
import { Field } from '../../ui/kit.tsx';
import type { Member, ServiceItem } from './types.ts';
import './choices.css';

/** Choosing a person of the workspace, or no one. */
export function PersonSelect({ id, label, value, members, onChange, error }: { id: string; label: string; value: string; members: Member[]; onChange: (event: Event) => void; error?: string }) {
  const t = useText(warRoomText);
  return (
    <Field id={id} label={label} error={error}>
      <select id={id} value={value} onChange={onChange}>
        <option value="">{t('noOne')}</option>
        {members.map((member) => <option key={member.id} value={member.id}>{member.name}</option>)}
      </select>
    </Field>
  );
}

/** The services an incident touches, as checkboxes (a handful in most workspaces). */
export function ServiceChoice({ services, chosen, onToggle, legend }: { services: ServiceItem[]; chosen: string[]; onToggle: (id: string, on: boolean) => void; legend: string }) {
  return (
    <fieldset class="service-choice">
      <legend>{legend}</legend>
      {services.map((service) => (
        <label key={service.id} class="check">
          <input type="checkbox" checked={chosen.includes(service.id)} onChange={(event) => onToggle(service.id, event.currentTarget.checked)} />
          {service.name}
        </label>
      ))}
    </fieldset>
  );
}
