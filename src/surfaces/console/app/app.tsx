import { ErrorBoundary, LocationProvider, Route, Router, lazy, useLocation } from 'preact-iso';
import { languages, setLanguage, useLanguage, useText } from './i18n.ts';
import { signOut, useCan, useSession, useSessionState } from './session.ts';
import { shellText } from './text/shell.ts';
import { Loading } from './ui/kit.tsx';
import { SignIn } from './screens/sign-in.tsx';
import { Incidents } from './screens/incidents.tsx';

// Each screen is its own chunk: the first load carries the shell and the incident list only.
const OpenIncident = lazy(() => import('./screens/open-incident.tsx').then((m) => m.OpenIncident));
const WarRoom = lazy(() => import('./screens/war-room.tsx').then((m) => m.WarRoom));
const Composer = lazy(() => import('./screens/composer.tsx').then((m) => m.Composer));
const ComponentsBoard = lazy(() => import('./screens/components-board.tsx').then((m) => m.ComponentsBoard));
const Subscribers = lazy(() => import('./screens/subscribers.tsx').then((m) => m.Subscribers));
const People = lazy(() => import('./screens/people.tsx').then((m) => m.People));
const Settings = lazy(() => import('./screens/settings.tsx').then((m) => m.Settings));
const Audit = lazy(() => import('./screens/audit.tsx').then((m) => m.Audit));

export function App() {
  const state = useSessionState();
  return (
    <LocationProvider>
      {state.status === 'loading' ? <Loading /> : state.status === 'signed_out' ? <SignIn /> : <Shell />}
    </LocationProvider>
  );
}

function Shell() {
  const t = useText(shellText);
  const session = useSession();
  const can = useCan();
  const links = [
    { href: '/', label: t('incidents'), show: true },
    { href: '/components', label: t('components'), show: can('component.read') },
    { href: '/subscribers', label: t('subscribers'), show: can('subscribers.read') },
    { href: '/people', label: t('people'), show: can('member.manage') },
    { href: '/settings', label: t('settings'), show: can('settings.manage') },
    { href: '/audit', label: t('audit'), show: can('audit.read') },
  ].filter((link) => link.show);
  return (
    <>
      <a class="skip-link" href="#main">
        {t('skip')}
      </a>
      <header class="topbar">
        <a class="brand" href="/">
          Tocsin <span class="brand-workspace">{session.workspace.name}</span>
        </a>
        <NavLinks links={links} label={t('nav')} />
        <div class="topbar-end">
          <LanguageSwitch />
          <span class="who">{t('signedInAs', { name: session.actor.name, role: t(`role_${session.actor.role}` as 'role_owner') })}</span>
          <button type="button" class="btn btn-quiet" onClick={() => void signOut()}>
            {t('signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <ErrorBoundary>
          <Router>
            <Route path="/" component={Incidents} />
            <Route path="/incidents" component={Incidents} />
            <Route path="/incidents/new" component={OpenIncident} />
            <Route path="/incidents/:id" component={WarRoom} />
            <Route path="/incidents/:id/messages/:messageId" component={Composer} />
            <Route path="/components" component={ComponentsBoard} />
            <Route path="/subscribers" component={Subscribers} />
            <Route path="/people" component={People} />
            <Route path="/settings" component={Settings} />
            <Route path="/audit" component={Audit} />
            <Route default component={NotFound} />
          </Router>
        </ErrorBoundary>
      </main>
    </>
  );
}

function NavLinks({ links, label }: { links: { href: string; label: string }[]; label: string }) {
  const { path } = useLocation();
  const current = (href: string) => (href === '/' ? path === '/' || path.startsWith('/incidents') : path.startsWith(href));
  return (
    <nav aria-label={label}>
      <ul class="nav">
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href} aria-current={current(link.href) ? 'page' : undefined}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function LanguageSwitch() {
  const t = useText(shellText);
  const language = useLanguage();
  return (
    <div class="language" role="group" aria-label={t('language')}>
      {languages.map((lng) => (
        <button key={lng} type="button" lang={lng} class="btn btn-quiet" aria-pressed={lng === language} onClick={() => setLanguage(lng)}>
          {lng === 'fr' ? 'Français' : 'English'}
        </button>
      ))}
    </div>
  );
}

function NotFound() {
  const t = useText(shellText);
  return (
    <section class="page">
      <h1>{t('notFound')}</h1>
      <p>
        <a href="/">{t('backHome')}</a>
      </p>
    </section>
  );
}
