import { httpUrlOf, isLoopbackHost, jsonObjectOf, postJsonForReply, type HttpReply } from '../http/post-json.ts';
import type { SendResult } from '../outcome.ts';
import { discordPayload, googleChatPayload, mattermostPayload, slackPayload, teamsPayload, type ChatMessage } from './formats.ts';

export const chatKinds = ['slack', 'teams', 'discord', 'google_chat', 'mattermost'] as const;
export type ChatKind = (typeof chatKinds)[number];

/** An incoming-webhook URL: it is the credential, so it never appears whole in an error. */
export interface ChatEndpoint {
  kind: ChatKind;
  url: string;
}

export interface ChatSenderOptions {
  /** (Default: 15 000) */
  timeoutMs?: number;
}

export interface ChatSender {
  /** One attempt. Resolves with the outcome; throws only on a caller's mistake (a non-http incident URL). */
  send(endpoint: ChatEndpoint, message: ChatMessage): Promise<SendResult>;
}

export interface ChatUrlCheck {
  ok: boolean;
  errors: string[];
  /** Worth showing, not blocking: proxies and self-hosted gateways have their own hosts. */
  warnings: string[];
}

/** Posts updates to chat platforms' incoming webhooks. */
export function createChatSender(options: ChatSenderOptions = {}): ChatSender {
  return {
    send(endpoint, message) {
      const payload = payloadFor(endpoint.kind, message);
      const check = validateChatUrl(endpoint.kind, endpoint.url);
      if (!check.ok) return Promise.resolve({ accepted: false, permanent: true, response: '', error: check.errors.join(' ') });
      const url = new URL(endpoint.url);
      // Discord answers 204 before storing the message unless asked to wait; with wait=true a 2xx means posted.
      if (endpoint.kind === 'discord') url.searchParams.set('wait', 'true');
      return postJsonForReply(url.href, payload, options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }).then(({ result, reply }) => (reply ? readReply(endpoint.kind, result, reply) : result));
    },
  };
}

function payloadFor(kind: ChatKind, message: ChatMessage): object {
  switch (kind) {
    case 'slack':
      return slackPayload(message);
    case 'teams':
      return teamsPayload(message);
    case 'discord':
      return discordPayload(message);
    case 'google_chat':
      return googleChatPayload(message);
    case 'mattermost':
      return mattermostPayload(message);
  }
}

/** What each platform's reply says beyond its status: a deleted webhook, the posted message's id. */
function readReply(kind: ChatKind, result: SendResult, reply: HttpReply): SendResult {
  switch (kind) {
    case 'slack': {
      // Slack names the reason in plain text: https://api.slack.com/messaging/webhooks#handling_errors
      const reason = reply.body.trim();
      if (result.accepted) return result;
      if (reply.status === 404 || reply.status === 410 || slackGoneReasons.has(reason)) return { ...result, permanent: true, gone: true, error: `Slack refused the message: ${reason || reply.status}; the webhook no longer posts anywhere.` };
      return reason ? { ...result, error: `Slack refused the message: ${reason}` } : result;
    }
    case 'discord': {
      const body = jsonObjectOf(reply.body);
      if (result.accepted) return typeof body?.id === 'string' ? { ...result, providerId: body.id } : result;
      // 10015 Unknown Webhook, 50027 Invalid Webhook Token: the webhook was deleted or reset.
      if (reply.status === 404 || body?.code === 10015 || body?.code === 50027) return { ...result, permanent: true, gone: true, error: `Discord refused the message: ${String(body?.message ?? reply.status)}; the webhook no longer exists.` };
      return result;
    }
    case 'google_chat': {
      const body = jsonObjectOf(reply.body);
      return result.accepted && typeof body?.name === 'string' ? { ...result, providerId: body.name } : result;
    }
    case 'teams':
    case 'mattermost':
      return result;
  }
}

const slackGoneReasons = new Set(['no_service', 'channel_not_found', 'channel_is_archived', 'invalid_token', 'no_team', 'team_disabled']);

/** The hosts each platform's webhook URLs use; Mattermost is self-hosted, so any host. */
const expectedHosts: Record<ChatKind, string[]> = {
  slack: ['hooks.slack.com', 'hooks.slack-gov.com'],
  // Workflows URLs; Office 365 connector URLs (*.webhook.office.com) are being retired by Microsoft.
  teams: ['logic.azure.com', 'api.powerplatform.com'],
  discord: ['discord.com', 'discordapp.com'],
  google_chat: ['chat.googleapis.com'],
  mattermost: [],
};

/** Whether a webhook URL can be used for `kind`: https (plain http only on loopback, for tests and development). */
export function validateChatUrl(kind: ChatKind, url: string): ChatUrlCheck {
  const parsed = httpUrlOf(url);
  if (typeof parsed === 'string') return { ok: false, errors: [parsed], warnings: [] };
  const isLoopback = isLoopbackHost(parsed.hostname);
  const errors = parsed.protocol === 'https:' || isLoopback ? [] : ['The webhook URL must use https: it is a credential, and the messages would travel in clear.'];
  const warnings: string[] = [];
  const hosts = expectedHosts[kind];
  const host = parsed.hostname.toLowerCase();
  if (!isLoopback && hosts.length > 0 && !hosts.some((expected) => host === expected || host.endsWith(`.${expected}`))) {
    const legacyTeams = kind === 'teams' && host.endsWith('.webhook.office.com');
    warnings.push(
      legacyTeams
        ? 'This is an Office 365 connector URL, which Microsoft is retiring: create a Workflows webhook in Teams instead.'
        : `${host} is not where ${kind} webhooks usually live (${hosts.join(', ')}); check that the URL was copied whole.`,
    );
  }
  return { ok: errors.length === 0, errors, warnings };
}
