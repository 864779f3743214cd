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
] as const;
export type Permission = (typeof permissions)[number];

const readOnly: Permission[] = ['workspace.read', 'component.read', 'incident.read', 'maintenance.read'];

/**
 * What each role may do. Incident leads run incidents and the components they affect; the
 * communications lead writes the updates; reviewers and support read (their own verbs come with
 * approval and support scripts); only owners manage people, tokens, pages and the audit log.
 */
export function permissionsOf(role: Role): readonly Permission[] {
  switch (role) {
    case 'owner':
      return permissions;
    case 'incident_lead':
      return [...readOnly, 'component.set_status', 'incident.open', 'incident.update', 'incident.manage', 'maintenance.manage'];
    case 'comms_lead':
      return [...readOnly, 'incident.open', 'incident.update', 'maintenance.manage'];
    case 'reviewer':
    case 'support':
    case 'viewer':
      return readOnly;
  }
}

export function can(role: Role, permission: Permission): boolean {
  return permissionsOf(role).includes(permission);
}
