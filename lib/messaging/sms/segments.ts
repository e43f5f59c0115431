/**
 * SMS segment counting (GSM 03.38 vs UCS-2). Each segment costs one credit, so previews and the
 * debit must agree with what the carrier bills: this is the one place that decides.
 */

// GSM 03.38 basic character set (one septet each). Accented letters outside this list
// (ê, â, î, ô, û, ç lowercase, …) force the whole message into UCS-2.
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
// Extension table: sent as ESC + char, so two septets each.
const GSM_EXTENSION = "\f^{}\\[~]|€";

const basicSet = new Set(GSM_BASIC);
const extensionSet = new Set(GSM_EXTENSION);

export type SmsEncoding = "GSM-7" | "UCS-2";

export type SmsSegmentCount = {
  encoding: SmsEncoding;
  segments: number;
  /** Length in the encoding's units: septets for GSM-7 (extension chars count 2), UTF-16 code units for UCS-2. */
  characters: number;
  /** Units per segment for this message: 160/70 when it fits in one, 153/67 once concatenated (UDH header). */
  perSegment: number;
};

const LIMITS = {
  "GSM-7": { single: 160, multi: 153 },
  "UCS-2": { single: 70, multi: 67 },
} as const;

/** Septets for one character, or null when it is not in GSM 03.38. */
function gsmSeptets(char: string): number | null {
  if (basicSet.has(char)) return 1;
  if (extensionSet.has(char)) return 2;
  return null;
}

/**
 * Packs units into concatenated segments greedily without splitting an escape pair (GSM-7) or a
 * surrogate pair (UCS-2) across two segments, as carriers' encoders do.
 */
function packSegments(units: number[], perSegment: number): number {
  let segments = 1;
  let used = 0;
  for (const size of units) {
    if (used + size > perSegment) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return segments;
}

export function countSmsSegments(text: string): SmsSegmentCount {
  // Iterating a string yields code points, so an emoji is one entry of two UTF-16 units.
  const chars = [...text];
  const septets = chars.map(gsmSeptets);
  const isGsm = septets.every((size) => size !== null);
  const encoding: SmsEncoding = isGsm ? "GSM-7" : "UCS-2";
  const units = isGsm ? septets.map((size) => size ?? 1) : chars.map((char) => char.length);
  const characters = units.reduce((sum, size) => sum + size, 0);
  const limits = LIMITS[encoding];

  if (characters === 0) return { encoding, segments: 0, characters, perSegment: limits.single };
  if (characters <= limits.single) return { encoding, segments: 1, characters, perSegment: limits.single };
  return { encoding, segments: packSegments(units, limits.multi), characters, perSegment: limits.multi };
}
