"use client";

import { useEffect } from "react";
import type { ShellAccent } from "./types";

/**
 * Dialogs, menus and toasts render in portals on <body>, outside the shell's `data-accent` wrapper;
 * putting the accent on <html> too gives them the same color.
 */
export function AccentSync({ accent }: { accent: ShellAccent }) {
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.accent = accent;
    return () => {
      delete root.dataset.accent;
    };
  }, [accent]);
  return null;
}
