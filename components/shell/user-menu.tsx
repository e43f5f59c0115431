"use client";

import { ChevronsUpDown, LogOut } from "lucide-react";
import { useRef } from "react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { ShellUser } from "./types";

function initials(name: string, email: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters =
    parts.length > 1 ? `${parts[0]?.[0] ?? ""}${parts.at(-1)?.[0] ?? ""}` : (parts[0] ?? email).slice(0, 2);
  return letters.toUpperCase();
}

/** The signed-in user (name, email, role) and the sign-out action, top right. */
export function UserMenu({ user, signOutAction }: { user: ShellUser; signOutAction?: () => Promise<void> }) {
  // The form lives outside the menu: the menu unmounts its items as it closes, which would cancel a
  // submit started from inside it. The item asks this form to submit instead.
  const signOutForm = useRef<HTMLFormElement>(null);
  return (
    <>
      {signOutAction ? (
        <form ref={signOutForm} action={signOutAction} hidden data-testid="sign-out-form" />
      ) : null}
      <DropdownMenu>
        <DropdownMenuTrigger
          className="flex cursor-pointer items-center gap-2.5 rounded-md py-1 pr-1.5 pl-1 text-left transition-colors hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-brand-500/60 focus-visible:outline-none data-[state=open]:bg-zinc-100"
          aria-label={`Account: ${user.name}`}
          data-testid="user-menu-trigger"
        >
          <span
            aria-hidden
            className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700"
          >
            {initials(user.name, user.email)}
          </span>
          <span className="hidden min-w-0 flex-col leading-tight sm:flex">
            <span className="max-w-48 truncate text-[13px] font-medium text-zinc-900">{user.name}</span>
            <span className="max-w-48 truncate text-xs text-zinc-500">{user.roleLabel}</span>
          </span>
          <ChevronsUpDown className="hidden size-3.5 text-zinc-400 sm:block" aria-hidden />
        </DropdownMenuTrigger>
        <DropdownMenuContent className="w-64">
          <DropdownMenuLabel className="flex flex-col gap-0.5 py-2 font-normal">
            <span className="truncate text-sm font-medium text-zinc-900">{user.name}</span>
            <span className="truncate text-xs text-zinc-500">{user.email}</span>
            <span className="mt-1 w-fit rounded bg-zinc-100 px-1.5 py-0.5 text-[11px] font-medium text-zinc-600">
              {user.roleLabel}
            </span>
          </DropdownMenuLabel>
          {signOutAction ? (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuItem onSelect={() => signOutForm.current?.requestSubmit()} data-testid="sign-out">
                <LogOut aria-hidden />
                Sign out
              </DropdownMenuItem>
            </>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
    </>
  );
}
