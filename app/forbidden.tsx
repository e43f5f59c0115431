// 403: rendered by forbidden() from the guards, e.g. a hotel account on the console, or a staff
// role opening an owner-only page. Offers a sign-out, since the fix is often "use another account".
import { headers } from "next/headers";
import Link from "next/link";
import { AuthCard } from "@/app/login/auth-card";
import { Button } from "@/components/ui/button";
import { signOutAction } from "@/lib/auth/actions";
import { getSessionUser } from "@/lib/auth/guards";
import { requestHost } from "@/lib/auth/request-info";
import { env } from "@/lib/env";
import { resolveHost } from "@/lib/tenancy/host";

export default async function Forbidden() {
  const [user, h] = await Promise.all([getSessionUser(), headers()]);
  const onConsole = resolveHost(requestHost(h), env().ROOT_DOMAIN).kind === "root";
  return (
    <AuthCard
      accent={onConsole ? "indigo" : "emerald"}
      mark="!"
      eyebrow="403 · Forbidden"
      title={onConsole ? "You don't have access to the Hearth console" : "You don't have access to this page"}
      description={
        onConsole
          ? "The console is for Hearth staff. Hotel teams use their hotel's own portal address."
          : "Your role in this hotel does not allow it. Ask your hotel's owner if you need access."
      }
    >
      {user ? (
        <p className="text-sm text-zinc-600">
          Signed in as <span className="font-medium text-zinc-900">{user.email}</span>.
        </p>
      ) : null}
      <div className="mt-5 flex flex-col gap-2">
        {onConsole ? null : (
          <Button asChild variant="outline" className="w-full">
            <Link href="/">Back to the dashboard</Link>
          </Button>
        )}
        <form action={signOutAction}>
          <Button type="submit" className="w-full">
            Sign out
          </Button>
        </form>
      </div>
    </AuthCard>
  );
}
