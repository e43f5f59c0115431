// Console > Messaging overview: the last 7 days at a glance (sent, delivered, failed, credits
// used), the hotels running low on SMS credits or whose pool disagrees with its ledger, and the
// latest failures with a way to the failed view.
import { AlertTriangle, CheckCheck, Coins, Send } from "lucide-react";
import Link from "next/link";
import { LocalTime } from "@/components/messaging/messages-table/local-time";
import { MessageStatusBadge } from "@/components/messaging/messages-table/status-badge";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { getDb } from "@/db/client";
import { requirePlatformRole } from "@/lib/auth/guards";
import { listCreditBalances } from "@/lib/credits/queries";
import { listMessages, messageStats } from "@/lib/messaging/log/queries";

export const metadata = { title: "Messaging" };

const WINDOW_DAYS = 7;

export default async function MessagingOverviewPage() {
  await requirePlatformRole("messaging.read");
  const db = await getDb();
  const since = new Date(Date.now() - WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const [stats, failures, low, mismatched] = await Promise.all([
    messageStats(db, { since }),
    listMessages(db, { status: "failed", page: 1, pageSize: 5 }),
    listCreditBalances(db, { only: "low", pageSize: 5 }),
    listCreditBalances(db, { only: "mismatch", pageSize: 5 }),
  ]);
  const sent = stats.byStatus.sent + stats.byStatus.delivered;
  const failed = stats.byStatus.failed + stats.byStatus.undelivered;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Messaging"
        description={`SMS and email sent for every hotel and by the platform, over the last ${WINDOW_DAYS} days.`}
      />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard
          label="Sent"
          value={sent}
          hint={`of ${stats.total} messages · ${stats.byChannel.sms} SMS, ${stats.byChannel.email} email`}
          icon={<Send />}
        />
        <StatCard
          label="Delivered"
          value={stats.byStatus.delivered}
          hint={
            stats.byStatus.queued > 0 ? `${stats.byStatus.queued} still queued` : "confirmed by providers"
          }
          icon={<CheckCheck />}
        />
        <StatCard
          label="Failed"
          value={failed}
          hint={
            <Link
              href="/platform/messaging/messages?status=failed"
              className="text-brand-700 hover:underline"
            >
              View failed messages
            </Link>
          }
          icon={<AlertTriangle />}
        />
        <StatCard
          label="SMS credits used"
          value={stats.creditsUsed}
          hint="failed sends are refunded"
          icon={<Coins />}
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Latest failures</CardTitle>
            <CardDescription>Retry them from the failed view or the message's page.</CardDescription>
            <CardAction>
              <Link
                href="/platform/messaging/messages?status=failed"
                className="text-sm text-brand-700 hover:underline"
              >
                All failed
              </Link>
            </CardAction>
          </CardHeader>
          <CardContent>
            {failures.rows.length === 0 ? (
              <p className="text-sm text-zinc-500">No failed messages.</p>
            ) : (
              <ul className="divide-y divide-zinc-100">
                {failures.rows.map((m) => (
                  <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                    <span className="min-w-0">
                      <Link
                        href={`/platform/messaging/messages/${m.id}`}
                        className="block truncate font-medium text-zinc-900 hover:text-brand-700 hover:underline"
                      >
                        {m.recipient}
                      </Link>
                      <span className="block truncate text-xs text-zinc-500">
                        {m.tenantName ?? "Platform"} · {m.event}
                        {m.error ? ` · ${m.error}` : ""}
                      </span>
                    </span>
                    <span className="flex items-center gap-2">
                      <MessageStatusBadge status={m.status} />
                      <LocalTime value={m.createdAt} className="text-xs text-zinc-500 tabular-nums" />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>SMS credits</CardTitle>
            <CardDescription>Hotels at or under their warning level, and pools to reconcile</CardDescription>
            <CardAction>
              <Link href="/platform/messaging/credits" className="text-sm text-brand-700 hover:underline">
                All balances
              </Link>
            </CardAction>
          </CardHeader>
          <CardContent className="space-y-4 text-sm">
            <BalanceList
              title={`Low balance (${low.total})`}
              empty="No hotel is running low."
              rows={low.rows.map((r) => ({ id: r.tenantId, name: r.tenantName, note: `${r.balance} left` }))}
            />
            <BalanceList
              title={`Ledger mismatch (${mismatched.total})`}
              empty="Every pool matches its ledger."
              rows={mismatched.rows.map((r) => ({
                id: r.tenantId,
                name: r.tenantName,
                note: `pool ${r.balance}, ledger ${r.ledgerSum}`,
              }))}
            />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}

function BalanceList({
  title,
  empty,
  rows,
}: {
  title: string;
  empty: string;
  rows: Array<{ id: string; name: string; note: string }>;
}) {
  return (
    <div className="space-y-1">
      <p className="font-medium text-zinc-900">{title}</p>
      {rows.length === 0 ? (
        <p className="text-zinc-500">{empty}</p>
      ) : (
        <ul className="space-y-1">
          {rows.map((r) => (
            <li key={r.id} className="flex justify-between gap-2">
              <Link
                href={`/platform/messaging/credits/${r.id}`}
                className="truncate hover:text-brand-700 hover:underline"
              >
                {r.name}
              </Link>
              <span className="shrink-0 text-zinc-500 tabular-nums">{r.note}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
