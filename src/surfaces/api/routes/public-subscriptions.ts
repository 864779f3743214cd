import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getConnInfo } from '@hono/node-server/conninfo';
import { isTocsinError, TocsinError } from '../../../domain/errors.ts';
import { RateLimitedError } from '../../../services/access/rate-limit.ts';
import { findSubscribablePage, pageOrigin, type SelfServiceDeps, type SubscribablePage } from '../../../services/subscriptions/public-context.ts';
import { subscribe } from '../../../services/subscriptions/subscribe.ts';
import { confirmSmsCode } from '../../../services/subscriptions/confirm-sms-code.ts';
import { confirmSubscription } from '../../../services/subscriptions/confirm-subscription.ts';
import { getSubscription } from '../../../services/subscriptions/get-subscription.ts';
import { updatePreferences } from '../../../services/subscriptions/update-preferences.ts';
import { unsubscribe } from '../../../services/subscriptions/unsubscribe.ts';
import { resubscribe } from '../../../services/subscriptions/resubscribe.ts';
import type { SubscriptionView } from '../../../services/subscriptions/subscription-view.ts';
import { preferredLanguage } from '../../console/home.ts';
import {
  checkInboxPage,
  confirmPage,
  enterCodePage,
  linkNotFoundPage,
  preferencesPage,
  problemPage,
  subscribedPage,
  unsubscribedPage,
  unsubscribePage,
} from '../../console/subscription-pages.ts';
import type { AppEnv } from '../env.ts';
import { toProblem } from '../problem.ts';

type Language = 'fr' | 'en';
type Form = Record<string, string | File | Array<string | File>>;

/** A subscription form or a preferences form is a few hundred bytes. */
const maxPublicBodyBytes = 16_384;

/**
 * The public side of subscriptions: the status page's form posts here (from the page's origin, which
 * CORS allows on these two routes only), and every link a subscriber receives opens one of these
 * pages. Forms get HTML in the reader's language, JSON gets JSON.
 */
