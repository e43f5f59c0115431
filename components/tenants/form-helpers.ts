// Pure helpers of the signup form and the console's wizard: no React, no server code.

/** A subdomain proposal from a hotel's name: "Hôtel Grand-View & Spa" → "hotel-grand-view-spa". */
export function slugFromName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/-{2,}/g, "-")
    .slice(0, 40)
    .replace(/^-+|-+$/g, "");
}

export type PasswordStrength = { score: 0 | 1 | 2 | 3 | 4; label: string };

/**
 * A rough hint while typing, not a rule (the server only requires the minimum length): length
 * counts most, mixing kinds of characters helps, a repeated character does not.
 */
export function passwordStrength(password: string, minLength: number): PasswordStrength {
  if (password.length === 0) return { score: 0, label: "" };
  if (password.length < minLength)
    return { score: 0, label: `Too short: use at least ${minLength} characters` };
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  const distinct = new Set(password).size;
  let score = 1;
  if (password.length >= 14) score++;
  if (kinds >= 3) score++;
  if (password.length >= 20 || (kinds === 4 && password.length >= 12)) score++;
  if (distinct < 5) score = 1;
  const labels = {
    1: "Weak: make it longer or mix in digits and symbols",
    2: "Fair",
    3: "Good",
    4: "Strong",
  };
  const s = Math.min(score, 4) as 1 | 2 | 3 | 4;
  return { score: s, label: labels[s] };
}
