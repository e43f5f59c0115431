import type { Tenant } from "@/lib/tenants/queries";

/** What a hotel's members see instead of their portal while the hotel is suspended. */
export function SuspendedNotice({
  tenant,
  signOutAction,
}: {
  tenant: Pick<Tenant, "name" | "suspensionReason">;
  signOutAction: () => Promise<void>;
}) {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-lg rounded-xl border border-amber-200 bg-white p-8 shadow-sm" role="alert">
        <p className="text-sm font-semibold text-amber-600">Account suspended</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{tenant.name} is suspended</h1>
        <p className="mt-3 text-sm text-zinc-600">
          The portal is unavailable while the account is suspended. Your hotel's data is kept safe and nothing
          has been deleted. The account owner can settle any outstanding invoices or contact Hearth support to
          restore access.
        </p>
        {tenant.suspensionReason ? (
          <p className="mt-4 rounded-md bg-zinc-50 p-3 text-sm text-zinc-700">
            Reason: {tenant.suspensionReason}
          </p>
        ) : null}
        <form action={signOutAction} className="mt-6">
          <button
            type="submit"
            className="rounded-md border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-50"
          >
            Sign out
          </button>
        </form>
      </div>
    </main>
  );
}
