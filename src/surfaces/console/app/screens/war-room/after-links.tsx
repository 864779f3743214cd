import { defineTexts, useText } from '../../i18n.ts';
import { useCan } from '../../session.ts';

const afterText = defineTexts('warRoomAfter', {
  en: {
    title: 'Leaving the crisis',
    closing: 'Closing message',
    compensation: 'Compensation',
    corrections: 'Rumors and corrections',
    report: 'Post-crisis report',
  },
  fr: {
    title: 'Sortir de la crise',
    closing: 'Message de clôture',
    compensation: 'Geste commercial',
    corrections: 'Rumeurs et rectifications',
    report: 'Bilan post-crise',
  },
});

/** Where the war room leads once the fire is out: each link opens its own screen. */
export function AfterLinks({ incidentId }: { incidentId: string }) {
  const t = useText(afterText);
  const can = useCan();
  const links = [
    { href: 'closing', label: t('closing'), show: can('message.write') },
    { href: 'compensation', label: t('compensation'), show: can('compensation.manage') },
    { href: 'corrections', label: t('corrections'), show: can('facts.read') },
    { href: 'report', label: t('report'), show: can('report.read') },
  ].filter((link) => link.show);
  if (links.length === 0) return null;
  return (
    <nav class="after-links" aria-label={t('title')}>
      <h2 class="after-links-title">{t('title')}</h2>
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <a href={`/incidents/${encodeURIComponent(incidentId)}/${link.href}`}>{link.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
