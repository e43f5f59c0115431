/** Who did something, and from where. Built on the server from the session or API key, never from the client. */
export type Actor = {
  kind: "user" | "api_key" | "system";
  userId: string | null;
  /** Human label for the audit log: the user's email, the key's name, or the job's name. */
  label: string;
  ip: string | null;
  userAgent: string | null;
};

export function systemActor(label: string): Actor {
  return { kind: "system", userId: null, label, ip: null, userAgent: null };
}
