/**
 * A message's rendered body. Email HTML goes into a sandboxed iframe with no permissions: it
 * cannot run scripts, submit forms or reach this page, whatever the template produced. Plain text
 * (every SMS, and an email's text part) is shown as text.
 */
export function MessageBodyPreview({
  body,
  html,
  title,
  height = 360,
}: {
  body: string;
  html: string | null;
  title: string;
  height?: number;
}) {
  if (html) {
    return (
      <iframe
        sandbox=""
        srcDoc={html}
        title={title}
        referrerPolicy="no-referrer"
        className="w-full rounded-md border border-zinc-200 bg-white"
        style={{ height }}
      />
    );
  }
  return (
    <pre className="max-h-96 overflow-auto rounded-md bg-zinc-50 p-3 font-sans text-[13px] whitespace-pre-wrap text-zinc-800">
      {body}
    </pre>
  );
}
