import { useLanguage, useText } from '../../i18n.ts';
import { useResource } from '../../use-resource.ts';
import { composerText } from './text.ts';
import type { CommsSettings } from './types.ts';

export interface Labelled {
  audience: string;
  language: string;
  channel: string;
}

/** The audience's name in the console's language, as the workspace's settings call it. */
export function useAudienceName(): (audience: string) => string {
  const language = useLanguage();
  const settings = useResource<CommsSettings>('/api/admin/settings/communication');
  return (audience) => settings.data?.audiences.find((a) => a.id === audience)?.name[language] ?? audience.replace(/_/g, ' ');
}

/** "Customers, French, E-mail": a version of the message as the composer's tabs name it. */
export function useVersionLabel(): (variant: Labelled) => string {
  const t = useText(composerText);
  const audienceName = useAudienceName();
  return (variant) =>
    t('tabLabel', {
      audience: audienceName(variant.audience),
      language: t(`language_${variant.language}` as 'language_en'),
      channel: t(`channel_${variant.channel}` as 'channel_email'),
    });
}
