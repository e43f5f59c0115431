"use client";

import { ExternalLink } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { openTenantPortalAction } from "@/lib/auth/actions";

/** Opens the hotel's portal through a one-time, audited sign-in link. */
export function OpenPortalButton({ tenantId, name }: { tenantId: string; name: string }) {
  const { execute, isPending } = useAction(openTenantPortalAction, {
    onError: ({ error }) => toast.error(error.serverError ?? "Could not open the portal."),
  });
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={isPending}
      onClick={() => execute({ tenantId })}
      aria-label={`Open ${name} portal`}
    >
      <ExternalLink className="size-4" /> Open portal
    </Button>
  );
}
