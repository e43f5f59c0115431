import type { AuditRow } from "./queries";

const header = [
  "id",
  "occurred_at",
  "actor_kind",
  "actor",
  "tenant_id",
  "tenant",
  "action",
  "target_type",
  "target_id",
  "ip",
  "summary",
];

/** RFC 4180 quoting, plus a leading quote on cells that a spreadsheet would run as a formula. */
export function csvCell(value: unknown): string {
  let s =
    value == null
      ? ""
      : typeof value === "string"
        ? value
        : value instanceof Date
          ? value.toISOString()
          : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n']/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function auditCsvHeader(): string {
  return `${header.join(",")}\r\n`;
}

export function auditCsvLines(rows: AuditRow[]): string {
  return rows
    .map((r) =>
      [
        r.id,
        r.occurredAt,
        r.actorKind,
        r.actorLabel,
        r.tenantId,
        r.tenantName,
        r.action,
        r.targetType,
        r.targetId,
        r.ip,
        r.summary,
      ]
        .map(csvCell)
        .join(","),
    )
    .map((line) => `${line}\r\n`)
    .join("");
}
