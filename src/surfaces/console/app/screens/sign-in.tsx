import { useState } from 'preact/hooks';
import { defineTexts, useText } from '../i18n.ts';
import { signIn } from '../session.ts';
import { Button, ErrorNotice, Field } from '../ui/kit.tsx';
import { LanguageSwitch } from '../app.tsx';

const text = defineTexts('sign-in', {
  en: { title: 'Sign in to Tocsin', lead: 'Crisis communication during IT incidents.', email: 'E-mail address', password: 'Password', submit: 'Sign in', busy: 'Signing in…' },
  fr: { title: 'Connexion à Tocsin', lead: 'La communication de crise pendant les incidents informatiques.', email: 'Adresse e-mail', password: 'Mot de passe', submit: 'Se connecter', busy: 'Connexion…' },
});

export function SignIn() {
  const t = useText(text);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  document.title = t('title');

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <main id="main" class="sign-in">
      <form class="card sign-in-card" onSubmit={submit}>
        <h1>{t('title')}</h1>
        <p class="lead">{t('lead')}</p>
        <ErrorNotice error={error} />
        <Field id="email" label={t('email')}>
          <input id="email" type="email" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </Field>
        <Field id="password" label={t('password')}>
          <input id="password" type="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </Field>
        <Button type="submit" variant="primary" busy={busy}>
          {busy ? t('busy') : t('submit')}
        </Button>
        <LanguageSwitch />
      </form>
    </main>
  );
}
