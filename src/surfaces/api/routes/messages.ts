import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.ts';

export function registerMessageRoutes(_app: OpenAPIHono<AppEnv>) {}
