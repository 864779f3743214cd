import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.ts';
import { registerSessionRoutes } from './session.ts';
import { registerWorkspaceRoutes } from './workspace.ts';
import { registerComponentRoutes } from './components.ts';
import { registerMaintenanceRoutes } from './maintenances.ts';
import { registerIncidentRoutes } from './incidents.ts';
import { registerPrivatePageRoutes } from './private-pages.ts';
import { registerFactsRoutes } from './facts.ts';
import { registerSettingsRoutes } from './settings.ts';
import { registerMessageRoutes } from './messages.ts';
import { registerDeliveryRoutes } from './deliveries.ts';
import { registerRegulatoryRoutes } from './regulatory.ts';
import { registerBreachRegisterRoutes } from './breach-register.ts';
import { registerRegulatoryReportRoutes } from './regulatory-reports.ts';
import { registerChannelRoutes } from './channels.ts';
import { registerSubscriptionRoutes } from './subscriptions.ts';
import { registerPublicSubscriptionRoutes } from './public-subscriptions.ts';

export function registerRoutes(app: OpenAPIHono<AppEnv>) {
  registerSessionRoutes(app);
  registerWorkspaceRoutes(app);
  registerComponentRoutes(app);
  registerMaintenanceRoutes(app);
  registerIncidentRoutes(app);
  registerPrivatePageRoutes(app);
  registerFactsRoutes(app);
  registerSettingsRoutes(app);
  registerMessageRoutes(app);
  registerDeliveryRoutes(app);
  registerRegulatoryRoutes(app);
  registerBreachRegisterRoutes(app);
  registerRegulatoryReportRoutes(app);
  registerChannelRoutes(app);
  registerSubscriptionRoutes(app);
  registerPublicSubscriptionRoutes(app);
}
