import { z } from 'zod';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { roles } from '../../../domain/access/roles.ts';
import { UpdateWorkspaceInput, getWorkspace, updateWorkspace } from '../../../services/workspace/update-workspace.ts';
import { AddUserInput, addUser } from '../../../services/access/add-user.ts';
import { listMembers } from '../../../services/access/list-members.ts';
import { removeMember } from '../../../services/access/remove-member.ts';
import { CreateTokenInput, createToken, listTokens } from '../../../services/access/create-token.ts';
import { revokeToken } from '../../../services/access/revoke-token.ts';
import { CreatePageInput, UpdatePageInput, createPage, deletePage, getPage, listPages, updatePage } from '../../../services/page/pages.ts';
import { ListAuditInput, listAudit } from '../../../services/audit/list-audit.ts';
import { requestPublish } from '../../../services/status-page/request-publish.ts';
import { PublishTargetInput, addPublishTarget, listPublishTargets, removePublishTarget } from '../../../services/status-page/publish-targets.ts';
import { adminRoute, ctxOf } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { IdParam, expectedVersion, idempotent, jsonBody, ok, problemResponses, versioned } from '../http.ts';

const Workspace = z.object({ id: z.string(), slug: z.string(), name: z.string(), time_zone: z.string(), default_language: z.string(), created_at: z.string(), updated_at: z.string(), version: z.number() });
const Member = z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(roles), locale: z.string(), has_password: z.boolean() });
const Token = z.object({ id: z.string(), name: z.string(), role: z.enum(roles), created_at: z.string(), expires_at: z.string().nullable(), last_used_at: z.string().nullable(), revoked_at: z.string().nullable() });
const Page = z.object({
  id: z.string(), slug: z.string(), name: z.string(), language: z.string(), time_zone: z.string(), visibility: z.string(), url: z.string().nullable(),
  created_at: z.string(), updated_at: z.string(), version: z.number(),
  content_version: z.number().describe('Moves on with every public change'),
  published_version: z.number().describe('The content version last published everywhere; behind content_version while publishing or failing'),
  published_at: z.string().nullable(), last_publish_error: z.string().nullable(), next_publish_at: z.string().nullable(),
  has_password: z.boolean().describe('Private pages: whether a password opens them'), allowed_email_domains: z.array(z.string()),
});
const Target = z.object({ id: z.string(), page_id: z.string(), config: z.record(z.string(), z.unknown()), published_at: z.string().nullable(), last_error: z.string().nullable(), created_at: z.string() });
const TargetParams = z.object({ id: z.string().max(64), targetId: z.string().max(64) });
const AuditEntry = z.object({ id: z.number(), at: z.string(), actor_type: z.string(), actor_id: z.string().nullable(), actor_name: z.string(), action: z.string(), entity_type: z.string(), entity_id: z.string(), before: z.unknown(), after: z.unknown(), request_id: z.string().nullable() });
const notFound = { 404: { description: 'Not found' } };
const stale = { 412: { description: 'If-Match is stale' } };

