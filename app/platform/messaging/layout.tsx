// Console > Messaging: one section for the message log, failed sends, the dev outbox, templates,
// providers, SMS credits and the settings import, under a shared sub-navigation. Each page runs
// its own guard too; this one keeps the section itself to admins who may read messaging.
import { requirePlatformRole } from "@/lib/auth/guards";
import { MessagingNav } from "./messaging-nav";

export default async function MessagingLayout({ children }: { children: React.ReactNode }) {
  await requirePlatformRole("messaging.read");
  return (
    <div className="space-y-6">
      <MessagingNav />
      {children}
    </div>
  );
}
