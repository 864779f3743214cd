export const roles = ['owner', 'incident_lead', 'comms_lead', 'reviewer', 'support', 'viewer'] as const;
export type Role = (typeof roles)[number];

/** Every permission an admin route may require; `area.verb`. */
export const permissions = [
  'workspace.read',
  'workspace.manage',
  'member.manage',
  'token.manage',
  'audit.read',
  'page.manage',
  'component.read',
  'component.manage',
  'component.set_status',
  'incident.read',
  'incident.open',
  'incident.update',
  'incident.manage',
  'maintenance.read',
  'maintenance.manage',
  'export.run',
  'facts.read',
  'facts.edit',
  'message.write',
  'message.review',
  'message.publish',
  'message.publish_emergency',
  'settings.manage',
  'subscribers.read',
  'subscribers.manage',
  'channels.manage',
  'delivery.read',
  'delivery.retry',
  'regulatory.read',
  'regulatory.manage',
  'compensation.manage',
  'listening.read',
  'listening.manage',
  'report.read',
  'drill.run',
  'plan.read',
  'plan.manage',
] as const;
export type Permission = (typeof permissions)[number];

const readOnly: Permission[] = ['workspace.read', 'component.read', 'incident.read', 'maintenance.read', 'facts.read', 'delivery.read', 'plan.read'];

/**
 * What each role may do. Incident leads run incidents and the components they affect, and alone may
 * publish in an emergency without review; the communications lead keeps the fact sheet, writes,
 * reviews and publishes messages and sets the workspace's audiences, glossary and templates;
 * reviewers (legal) approve or ask for changes. Subscribers are personal data: the communications
 * lead manages them and the team's channels, support looks a subscriber up, viewers do not. Those
 * who publish may replay failed deliveries. The legal clocks (breach risk, reports filed) are for those
 * who run the incident and for legal, not for support or viewers. Only owners manage people, tokens,
 * pages and the audit log. After the crisis, those who run it define compensation, read the
 * post-crisis reports and run drills; the communications lead keeps the listening inbox (support reads
 * it: they hear the rumors first) and, with incident leads, the crisis plan everyone may read.
 */
export function permissionsOf(role: Role): readonly Permission[] {
  switch (role) {
    case 'owner':
      return permissions;
    case 'incident_lead':
      return [
        ...readOnly, 'component.set_status', 'incident.open', 'incident.update', 'incident.manage', 'maintenance.manage',
        'facts.edit', 'message.write', 'message.publish', 'message.publish_emergency', 'delivery.retry', 'regulatory.read', 'regulatory.manage',
        'compensation.manage', 'listening.read', 'report.read', 'drill.run', 'plan.manage',
      ];
    case 'comms_lead':
      return [...readOnly, 'incident.open', 'incident.update', 'maintenance.manage', 'facts.edit', 'message.write', 'message.review', 'message.publish', 'settings.manage',
        'subscribers.read', 'subscribers.manage', 'channels.manage', 'delivery.retry', 'regulatory.read', 'regulatory.manage',
        'compensation.manage', 'listening.read', 'listening.manage', 'report.read', 'drill.run', 'plan.manage'];
    case 'reviewer':
      return [...readOnly, 'message.review', 'regulatory.read', 'regulatory.manage', 'report.read'];
    case 'support':
      return [...readOnly, 'subscribers.read', 'listening.read'];
    case 'viewer':
      return readOnly;
  }
}

export function can(role: Role, permission: Permission): boolean {
  return permissionsOf(role).includes(permission);
}
