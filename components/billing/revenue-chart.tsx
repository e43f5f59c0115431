import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import type { RevenueMonth } from "@/lib/billing/invoices/overview";
import { currencyExponent, minorToDecimalString } from "@/lib/money";

/**
 * Net revenue by month (received minus refunded), one bar chart per currency. The chart's numbers
 * are major units for display only; the tooltips and axes format them in the currency.
 */
export function RevenueCharts({ months }: { months: readonly RevenueMonth[] }) {
  const currencies = [...new Set(months.map((m) => m.currency))].sort();
  if (currencies.length === 0) {
    return (
      <p className="py-10 text-center text-sm text-zinc-500">No payments received in the last 12 months.</p>
    );
  }
  return (
    <div className="space-y-6">
      {currencies.map((currency) => {
        const exponent = currencyExponent(currency);
        const data = months
          .filter((m) => m.currency === currency)
          .map((m) => ({ month: m.month, revenue: Number(minorToDecimalString(m.amountMinor, exponent)) }));
        return (
          <figure key={currency} className="space-y-2">
            {currencies.length > 1 ? (
              <figcaption className="text-[13px] font-medium text-zinc-600">{currency}</figcaption>
            ) : null}
            <TimeSeriesChart
              data={data}
              xKey="month"
              xFormat="month"
              kind="bar"
              series={[{ key: "revenue", label: `Revenue (${currency})` }]}
              valueFormat={{ currency }}
              height={240}
            />
          </figure>
        );
      })}
    </div>
  );
}
