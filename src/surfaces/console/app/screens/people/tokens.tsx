import { useState } from 'preact/hooks';
import { roles, type Role } from '../../../../../domain/access/roles.ts';
import { api, newIdempotencyKey, serverNow } from '../../api.ts';
import { formatDateTime, useLanguage, useText } from '../../i18n.ts';
import { ConfirmDialog, FormError, ListTable, SavedNotice, SecretOnce, described, fieldError, useAction } from '../../ui/back-office.tsx';
import { Button, Field, Pill } from '../../ui/kit.tsx';
import { useResource } from '../../use-resource.ts';
import { peopleText } from './text.ts';

interface Token {
  id: string;
  name: string;
  role: Role;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** API tokens: create one (its secret shown once, with a copy button), revoke one. */
export function TokensCard() {
  const t = useText(peopleText);
  const language = useLanguage();
  const list = useResource<{ tokens: Token[] }>('/api/admin/tokens');
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  const [revoking, setRevoking] = useState<Token | null>(null);
  const [announce, setAnnounce] = useState<string | null>(null);
  const tokens = [...(list.data?.tokens ?? [])].reverse();
  return (
    <section class="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t('tokensTitle')}</h2>
      <p class="hint">{t('tokensLead')}</p>
      {secret && <SecretOnce title={t('secretTitle', { name: secret.name })} body={t('secretBody')} value={secret.token} doneLabel={t('secretDone')} onDone={() => setSecret(null)} />}
      <SavedNotice show={announce !== null}>{announce}</SavedNotice>
      <ListTable list={list} items={list.data ? tokens : undefined} empty={t('noTokens')} className="tokens" headers={[t('tokenName'), t('role'), t('lastUsed'), t('state')]} actionsLabel={t('actions')}>
        {(token) => {
          const expired = token.expires_at !== null && new Date(token.expires_at).getTime() <= serverNow();
          const usable = !token.revoked_at && !expired;
          return (
            <tr key={token.id}>
              <td>
                <strong>{token.name}</strong>
                <div class="meta">
                  {t('createdOn', { when: formatDateTime(token.created_at, language) })} · {token.expires_at ? t('expiresOn', { when: formatDateTime(token.expires_at, language) }) : t('noExpiry')}
                </div>
              </td>
              <td>{t(`role_${token.role}`)}</td>
              <td>{token.last_used_at ? formatDateTime(token.last_used_at, language) : t('never')}</td>
              <td>{token.revoked_at ? <Pill tone="muted">{t('revoked')}</Pill> : expired ? <Pill tone="muted">{t('expired')}</Pill> : <Pill tone="ok">{t('active')}</Pill>}</td>
              <td>
                {usable && (
                  <Button variant="danger" aria-label={t('revokeOf', { name: token.name })} onClick={() => setRevoking(token)}>
                    {t('revoke')}
                  </Button>
                )}
              </td>
            </tr>
          );
        }}
      </ListTable>
      <CreateToken
        onCreated={(created) => {
          setAnnounce(null);
          setSecret(created);
          void list.reload();
        }}
      />
      {revoking && (
        <ConfirmDialog
          title={t('revokeTitle', { name: revoking.name })}
          confirmLabel={t('revoke')}
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            await api.delete(`/api/admin/tokens/${revoking.id}`);
            setAnnounce(`${revoking.name} — ${t('revoked')}.`);
            await list.reload();
          }}
        >
          <p>{t('revokeBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function CreateToken({ onCreated }: { onCreated: (created: { name: string; token: string }) => void }) {
  const t = useText(peopleText);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [expires, setExpires] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const action = useAction();

  async function submit(event: Event) {
    event.preventDefault();
    // A date typed as the end of that day, in the reader's time zone.
    const body = { name: name.trim(), role, expires_at: expires ? new Date(`${expires}T23:59:59`).toISOString() : null };
    let created: { name: string; token: string } | null = null;
    if (await action.run(async () => (created = await api.post<{ name: string; token: string }>('/api/admin/tokens', body, { idempotencyKey: key })))) {
      onCreated(created!);
      setName('');
      setExpires('');
      setKey(newIdempotencyKey());
    }
  }

  const errors = { name: fieldError(action.error, '/name'), role: fieldError(action.error, '/role'), expires: fieldError(action.error, '/expires_at') };
  return (
    <form class="add-token" onSubmit={submit} noValidate aria-labelledby="create-token-title">
      <h3 id="create-token-title">{t('createToken')}</h3>
      <div class="bo-form-grid">
        <Field id="token-name" label={t('tokenName')} hint={t('tokenNameHint')} error={errors.name}>
          <input {...described('token-name', errors.name, 'hint')} value={name} onInput={(e) => setName(e.currentTarget.value)} autocomplete="off" />
        </Field>
        <Field id="token-role" label={t('role')} hint={t(`roleHint_${role}`)} error={errors.role}>
          <select {...described('token-role', errors.role, 'hint')} value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            {roles.map((value) => (
              <option key={value} value={value}>
                {t(`role_${value}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="token-expires" label={t('expires')} hint={t('expiresHint')} error={errors.expires}>
          <input {...described('token-expires', errors.expires, 'hint')} type="date" value={expires} onInput={(e) => setExpires(e.currentTarget.value)} />
        </Field>
      </div>
      <FormError error={action.error} fields={['/name', '/role', '/expires_at']} />
      <Button type="submit" variant="primary" busy={action.busy}>
        {t('createToken')}
      </Button>
    </form>
  );
}
