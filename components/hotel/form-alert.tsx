import { ArrowUpRight, Sparkles } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import type { Refusal } from "./refusal";

/**
 * The message at the top of a hotel form. A plan limit gets an upgrade prompt with a way to the
 * plan page instead of a plain error: the person did nothing wrong, the plan is just full.
 */
export function FormAlert({ message, refusal }: { message: string | null; refusal?: Refusal | null }) {
  if (!message) return null;
  if (refusal?.code === "LIMIT_REACHED") {
    return (
      <div
        role="alert"
        className="flex flex-col gap-3 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
      >
        <div className="flex items-start gap-2">
          <Sparkles className="mt-0.5 size-4 shrink-0 text-amber-600" aria-hidden />
          <div className="space-y-1">
            <p className="font-medium">Upgrade your plan to add more</p>
            <p>{message}</p>
          </div>
        </div>
        <Button asChild size="sm" variant="outline" className="self-start">
          <Link href="/plan">
            See plans <ArrowUpRight aria-hidden />
          </Link>
        </Button>
      </div>
    );
  }
  return <FormError>{message}</FormError>;
}
