import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { POST } from "@/app/api/webhooks/resend/route";
import { useDatabaseForTests } from "@/db/client";
import { messageDeliveryEvents, messages } from "@/db/schema";
import { sendEmail } from "@/lib/messaging/send/send-email";
import type { MessageRow } from "@/lib/messaging/send/types";
import {
  type ResendFake,
  signResendWebhook,
  startResendFake,
  TEST_WEBHOOK_SECRET,
} from "@/tests/fakes/resend";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { addResendProvider, assignProviders, createHotel, seedMessaging } from "../send/helpers";

describe.each(testDatabaseKinds)("Resend webhooks through the route on %s", (kind) => {
  let database: TestDatabase;
  let resend: ResendFake;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    useDatabaseForTests(database);
    await seedMessaging(database.db);
    resend = await startResendFake();
  });
  afterAll(async () => {
    await resend.close();
    await database.drop();
  });
  const db = () => database.db;

  async function sentEmail(webhookSecret: string | undefined = TEST_WEBHOOK_SECRET): Promise<MessageRow> {
    const hotel = await createHotel(db());
    const provider = await addResendProvider(db(), {
      baseUrl: resend.url,
      apiKey: resend.apiKey,
      webhookSecret,
    });
    await assignProviders(db(), hotel.id, "email", [provider.id]);
    const message = await sendEmail(db(), {
      tenantId: hotel.id,
      event: "tenant.welcome",
      to: "owner@example.test",
      locale: "en",
      data: {
        tenant: { name: "Grandview", slug: "grandview" },
        recipient: { name: "Grace", email: "owner@example.test" },
        portalUrl: "http://grandview.localhost:3000/login",
        trialEndsAt: null,
      },
      idempotencyKey: randomUUID(),
    });
    expect(message).toMatchObject({ status: "sent", providerKind: "resend" });
    return message;
  }

  async function post(
    emailId: string,
    type: string,
    opts: { secret?: string; data?: Record<string, unknown> } = {},
  ) {
    const { headers, rawBody } = signResendWebhook({
      secret: opts.secret ?? TEST_WEBHOOK_SECRET,
      event: { type, created_at: new Date().toISOString(), data: { email_id: emailId, ...opts.data } },
    });
    headers.set("content-type", "application/json");
    const res = await POST(
      new Request("http://localhost:3000/api/webhooks/resend", { method: "POST", headers, body: rawBody }),
    );
    return { status: res.status, body: (await res.json()) as { outcome: string; reason: string | null } };
  }
  const reload = async (id: string) => (await db().select().from(messages).where(eq(messages.id, id)))[0];

  test("a signed email.delivered is applied; a later bounce report does not undo it", async () => {
    const message = await sentEmail();
    const emailId = message.providerMessageId ?? "";
    expect(await post(emailId, "email.delivered")).toEqual({
      status: 200,
      body: { outcome: "applied", reason: null },
    });
    expect((await reload(message.id))?.status).toBe("delivered");
    expect((await post(emailId, "email.bounced")).body.outcome).toBe("ignored");
    expect((await post(emailId, "email.opened")).body.outcome).toBe("ignored");
    expect((await reload(message.id))?.status).toBe("delivered");
  });

  test("a bounce before delivery marks the email undelivered, with the provider's reason", async () => {
    const message = await sentEmail();
    const res = await post(message.providerMessageId ?? "", "email.bounced", {
      data: { bounce: { message: "Mailbox does not exist" } },
    });
    expect(res.body.outcome).toBe("applied");
    expect(await reload(message.id)).toMatchObject({
      status: "undelivered",
      error: "Resend: Mailbox does not exist",
    });
  });

  test("forged (wrong secret), unknown email, no secret configured, bad body: refused and recorded", async () => {
    const message = await sentEmail();
    const forgedSecret = `whsec_${Buffer.from("another-secret-of-32-bytes-long!").toString("base64")}`;
    const forged = await post(message.providerMessageId ?? "", "email.delivered", { secret: forgedSecret });
    expect(forged).toEqual({ status: 403, body: { outcome: "refused", reason: "bad or stale signature" } });
    expect((await reload(message.id))?.status).toBe("sent");

    expect((await post("not-an-email-we-sent", "email.delivered")).status).toBe(404);

    const noSecret = await sentEmail("");
    expect((await post(noSecret.providerMessageId ?? "", "email.delivered")).status).toBe(403);

    const garbage = await POST(
      new Request("http://localhost:3000/api/webhooks/resend", { method: "POST", body: "{not json" }),
    );
    expect(garbage.status).toBe(400);

    const events = await db()
      .select()
      .from(messageDeliveryEvents)
      .where(eq(messageDeliveryEvents.providerKind, "resend"));
    const refused = events.filter((e) => e.outcome === "refused");
    expect(refused.map((e) => e.reason).sort()).toEqual([
      "bad or stale signature",
      "the provider has no webhook secret configured",
      "unknown email",
      "unparseable body: type and data.email_id are required",
    ]);
  });
});
