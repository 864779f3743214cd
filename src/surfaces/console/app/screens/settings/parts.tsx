import { useLanguage, useText } from '../../i18n.ts';
import { SavedNotice } from '../../ui/back-office.tsx';
import { Button } from '../../ui/kit.tsx';
import { useResource } from '../../use-resource.ts';
import { settingsText } from './text.ts';

export interface Audience {
  id: string;
  name: { fr: string; en: string };
  lay: boolean;
  readability_min: number | null;
}

export interface CommsSettings {
  audiences: Audience[];
  cadence: { critical: number; major: number; minor: number; none: number };
  four_eyes: boolean;
  status_page_audience: string;
  first_message_minutes: number;
  remind_before_minutes: number;
  escalate_after_minutes: number;
  maintenance_notice_hours: number[];
  version: number;
}

/** The form's save button, and the word "Saved." once the server has the change. */
export function SaveBar({ busy, saved, label }: { busy: boolean; saved: boolean; label?: string }) {
  const t = useText(settingsText);
  return (
    <div class="row save-bar">
      <Button type="submit" variant="primary" busy={busy}>
        {label ?? t('save')}
      </Button>
      <SavedNotice show={saved}>{t('saved')}</SavedNotice>
    </div>
  );
}

/** The workspace's audiences, and each one's name in the console's language. */
export function useAudiences() {
  const language = useLanguage();
  const settings = useResource<CommsSettings>('/api/admin/settings/communication');
  const audiences = settings.data?.audiences ?? [];
  const nameOf = (id: string | null) => audiences.find((audience) => audience.id === id)?.name[language] ?? id ?? '';
  return { audiences, nameOf, error: settings.error, reload: settings.reload };
}
