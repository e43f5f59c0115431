// The dunning module's public surface: the cron, the payment hook and the console import from here.
export { countOverdueInvoices, daysOverdue, listOverdueInvoiceIds } from "./overdue";
export { type ReactivateResult, reactivateIfSettled } from "./reactivate";
export {
  type DunInvoiceResult,
  type DunningRunResult,
  dunInvoice,
  dunningActor,
  listDunningSteps,
  runDunning,
  tallyDunning,
} from "./run";
export * from "./schemas";