export function registerPublicSubscriptionRoutes(app: OpenAPIHono<AppEnv>) {
  const limit = bodyLimit({
    maxSize: maxPublicBodyBytes,
    onError: () => {
      throw new TocsinError('limit_exceeded', 'body-too-large', `The form is larger than ${maxPublicBodyBytes / 1024} KB.`);
    },
  });
  app.use('/subscribe/*', limit);
  app.use('/subscriptions/*', limit);

  app.on('OPTIONS', ['/subscribe/:workspace/:page', '/subscribe/:workspace/:page/sms-code'], async (c) => {
    const page = await findSubscribablePage(c.var.deps.db, c.req.param('workspace'), c.req.param('page'));
    if (page && allowCors(c, page)) {
      c.header('Access-Control-Allow-Methods', 'POST');
      c.header('Access-Control-Allow-Headers', 'Content-Type');
      c.header('Access-Control-Max-Age', '86400');
    }
    return c.body(null, 204);
  });

  app.post('/subscribe/:workspace/:page', async (c) => {
    const { workspace, page: pageSlug } = c.req.param();
    const page = await findSubscribablePage(c.var.deps.db, workspace, pageSlug);
    if (page) allowCors(c, page);
    const json = isJson(c);
    const form = json ? undefined : await readForm(c);
    const language = chosenLanguage(form, page);
    try {
      const input = json ? await readJson(c) : subscribeInput(form!);
      const answer = await subscribe({ deps: selfService(c), workspaceSlug: workspace, pageSlug, input, clientAddress: clientAddress(c) });
      const codePath = `/subscribe/${answer.page.workspaceSlug}/${answer.page.pageSlug}/sms-code`;
      if (json) {
        return answer.channel === 'email'
          ? c.json({ channel: 'email', message: 'If the address can receive e-mail, a message with a link to confirm is on its way.' }, 202)
          : c.json({ channel: 'sms', subscriber_id: answer.subscriberId, code_url: `${c.var.deps.publicUrl}${codePath}`, message: 'If the number can receive text messages, a 6-digit code is on its way; send it to code_url.' }, 202);
      }
      const address = String(form!.address ?? '').trim();
      const pageUrl = statusPageUrl(c, answer.page);
      return answer.channel === 'email'
        ? c.html(checkInboxPage({ language: answer.language, address, pageUrl }), 202)
        : c.html(enterCodePage({ language: answer.language, address, action: codePath, subscriberId: answer.subscriberId, pageUrl }), 202);
    } catch (error) {
      if (json) throw error;
      return formProblem(c, error, language, page);
    }
  });

  app.post('/subscribe/:workspace/:page/sms-code', async (c) => {
    const { workspace, page: pageSlug } = c.req.param();
    const page = await findSubscribablePage(c.var.deps.db, workspace, pageSlug);
    if (page) allowCors(c, page);
    const json = isJson(c);
    const form = json ? undefined : await readForm(c);
    try {
      const input = json ? await readJson(c) : { subscriber_id: String(form!.subscriber_id ?? ''), code: String(form!.code ?? '') };
      const result = await confirmSmsCode({ deps: selfService(c), workspaceSlug: workspace, pageSlug, input, clientAddress: clientAddress(c) });
      const pageUrl = page && statusPageUrl(c, page);
      if (result.outcome === 'confirmed') {
        const preferencesPath = `/subscriptions/${result.token}`;
        return json
          ? c.json({ state: 'active', preferences_url: `${c.var.deps.publicUrl}${preferencesPath}` }, 200)
          : c.html(subscribedPage({ language: result.language, pageName: page!.name, preferencesUrl: preferencesPath, pageUrl }), 200);
      }
      if (json) throw codeRefused(result.outcome);
      return c.html(enterCodePage({ language: result.language, action: c.req.path, subscriberId: String(form!.subscriber_id ?? ''), failure: result.outcome, pageUrl }), 400);
    } catch (error) {
      if (json) throw error;
      return formProblem(c, error, chosenLanguage(form, page), page);
    }
  });

  app.get('/subscriptions/:token', (c) =>
    withSubscription(c, getSubscription({ deps: selfService(c), token: c.req.param('token') }), (view) => c.html(preferencesPage(preferencesOptions(c, view)))),
  );
  app.post('/subscriptions/:token', async (c) => {
    const json = isJson(c);
    const input = json ? await readJson(c) : preferencesInput(await readForm(c));
    return withSubscription(c, updatePreferences({ deps: selfService(c), token: c.req.param('token'), input }), (view) =>
      json ? c.json(publicView(view), 200) : c.html(preferencesPage({ ...preferencesOptions(c, view), saved: true })),
    );
  });

  app.get('/subscriptions/:token/confirm', (c) =>
    withSubscription(c, getSubscription({ deps: selfService(c), token: c.req.param('token') }), (view) =>
      view.state === 'active'
        ? c.html(subscribedPage({ language: view.language, pageName: view.page.name, preferencesUrl: base(view), pageUrl: statusPageUrl(c, view.page) }))
        : c.html(confirmPage({ language: view.language, pageName: view.page.name, action: `${base(view)}/confirm` })),
    ),
  );
  app.post('/subscriptions/:token/confirm', (c) =>
    withSubscription(c, confirmSubscription({ deps: selfService(c), token: c.req.param('token') }), ({ outcome, view }) =>
      outcome === 'unsubscribed'
        ? c.html(unsubscribedPage({ language: view.language, pageName: view.page.name, base: base(view), pageUrl: statusPageUrl(c, view.page) }))
        : c.html(subscribedPage({ language: view.language, pageName: view.page.name, preferencesUrl: base(view), pageUrl: statusPageUrl(c, view.page) })),
    ),
  );

  app.get('/subscriptions/:token/unsubscribe', (c) =>
    withSubscription(c, getSubscription({ deps: selfService(c), token: c.req.param('token') }), (view) =>
      view.state === 'unsubscribed'
        ? c.html(unsubscribedPage({ language: view.language, pageName: view.page.name, base: base(view), pageUrl: statusPageUrl(c, view.page) }))
        : c.html(unsubscribePage({ language: view.language, pageName: view.page.name, action: `${base(view)}/unsubscribe` })),
    ),
  );
  // RFC 8058 one-click: a mail client POSTs `List-Unsubscribe=One-Click` with no cookie and no page
  // shown first; the token in the URL is the whole authorization, as for the button.
  app.post('/subscriptions/:token/unsubscribe', (c) =>
    withSubscription(c, unsubscribe({ deps: selfService(c), token: c.req.param('token') }), (view) =>
      isJson(c) ? c.json(publicView(view), 200) : c.html(unsubscribedPage({ language: view.language, pageName: view.page.name, base: base(view), pageUrl: statusPageUrl(c, view.page) })),
    ),
  );
  app.post('/subscriptions/:token/resubscribe', (c) =>
    withSubscription(c, resubscribe({ deps: selfService(c), token: c.req.param('token') }), (view) =>
      c.html(subscribedPage({ language: view.language, pageName: view.page.name, preferencesUrl: base(view), pageUrl: statusPageUrl(c, view.page) })),
    ),
  );
}

function selfService(c: Context<AppEnv>): SelfServiceDeps {
  const { db, queue, now, publicUrl } = c.var.deps;
  return { db, queue, now, publicUrl };
}

