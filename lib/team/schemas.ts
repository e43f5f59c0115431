import { z } from "zod";
import { tenantRoles } from "@/lib/auth/permissions";

// The contract for the team's forms, server actions and services. No server-only imports: the
// invite dialog and the acceptance form import these too.

/** Same bound as lib/auth/password.ts (not imported: it pulls argon2, and forms import this file). */
const MAX_PASSWORD_LENGTH = 1024;

/** New members choose at least this many characters (as the signup does). */
export const MEMBER_PASSWORD_MIN = 10;

/** How long an invitation link stays valid. */
export const INVITATION_TTL_DAYS = 7;

export const tenantRoleSchema = z.enum(tenantRoles, "Choose a role");

export const roleLabels = { owner: "Owner", manager: "Manager", staff: "Staff" } as const;

/** One line per role, for the invite dialog and the role select. */
export const roleDescriptions = {
  owner: "Everything, including the team, the plan and billing.",
  manager: "Rooms, guests, bookings and requests; sees the team and the plan.",
  staff: "Guests, bookings, the front desk and service requests.",
} as const;

export const inviteMemberSchema = z.object({
  email: z
    .email("Enter a valid email address")
    .max(254, "Use at most 254 characters")
    .transform((e) => e.trim().toLowerCase()),
  role: tenantRoleSchema,
});
export type InviteMemberInput = z.input<typeof inviteMemberSchema>;

export const invitationIdSchema = z.object({ invitationId: z.uuid() });

export const changeMemberRoleSchema = z.object({ userId: z.uuid(), role: tenantRoleSchema });

export const removeMemberSchema = z.object({ userId: z.uuid() });

/** 32 random bytes, base64url without padding. */
export const invitationTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, "This invitation link is not valid");

export const passwordSchema = z
  .string()
  .min(MEMBER_PASSWORD_MIN, `Use at least ${MEMBER_PASSWORD_MIN} characters`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters`);

/**
 * What the acceptance form posts. For an email that already has a Hearth account, `name` is
 * ignored and `password` must be that account's password (any length it was set with).
 */
export const acceptInvitationSchema = z.object({
  token: invitationTokenSchema,
  name: z.string().trim().max(100, "Use at most 100 characters"),
  password: z.string().min(1, "Enter a password").max(MAX_PASSWORD_LENGTH),
});
export type AcceptInvitationInput = z.input<typeof acceptInvitationSchema>;

/** The acceptance form for a new account: a name, a password and its confirmation. */
export const newAccountFormSchema = z
  .object({
    name: z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters"),
    password: passwordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords do not match" });
