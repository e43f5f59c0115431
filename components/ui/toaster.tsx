"use client";

import { Toaster as SonnerToaster } from "sonner";

/**
 * The app's one toast outlet (mounted by components/providers.tsx). Call `toast.success("Saved")`
 * or `toast.error(message)` from `sonner` anywhere in client code.
 */
export function Toaster() {
  return (
    <SonnerToaster
      position="top-right"
      closeButton
      richColors
      toastOptions={{ style: { fontFamily: "var(--font-sans)", fontSize: "13px" } }}
    />
  );
}