/** Lets the status page's own origin read the answer; any other origin's browser is refused it. */
function allowCors(c: Context<AppEnv>, page: SubscribablePage): boolean {
  c.header('Vary', 'Origin');
  const origin = c.req.header('origin');
  if (!origin || origin !== pageOrigin(page, c.var.deps.statusUrl)) return false;
  c.header('Access-Control-Allow-Origin', origin);
  return true;
}

function statusPageUrl(c: Context<AppEnv>, page: { url: string | null; slug?: string; pageSlug?: string }): string | undefined {
  const statusUrl = c.var.deps.statusUrl;
  return page.url ?? (statusUrl ? `${statusUrl.replace(/\/+$/, '')}/${page.slug ?? page.pageSlug}` : undefined);
}

function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Not on a socket (tests through app.request): one bucket for all.
    return 'unknown';
  }
}

function isJson(c: Context<AppEnv>): boolean {
  return /^application\/(?:[\w.-]+\+)?json\b/i.test(c.req.header('content-type') ?? '');
}

async function readJson(c: Context<AppEnv>): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new TocsinError('invalid', 'malformed-body', 'The request body is not valid JSON.');
  }
}

async function readForm(c: Context<AppEnv>): Promise<Form> {
  try {
    return (await c.req.parseBody({ all: true })) as Form;
  } catch {
    return {};
  }
}

function field(form: Form | undefined, name: string): string | undefined {
  const value = form?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : undefined;
}

function fields(form: Form, name: string): string[] {
  return [form[name] ?? []].flat().filter((value): value is string => typeof value === 'string' && value !== '');
}

function subscribeInput(form: Form) {
  const channel = field(form, 'channel');
  const language = field(form, 'language');
  const components = fields(form, 'components');
  return { address: field(form, 'address') ?? '', ...(channel ? { channel } : {}), ...(language ? { language } : {}), ...(components.length > 0 ? { components } : {}) };
}

/** The preferences form: "all" clears the component list, "some" keeps the ticked ones. */
function preferencesInput(form: Form) {
  const language = field(form, 'language');
  const scope = field(form, 'scope');
  return { ...(language ? { language } : {}), ...(scope ? { components: scope === 'all' ? [] : fields(form, 'components') } : {}) };
}

function chosenLanguage(form: Form | undefined, page: SubscribablePage | undefined): Language {
  const asked = field(form, 'language');
  return asked === 'fr' || asked === 'en' ? asked : (page?.language ?? 'en');
}

/** A refused form, as a page in the reader's language with the status the API would give. */
function formProblem(c: Context<AppEnv>, error: unknown, language: Language, page: SubscribablePage | undefined) {
  if (!isTocsinError(error)) throw error;
  const { problem, headers } = toProblem(error, c.var.requestId);
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  const pageUrl = page && statusPageUrl(c, page);
  const retryAfterSeconds = error instanceof RateLimitedError ? error.retryAfterSeconds : undefined;
  return c.html(problemPage({ language, detail: problem.detail, reason: error.reason, pageUrl, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) }), problem.status as 400);
}

function codeRefused(outcome: 'wrong' | 'expired' | 'too-many-attempts'): TocsinError {
  switch (outcome) {
    case 'wrong':
      return new TocsinError('invalid', 'code-wrong', 'This code is not the right one.');
    case 'expired':
      return new TocsinError('invalid', 'code-expired', 'This code has expired: subscribe again to receive a new one.');
    case 'too-many-attempts':
      return new TocsinError('invalid', 'code-attempts-exceeded', 'Too many wrong codes: subscribe again in a few minutes to receive a new one.');
  }
}

/**
 * Runs a token verb; an unknown or malformed token gets the same 404 page, which says nothing more.
 * The token stays on Tocsin: the app's Referrer-Policy (same-origin) keeps it out of other sites' logs.
 */
async function withSubscription<T>(c: Context<AppEnv>, result: Promise<T | undefined>, render: (value: T) => Response | Promise<Response>): Promise<Response> {
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex');
  const value = await result;
  if (value === undefined) return c.html(linkNotFoundPage(preferredLanguage(c.req.header('accept-language'))), 404);
  return render(value);
}

const base = (view: SubscriptionView) => `/subscriptions/${view.token}`;

function preferencesOptions(c: Context<AppEnv>, view: SubscriptionView) {
  return {
    language: view.language,
    pageName: view.page.name,
    pageUrl: statusPageUrl(c, view.page),
    address: view.address,
    state: view.state,
    allComponents: view.allComponents,
    componentIds: view.componentIds,
    components: view.components,
    base: base(view),
  };
}

/** What the JSON side of the token pages answers: the subscription, not the token. */
function publicView(view: SubscriptionView) {
  return { state: view.state, channel: view.channel, address: view.address, language: view.language, all_components: view.allComponents, component_ids: view.componentIds, page: { name: view.page.name } };
}
