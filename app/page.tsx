// The root domain's front page: what Hearth is, the way to start a trial, and the way into the console.
import Link from "next/link";

const features = [
  {
    title: "A portal for every hotel",
    body: "Each property gets its own address, team and menu, isolated from every other.",
  },
  {
    title: "Bookings to checkout",
    body: "Rooms, guests, bookings and service requests, with the messages guests expect.",
  },
  {
    title: "Messaging that pays for itself",
    body: "SMS and email through the providers you choose, with credits and delivery tracking.",
  },
  {
    title: "Billing on autopilot",
    body: "Plans, usage, invoices and payments by card or bank, with dunning built in.",
  },
];

export default function HomePage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-5xl flex-col px-6">
      <header className="flex items-center justify-between py-6">
        <span className="text-lg font-semibold tracking-tight">
          <span className="text-indigo-600">●</span> Hearth
        </span>
        <nav className="flex items-center gap-4">
          <Link href="/login" className="text-sm font-medium text-zinc-700 hover:text-zinc-900">
            Sign in
          </Link>
          <Link
            href="/signup"
            className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
          >
            Start free trial
          </Link>
        </nav>
      </header>
      <section className="py-20">
        <h1 className="max-w-2xl text-4xl font-semibold tracking-tight text-zinc-900 sm:text-5xl">
          The operating platform for independent hotels and hotel groups.
        </h1>
        <p className="mt-6 max-w-xl text-lg text-zinc-600">
          Hearth runs the front desk, the guest messages and the bills, so your team can run the hotel.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link
            href="/signup"
            className="rounded-md bg-indigo-600 px-5 py-2.5 text-sm font-medium text-white shadow-sm hover:bg-indigo-500"
          >
            Start free trial
          </Link>
          <Link
            href="/login"
            className="rounded-md border border-zinc-300 bg-white px-5 py-2.5 text-sm font-medium text-zinc-900 shadow-sm hover:bg-zinc-50"
          >
            Sign in to the console
          </Link>
        </div>
        <p className="mt-3 text-sm text-zinc-500">
          No card needed. Your hotel gets its own address in a minute.
        </p>
      </section>
      <section className="grid gap-4 pb-20 sm:grid-cols-2">
        {features.map((f) => (
          <div key={f.title} className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm">
            <h2 className="font-medium text-zinc-900">{f.title}</h2>
            <p className="mt-2 text-sm text-zinc-600">{f.body}</p>
          </div>
        ))}
      </section>
    </main>
  );
}
