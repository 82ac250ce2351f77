/**
 * The roles of design.md. A person may hold several. `authority-head`: the head (负责人) of a
 * deciding authority (authorityId), who approves extensions of its cases (行政许可法 §42).
 */
export const roles = ['administrator', 'clerk', 'reviewer', 'supervisor', 'auditor', 'director', 'authority-head'] as const;
export type Role = (typeof roles)[number];

/** A signed-in staff member, as every request after login sees them. */
export interface Staff {
  id: string;
  username: string;
  name: string;
  orgUnitId: string;
  windowId?: string;
  roles: Role[];
  /** A/B posts: the A post this staff member stands in for while A is absent. */
  backupFor?: string;
  absent: boolean;
  /** The department a reviewer belongs to: a joint review step goes to `reviewer:<department>`. */
  department?: string;
  /** The deciding authority this person belongs to; with the role authority-head, its head. */
  authorityId?: string;
  /** Signed in with a one-time password: nothing but changing it is allowed until it is changed. */
  mustChangePassword?: boolean;
  /** Disabled by an administrator: cannot sign in (kept, since cases and logs name them). */
  disabled?: boolean;
}
