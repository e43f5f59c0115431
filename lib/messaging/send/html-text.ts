// The plain-text part of an email, from its rendered HTML: block ends become line breaks, links
// keep their address, tags go, the few entities Handlebars escapes come back. Mail clients that
// show text (and spam filters that compare both parts) get the same words as the HTML.

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&#x27;": "'",
  "&#x3D;": "=",
  "&#x60;": "`",
  "&nbsp;": " ",
};

export function htmlToText(html: string): string {
  return (
    html
      // Line breaks in HTML source are just spaces; the tags below decide where lines end.
      .replace(/\s*\n\s*/g, " ")
      .replace(/<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_, href: string, label: string) =>
        label.replace(/<[^>]+>/g, "").trim() === href ? href : `${label} (${href})`,
      )
      .replace(/<li[^>]*>/gi, "- ")
      .replace(/<br\s*\/?>/gi, "\n")
      .replace(/<\/(p|div|ul|ol|h[1-6]|table)>/gi, "\n\n")
      .replace(/<\/(li|tr)>/gi, "\n")
      .replace(/<[^>]+>/g, "")
      .replace(/&(amp|lt|gt|quot|nbsp|#39|#x27|#x3D|#x60);/g, (entity) => ENTITIES[entity] ?? entity)
      .split("\n")
      .map((line) => line.trim())
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim()
  );
}