export function registerWorkspaceRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    adminRoute('workspace.read', { method: 'get', path: '/api/admin/workspace', tags: ['Workspace'], summary: 'The workspace of the caller', responses: { 200: ok(Workspace, 'The workspace'), ...problemResponses } }),
    async (c) => versioned(c, await getWorkspace({ ctx: ctxOf(c) })),
  );
  app.openapi(
    adminRoute('workspace.manage', { method: 'patch', path: '/api/admin/workspace', tags: ['Workspace'], summary: 'Edit the workspace', request: jsonBody(UpdateWorkspaceInput), responses: { 200: ok(Workspace, 'The workspace'), ...problemResponses, ...stale } }),
    async (c) => versioned(c, await updateWorkspace({ ctx: ctxOf(c), input: c.req.valid('json'), expectedVersion: expectedVersion(c) })),
  );

  app.openapi(
    adminRoute('workspace.read', { method: 'get', path: '/api/admin/members', tags: ['People'], summary: 'People of the workspace and their roles', responses: { 200: ok(z.object({ members: z.array(Member) }), 'Members'), ...problemResponses } }),
    async (c) => c.json({ members: await listMembers({ ctx: ctxOf(c) }) }, 200),
  );
  app.openapi(
    adminRoute('member.manage', { method: 'post', path: '/api/admin/members', tags: ['People'], summary: 'Add a person with a role (or change the role of a member)', request: jsonBody(AddUserInput), responses: { 201: ok(Member, 'The member'), ...problemResponses } }),
    async (c) => idempotent(c, ctxOf(c), (ctx) => addUser({ ctx, input: c.req.valid('json') })),
  );
  app.openapi(
    adminRoute('member.manage', { method: 'delete', path: '/api/admin/members/{id}', tags: ['People'], summary: 'Remove a person from the workspace', request: { params: IdParam }, responses: { 204: { description: 'Removed' }, ...problemResponses, ...notFound, 409: { description: 'The last owner' } } }),
    async (c) => {
      await removeMember({ ctx: ctxOf(c), userId: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );

  app.openapi(
    adminRoute('token.manage', { method: 'get', path: '/api/admin/tokens', tags: ['API tokens'], summary: 'API tokens (never their secret)', responses: { 200: ok(z.object({ tokens: z.array(Token) }), 'Tokens'), ...problemResponses } }),
    async (c) => c.json({ tokens: await listTokens({ ctx: ctxOf(c) }) }, 200),
  );
  app.openapi(
    adminRoute('token.manage', { method: 'post', path: '/api/admin/tokens', tags: ['API tokens'], summary: 'Create an API token scoped to a role; the secret is shown once', request: jsonBody(CreateTokenInput), responses: { 201: ok(Token.extend({ token: z.string() }), 'The token with its secret'), ...problemResponses } }),
    async (c) => idempotent(c, ctxOf(c), (ctx) => createToken({ ctx, input: c.req.valid('json') })),
  );
  app.openapi(
    adminRoute('token.manage', { method: 'delete', path: '/api/admin/tokens/{id}', tags: ['API tokens'], summary: 'Revoke an API token', request: { params: IdParam }, responses: { 200: ok(Token, 'The revoked token'), ...problemResponses, ...notFound } }),
    async (c) => c.json(await revokeToken({ ctx: ctxOf(c), id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    adminRoute('workspace.read', { method: 'get', path: '/api/admin/pages', tags: ['Status pages'], summary: 'Status pages of the workspace', responses: { 200: ok(z.object({ pages: z.array(Page) }), 'Pages'), ...problemResponses } }),
    async (c) => c.json({ pages: await listPages({ ctx: ctxOf(c) }) }, 200),
  );
  app.openapi(
    adminRoute('page.manage', { method: 'post', path: '/api/admin/pages', tags: ['Status pages'], summary: 'Create a status page', request: jsonBody(CreatePageInput), responses: { 201: ok(Page, 'The page'), ...problemResponses, 409: { description: 'Slug taken' } } }),
    async (c) => idempotent(c, ctxOf(c), (ctx) => createPage({ ctx, input: c.req.valid('json') })),
  );
  app.openapi(
    adminRoute('workspace.read', { method: 'get', path: '/api/admin/pages/{id}', tags: ['Status pages'], summary: 'Get a status page', request: { params: IdParam }, responses: { 200: ok(Page, 'The page'), ...problemResponses, ...notFound } }),
    async (c) => versioned(c, await getPage({ ctx: ctxOf(c), id: c.req.valid('param').id })),
  );
  app.openapi(
    adminRoute('page.manage', { method: 'patch', path: '/api/admin/pages/{id}', tags: ['Status pages'], summary: 'Edit a status page', request: { params: IdParam, ...jsonBody(UpdatePageInput) }, responses: { 200: ok(Page, 'The page'), ...problemResponses, ...notFound, ...stale } }),
    async (c) => versioned(c, await updatePage({ ctx: ctxOf(c), id: c.req.valid('param').id, input: c.req.valid('json'), expectedVersion: expectedVersion(c) })),
  );
  app.openapi(
    adminRoute('page.manage', { method: 'delete', path: '/api/admin/pages/{id}', tags: ['Status pages'], summary: 'Delete a status page', request: { params: IdParam }, responses: { 204: { description: 'Deleted' }, ...problemResponses, ...notFound, ...stale } }),
    async (c) => {
      await deletePage({ ctx: ctxOf(c), id: c.req.valid('param').id, expectedVersion: expectedVersion(c) });
      return c.body(null, 204);
    },
  );

  app.openapi(
    adminRoute('page.manage', { method: 'post', path: '/api/admin/pages/{id}/publish', tags: ['Status pages'], summary: 'Build and publish the page again now, even if nothing changed', request: { params: IdParam }, responses: { 202: { description: 'Queued: the publishers start at once; follow published_version on the page' }, ...problemResponses, ...notFound } }),
    async (c) => {
      await requestPublish({ ctx: ctxOf(c), pageId: c.req.valid('param').id });
      return c.body(null, 202);
    },
  );
  app.openapi(
    adminRoute('page.manage', { method: 'get', path: '/api/admin/pages/{id}/targets', tags: ['Status pages'], summary: 'Where the page is published besides Tocsin\'s own folder', request: { params: IdParam }, responses: { 200: ok(z.object({ targets: z.array(Target) }), 'Targets'), ...problemResponses } }),
    async (c) => c.json({ targets: await listPublishTargets({ ctx: ctxOf(c), pageId: c.req.valid('param').id }) }, 200),
  );
  app.openapi(
    adminRoute('page.manage', { method: 'post', path: '/api/admin/pages/{id}/targets', tags: ['Status pages'], summary: 'Publish the page to a folder, an S3-compatible bucket or a git remote too (credentials by environment variable name)', request: { params: IdParam, ...jsonBody(PublishTargetInput) }, responses: { 201: ok(Target, 'The target'), ...problemResponses, ...notFound } }),
    async (c) => idempotent(c, ctxOf(c), (ctx) => addPublishTarget({ ctx, pageId: c.req.valid('param').id, input: c.req.valid('json') })),
  );
  app.openapi(
    adminRoute('page.manage', { method: 'delete', path: '/api/admin/pages/{id}/targets/{targetId}', tags: ['Status pages'], summary: 'Stop publishing the page to a target (its files stay there)', request: { params: TargetParams }, responses: { 204: { description: 'Removed' }, ...problemResponses, ...notFound } }),
    async (c) => {
      const { id, targetId } = c.req.valid('param');
      await removePublishTarget({ ctx: ctxOf(c), pageId: id, targetId });
      return c.body(null, 204);
    },
  );

  app.openapi(
    adminRoute('audit.read', { method: 'get', path: '/api/admin/audit', tags: ['Audit log'], summary: 'The audit log, newest first (keyset pages)', request: { query: ListAuditInput }, responses: { 200: ok(z.object({ entries: z.array(AuditEntry), next_cursor: z.string().nullable() }), 'A page of entries'), ...problemResponses } }),
    async (c) => c.json(await listAudit({ ctx: ctxOf(c), input: c.req.valid('query') }), 200),
  );
}
