"use client";

import { Send } from "lucide-react";
import * as React from "react";
import { readOutcome } from "@/components/hotel/refusal";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { EditorActions, EditorChannel, EditorDraft, TestSendOutcome } from "./types";

const statusVariant: Record<string, BadgeVariant> = {
  queued: "neutral",
  sent: "info",
  delivered: "success",
  failed: "danger",
  undelivered: "danger",
};

/** Sends the current draft, rendered with the sample data, to one number or address. */
export function TestSendForm({
  channel,
  draft,
  disabled,
  testSend,
}: {
  channel: EditorChannel;
  draft: EditorDraft;
  disabled: boolean;
  testSend: EditorActions["testSend"];
}) {
  const [to, setTo] = React.useState("");
  const [error, setError] = React.useState<string | null>(null);
  const [sent, setSent] = React.useState<TestSendOutcome | null>(null);
  const [pending, startTransition] = React.useTransition();
  const inputId = React.useId();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      setError(null);
      setSent(null);
      const outcome = readOutcome(await testSend({ ...draft, to }));
      if (!outcome.ok) {
        setError(outcome.message);
        return;
      }
      setSent(outcome.data);
    });
  };

  return (
    <form onSubmit={submit} className="space-y-2" aria-label="Test send">
      <label htmlFor={inputId} className="text-sm font-medium text-zinc-900">
        Send a test
      </label>
      <div className="flex gap-2">
        <Input
          id={inputId}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          type={channel === "email" ? "email" : "tel"}
          placeholder={channel === "email" ? "you@example.com" : "+2348031234567"}
          autoComplete="off"
          disabled={disabled}
          aria-invalid={error ? true : undefined}
        />
        <Button type="submit" variant="outline" loading={pending} disabled={disabled || to.trim() === ""}>
          <Send aria-hidden /> Send test
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-[13px] font-medium text-red-600">
          {error}
        </p>
      ) : null}
      {sent ? (
        <p
          data-testid="test-send-status"
          className="flex flex-wrap items-center gap-2 text-[13px] text-zinc-600"
        >
          <Badge variant={statusVariant[sent.status] ?? "neutral"}>{sent.status}</Badge>
          to {sent.recipient}
          {channel === "sms" && sent.segments > 0
            ? ` · ${sent.segments} ${sent.segments === 1 ? "segment" : "segments"}`
            : ""}
          {sent.error ? <span className="text-red-600">· {sent.error}</span> : null}
        </p>
      ) : (
        <p className="text-[13px] text-zinc-500">
          Uses the sample data and the normal send path{channel === "sms" ? "; an SMS uses credits" : ""}.
        </p>
      )}
    </form>
  );
}
