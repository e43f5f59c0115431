// bench/notify: guest notifications per second end to end through notifyEvent (preferences →
// template → render → log row → credit debit → provider → outcome), next to a baseline measured in
// the same run: the bare ledger debit transaction (debitCredits), the one piece of database work
// every SMS must do. Reported as a ratio (absolute numbers depend on the machine; ratios travel).
// Run: node --conditions=react-server --import tsx bench/notify.ts [--twilio]
//      (PGlite in memory; TEST_DATABASE_URL=postgres://… for Postgres). See bench/README.md.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { platformTenants } from "@/db/schema";
import { systemActor } from "@/lib/audit/actor";
import { debitCredits, grantCredits } from "@/lib/credits/service";
import type { DomainEventPayload } from "@/lib/events/schemas";
import { notifyEvent } from "@/lib/messaging/notify/notify-event";
import { startTwilioFake, type TwilioFake } from "@/tests/fakes/twilio";
import { createTestDatabase } from "@/tests/helpers/db";
import { addSmsProvider, assignProviders, seedMessaging } from "@/tests/messaging/send/helpers";

const EVENTS_PER_ROUND = 100;
/** Like the worker's per-tenant concurrency limit: this many events in flight at once. */
const CONCURRENCY = 5;
const ROUNDS = 5;

type Sample = { opsPerSec: number; ms: number };

/** Runs `work(i)` for i < total with at most `limit` in flight. */
async function pool(total: number, limit: number, work: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: limit }, async () => {
    while (next < total) {
      const i = next++;
      await work(i);
    }
  });
  await Promise.all(lanes);
}

/** Warm-up once, then ROUNDS interleaved rounds (A B A B …); the median round of each. */
async function measureInterleaved<K extends string>(
  tasks: Record<K, () => Promise<number>>,
): Promise<Record<K, Sample>> {
  const names = Object.keys(tasks) as K[];
  const samples = new Map<K, Sample[]>(names.map((n) => [n, []]));
  for (const name of names) await tasks[name]();
  for (let i = 0; i < ROUNDS; i++) {
    for (const name of names) {
      const start = performance.now();
      const ops = await tasks[name]();
      const ms = performance.now() - start;
      samples.get(name)?.push({ opsPerSec: (ops / ms) * 1_000, ms });
    }
  }
  const out = {} as Record<K, Sample>;
  for (const name of names) {
    const sorted = (samples.get(name) ?? []).sort((a, b) => a.opsPerSec - b.opsPerSec);
    out[name] = sorted[Math.floor(sorted.length / 2)] ?? { opsPerSec: 0, ms: 0 };
  }
  return out;
}

function payload(
  tenant: typeof platformTenants.$inferSelect,
  n: number,
): DomainEventPayload<"hotel/booking.confirmed"> {
  return {
    tenant: {
      id: tenant.id,
      slug: tenant.slug,
      name: tenant.name,
      timezone: tenant.timezone,
      locale: tenant.locale,
      currency: tenant.currency,
    },
    booking: {
      id: randomUUID(),
      reference: `GV-${String(n).padStart(6, "0")}`,
      checkIn: "2030-03-14",
      checkOut: "2030-03-16",
      nights: 2,
      adults: 2,
      totalMinor: 4_800_000,
      currency: tenant.currency,
    },
    guest: {
      id: randomUUID(),
      name: "Ada Obi",
      phone: "+2348031234567",
      email: `guest${n}@example.test`,
      preferredLanguage: "en",
    },
    room: { id: randomUUID(), number: "204", type: "Deluxe King" },
    locale: "en",
    occurredAt: new Date().toISOString(),
  };
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

async function main(): Promise<void> {
  const kind = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
  const useTwilio = process.argv.includes("--twilio");
  const database = await createTestDatabase(kind);
  let twilio: TwilioFake | undefined;
  try {
    const db = database.db;
    await seedMessaging(db);
    const [tenant] = await db
      .insert(platformTenants)
      .values({ slug: "bench-hotel", name: "Bench Hotel", currency: "NGN", timezone: "Africa/Lagos" })
      .returning();
    if (!tenant) throw new Error("no tenant");
    const actor = systemActor("bench");
    await grantCredits(db, {
      tenantId: tenant.id,
      amount: 10_000_000,
      reason: "purchase",
      reference: "bench",
      actor,
    });
    if (useTwilio) {
      twilio = await startTwilioFake();
      const provider = await addSmsProvider(db, {
        kind: "twilio",
        baseUrl: twilio.url,
        accountSid: twilio.accountSid,
        authToken: twilio.authToken,
      });
      await assignProviders(db, tenant.id, "sms", [provider.id]);
    }

    let counter = 0;
    let failed = 0;
    const { notify, debit } = await measureInterleaved({
      // The worker's work for one booking.confirmed: an SMS and an email per event.
      notify: async () => {
        let sent = 0;
        await pool(EVENTS_PER_ROUND, CONCURRENCY, async () => {
          const n = counter++;
          const { messages } = await notifyEvent(db, {
            id: `bench-${n}`,
            name: "hotel/booking.confirmed",
            data: payload(tenant, n),
          });
          for (const m of messages) m.status === "sent" ? sent++ : failed++;
        });
        return sent;
      },
      // Baseline: the bare conditional debit + ledger row, one per "message", same concurrency.
      debit: async () => {
        await pool(EVENTS_PER_ROUND, CONCURRENCY, () =>
          debitCredits(db, { tenantId: tenant.id, amount: 1, reference: `bench-debit-${counter++}` }),
        );
        return EVENTS_PER_ROUND;
      },
    });

    console.log(
      `bench/notify — ${kind}, SMS via ${useTwilio ? "Twilio fake (HTTP)" : "dev-sink"}, email via dev-sink; ` +
        `${EVENTS_PER_ROUND} events per round, ${CONCURRENCY} in flight; median of ${ROUNDS} interleaved rounds; Node ${process.version}`,
    );
    console.log("");
    console.log(`${"measurement".padEnd(44)}${"per second".padStart(12)}${"round ms".padStart(12)}`);
    console.log(
      `${"notifyEvent: messages sent (SMS + email)".padEnd(44)}${fmt(notify.opsPerSec).padStart(12)}${notify.ms.toFixed(1).padStart(12)}`,
    );
    console.log(
      `${"baseline: debitCredits transactions".padEnd(44)}${fmt(debit.opsPerSec).padStart(12)}${debit.ms.toFixed(1).padStart(12)}`,
    );
    console.log("");
    console.log(`ratio messages sent / bare debits: ${(notify.opsPerSec / debit.opsPerSec).toFixed(2)}`);
    if (failed > 0) console.log(`(${failed} messages failed: the numbers above are not comparable)`);
  } finally {
    await twilio?.close();
    await database.drop();
  }
}

await main();
