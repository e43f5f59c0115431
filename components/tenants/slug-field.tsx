"use client";

import { CircleCheck, CircleX, LoaderCircle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { type SlugStatus, useSlugAvailability } from "./use-slug-availability";

/**
 * A hotel's subdomain with its root-domain suffix, checked live as it changes
 * ("grandview.localhost:3000 is available" or the reason it is not, with a free variant to take).
 */
export function SlugField({
  id = "slug",
  value,
  onChange,
  rootDomain,
  error,
}: {
  id?: string;
  value: string;
  onChange: (slug: string) => void;
  rootDomain: string;
  error?: string;
}) {
  const status = useSlugAvailability(value);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="flex flex-col gap-1.5" data-slot="form-field">
      <Label htmlFor={id}>
        Subdomain
        <span aria-hidden className="text-red-500">
          *
        </span>
      </Label>
      <div className="flex items-stretch">
        <Input
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value.toLowerCase().trim())}
          className="rounded-r-none font-mono"
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          aria-required
          aria-invalid={error || status.state === "unavailable" ? true : undefined}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        />
        <span className="inline-flex items-center rounded-r-md border border-l-0 border-zinc-300 bg-zinc-50 px-3 text-sm text-zinc-500">
          .{rootDomain}
        </span>
      </div>
      <p id={hintId} className="text-[13px] text-zinc-500" aria-live="polite">
        <SlugHint status={status} rootDomain={rootDomain} />
      </p>
      {status.state === "unavailable" && status.suggestion ? (
        <p className="text-[13px] text-zinc-600">
          <Button type="button" variant="link" size="sm" onClick={() => onChange(status.suggestion ?? value)}>
            Use {status.suggestion}
          </Button>{" "}
          instead?
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-[13px] font-medium text-red-600" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function SlugHint({ status, rootDomain }: { status: SlugStatus; rootDomain: string }) {
  switch (status.state) {
    case "idle":
      return <>The portal's address: lowercase letters, digits and hyphens.</>;
    case "checking":
      return (
        <span className="inline-flex items-center gap-1">
          <LoaderCircle className="size-3.5 animate-spin" aria-hidden /> Checking {status.slug}.{rootDomain}…
        </span>
      );
    case "available":
      return (
        <span className="inline-flex items-center gap-1 text-emerald-700">
          <CircleCheck className="size-3.5" aria-hidden /> {status.slug}.{rootDomain} is available
        </span>
      );
    case "unavailable":
      return (
        <span className="inline-flex items-center gap-1 text-red-600">
          <CircleX className="size-3.5" aria-hidden /> {status.reason}
        </span>
      );
    case "error":
      return <>This address could not be checked right now; it will be when you submit.</>;
  }
}
