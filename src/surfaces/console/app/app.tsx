import { ErrorBoundary, LocationProvider, Route, Router, lazy, useLocation } from 'preact-iso';
import { languages, setLanguage, useLanguage, useText } from './i18n.ts';
import { signOut, useCan, useSession, useSessionState } from './session.ts';
import { shellText } from './text/shell.ts';
import { Loading } from './ui/kit.tsx';
import { DrillBanner } from './ui/drill-banner.tsx';
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
const ClosingAssistant = lazy(() => import('./screens/closing.tsx').then((m) => m.ClosingAssistant));
const Compensation = lazy(() => import('./screens/compensation.tsx').then((m) => m.Compensation));
const Corrections = lazy(() => import('./screens/corrections.tsx').then((m) => m.Corrections));
const IncidentReport = lazy(() => import('./screens/report.tsx').then((m) => m.IncidentReport));
const Figures = lazy(() => import('./screens/figures.tsx').then((m) => m.Figures));
const Listening = lazy(() => import('./screens/listening.tsx').then((m) => m.Listening));
const Drills = lazy(() => import('./screens/drills.tsx').then((m) => m.Drills));
const Drill = lazy(() => import('./screens/drill.tsx').then((m) => m.Drill));
const CrisisPlan = lazy(() => import('./screens/crisis-plan.tsx').then((m) => m.CrisisPlan));

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
  // Ten places in four groups, by when a communicator goes there: the crisis itself first.
  const groups: NavGroup[] = [
    {
      id: 'crisis',
      label: t('group_crisis'),
      links: [
        { href: '/', label: t('incidents'), show: true },
        { href: '/listening', label: t('listening'), show: can('listening.read') },
      ],
    },
    {
      id: 'audience',
      label: t('group_audience'),
      links: [
        { href: '/components', label: t('components'), show: can('component.read') },
        { href: '/subscribers', label: t('subscribers'), show: can('subscribers.read') },
      ],
    },
    {
      id: 'prepare',
      label: t('group_prepare'),
      links: [
        { href: '/reports', label: t('reports'), show: can('report.read') },
        { href: '/drills', label: t('drills'), show: can('drill.run') },
        { href: '/plan', label: t('plan'), show: can('plan.read') },
      ],
    },
    {
      id: 'workspace',
      label: t('group_workspace'),
      links: [
        { href: '/people', label: t('people'), show: can('member.manage') },
        { href: '/settings', label: t('settings'), show: can('settings.manage') },
        { href: '/audit', label: t('audit'), show: can('audit.read') },
      ],
    },
  ]
    .map((group) => ({ ...group, links: group.links.filter((link) => link.show) }))
    .filter((group) => group.links.length > 0);
  return (
    <>
      <a class="skip-link" href="#main">
        {t('skip')}
      </a>
      <DrillBanner />
      <header class="topbar">
        <a class="brand" href="/">
          Tocsin <span class="brand-workspace">{session.workspace.name}</span>
        </a>
        <div class="topbar-end">
          <LanguageSwitch />
          <span class="who">{t('signedInAs', { name: session.actor.name, role: t(`role_${session.actor.role}` as 'role_owner') })}</span>
          <button type="button" class="btn btn-quiet" onClick={() => void signOut()}>
            {t('signOut')}
          </button>
        </div>
        <NavLinks groups={groups} label={t('nav')} />
      </header>
      <main id="main" tabIndex={-1}>
        <ErrorBoundary>
          <Router>
            <Route path="/" component={Incidents} />
            <Route path="/incidents" component={Incidents} />
            <Route path="/incidents/new" component={OpenIncident} />
            <Route path="/incidents/:id" component={WarRoom} />
            <Route path="/incidents/:id/messages/:messageId" component={Composer} />
            <Route path="/incidents/:id/closing" component={ClosingAssistant} />
            <Route path="/incidents/:id/compensation" component={Compensation} />
            <Route path="/incidents/:id/corrections" component={Corrections} />
            <Route path="/incidents/:id/report" component={IncidentReport} />
            <Route path="/listening" component={Listening} />
            <Route path="/reports" component={Figures} />
            <Route path="/drills" component={Drills} />
            <Route path="/drills/:id" component={Drill} />
            <Route path="/plan" component={CrisisPlan} />
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

interface NavGroup {
  id: string;
  label: string;
  links: { href: string; label: string }[];
}

/** The main navigation: every link in sight (no menu to open mid-crisis), grouped under a small label. */
function NavLinks({ groups, label }: { groups: NavGroup[]; label: string }) {
  const { path } = useLocation();
  const current = (href: string) => (href === '/' ? path === '/' || path.startsWith('/incidents') : path.startsWith(href));
  return (
    <nav aria-label={label}>
      <ul class="nav">
        {groups.map((group) => (
          <li key={group.id} class="nav-group">
            <span class="nav-group-label" id={`nav-${group.id}`}>
              {group.label}
            </span>
            <ul aria-labelledby={`nav-${group.id}`}>
              {group.links.map((link) => (
                <li key={link.href}>
                  <a href={link.href} aria-current={current(link.href) ? 'page' : undefined}>
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
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
