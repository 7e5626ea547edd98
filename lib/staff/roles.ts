// What each staff role may do. The data layer asks `can()` (through `authorize()` in session.ts) before
// every read or change; pages only use it to decide what to show.

import { serverConfig } from '@/lib/config/env';

export const staffRoles = ['admin', 'staff', 'privacy'] as const;
export type StaffRole = (typeof staffRoles)[number];

export type Permission =
  | 'candidates:read'
  | 'candidates:export'
  | 'candidates:manage' // record a consent revocation, delete on request
  | 'staff:manage'
  | 'audit:read'
  | 'organizations:read' // the organizations' requests from /join
  | 'organizations:manage' // change a request's status
  | 'requests:manage' // the register of consultas and reclamos (Ley 1581 arts. 14-15): read, record, extend, answer
  | 'incidents:manage' // the register of security incidents
  | 'partners:manage' // the partner organizations data is shared with
  | 'account:own' // one's own password, second factor and recovery codes
  | 'opportunities:announce' // announce an opportunity to matching candidates, move them through its pipeline
  | 'opportunities:manage'; // create, edit, publish and close training cohorts and job openings

const grants: Record<StaffRole, readonly Permission[]> = {
  admin: [
    'candidates:read',
    'candidates:export',
    'candidates:manage',
    'staff:manage',
    'audit:read',
    'organizations:read',
    'organizations:manage',
    'requests:manage',
    'incidents:manage',
    'partners:manage',
    'account:own',
    'opportunities:announce',
    'opportunities:manage',
  ],
  staff: ['candidates:read', 'candidates:export', 'organizations:read', 'organizations:manage', 'account:own', 'opportunities:announce', 'opportunities:manage'],
  // The area that handles requests: reads candidates and runs the request register; exports nothing.
  privacy: ['candidates:read', 'requests:manage', 'account:own'],
};

/**
 * Who may export. Both roles by default, as the agency asked; STAFF_EXPORT_ROLES=admin narrows it (for
 * instance while an employer agreement is pending) without a release.
 */
function exportRoles(): readonly StaffRole[] {
  return serverConfig().STAFF_EXPORT_ROLES;
}

export function can(role: StaffRole, permission: Permission): boolean {
  if (permission === 'candidates:export' && !exportRoles().includes(role)) return false;
  return grants[role].includes(permission);
}

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (staffRoles as readonly string[]).includes(value);
}
