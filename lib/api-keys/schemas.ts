import { z } from "zod";
import { platformRoles } from "@/lib/auth/permissions";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Give the key a name").max(80, "Use at most 80 characters"),
  role: z.enum(platformRoles),
  /** Optional end of validity; must be in the future. */
  expiresAt: z.coerce
    .date()
    .refine((d) => d.getTime() > Date.now(), "Choose a time in the future")
    .nullish(),
});

export const revokeApiKeySchema = z.object({ id: z.uuid() });

export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;
