import { roles } from '../../../../domain/access/roles.ts';
import { useText } from '../i18n.ts';
import { useCan } from '../session.ts';
import { NotAllowed } from '../ui/back-office.tsx';
import { PageHeader } from '../ui/kit.tsx';
import { MembersCard } from './people/members.tsx';
import { TokensCard } from './people/tokens.tsx';
import { peopleText } from './people/text.ts';
import './people/people.css';

/** People and access: who may do what, and the API tokens other tools use. */
export function People(_props: { params?: Record<string, string> }) {
  const t = useText(peopleText);
  const can = useCan();
  if (!can('member.manage')) {
    return (
      <section class="page people">
        <PageHeader title={t('title')} />
        <NotAllowed />
      </section>
    );
  }
  return (
    <section class="page people">
      <PageHeader title={t('title')} />
      <p class="lead">{t('lead')}</p>
      <div class="people-layout">
        <div class="stack">
          <MembersCard />
          {can('token.manage') && <TokensCard />}
        </div>
        <aside class="card roles-help" aria-labelledby="roles-title">
          <h2 id="roles-title">{t('rolesTitle')}</h2>
          <dl>
            {roles.map((role) => (
              <div key={role}>
                <dt>{t(`role_${role}`)}</dt>
                <dd>{t(`roleHint_${role}`)}</dd>
              </div>
            ))}
          </dl>
        </aside>
      </div>
    </section>
  );
}
