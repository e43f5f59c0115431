import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { countSmsSegments } from "@/lib/messaging/sms/segments";

const a = (n: number) => "a".repeat(n);

describe("countSmsSegments worked examples", () => {
  test.each([
    { name: "empty", text: "", encoding: "GSM-7", segments: 0, characters: 0, perSegment: 160 },
    { name: "one char", text: "a", encoding: "GSM-7", segments: 1, characters: 1, perSegment: 160 },
    { name: "159 GSM", text: a(159), encoding: "GSM-7", segments: 1, characters: 159, perSegment: 160 },
    {
      name: "160 GSM fills one",
      text: a(160),
      encoding: "GSM-7",
      segments: 1,
      characters: 160,
      perSegment: 160,
    },
    {
      name: "161 GSM → two of 153",
      text: a(161),
      encoding: "GSM-7",
      segments: 2,
      characters: 161,
      perSegment: 153,
    },
    {
      name: "306 GSM = 2×153",
      text: a(306),
      encoding: "GSM-7",
      segments: 2,
      characters: 306,
      perSegment: 153,
    },
    {
      name: "307 GSM → three",
      text: a(307),
      encoding: "GSM-7",
      segments: 3,
      characters: 307,
      perSegment: 153,
    },
    {
      name: "newlines are GSM",
      text: "Hi\r\nthere",
      encoding: "GSM-7",
      segments: 1,
      characters: 9,
      perSegment: 160,
    },
    { name: "€ is two septets", text: "€", encoding: "GSM-7", segments: 1, characters: 2, perSegment: 160 },
    {
      name: "158 + € = 160",
      text: `${a(158)}€`,
      encoding: "GSM-7",
      segments: 1,
      characters: 160,
      perSegment: 160,
    },
    {
      name: "159 + € = 161",
      text: `${a(159)}€`,
      encoding: "GSM-7",
      segments: 2,
      characters: 161,
      perSegment: 153,
    },
    {
      // 306 septets would fit 2×153, but the escape pair may not straddle segments 1 and 2.
      name: "€ at the 153 boundary moves to the next segment",
      text: `${a(152)}€${a(152)}`,
      encoding: "GSM-7",
      segments: 3,
      characters: 306,
      perSegment: 153,
    },
    {
      name: "80 carets = 160 septets",
      text: "^".repeat(80),
      encoding: "GSM-7",
      segments: 1,
      characters: 160,
      perSegment: 160,
    },
    {
      name: "81 carets = 162 septets",
      text: "^".repeat(81),
      encoding: "GSM-7",
      segments: 2,
      characters: 162,
      perSegment: 153,
    },
    {
      name: "every extension char counts 2",
      text: "^{}\\[~]|€",
      encoding: "GSM-7",
      segments: 1,
      characters: 18,
      perSegment: 160,
    },
    { name: "ê forces UCS-2", text: "Fête", encoding: "UCS-2", segments: 1, characters: 4, perSegment: 70 },
    { name: "70 UCS-2", text: `ê${a(69)}`, encoding: "UCS-2", segments: 1, characters: 70, perSegment: 70 },
    {
      name: "71 UCS-2 → two of 67",
      text: `ê${a(70)}`,
      encoding: "UCS-2",
      segments: 2,
      characters: 71,
      perSegment: 67,
    },
    {
      name: "134 UCS-2 = 2×67",
      text: `ê${a(133)}`,
      encoding: "UCS-2",
      segments: 2,
      characters: 134,
      perSegment: 67,
    },
    {
      name: "135 UCS-2 → three",
      text: `ê${a(134)}`,
      encoding: "UCS-2",
      segments: 3,
      characters: 135,
      perSegment: 67,
    },
    {
      name: "emoji is 2 code units",
      text: "😀",
      encoding: "UCS-2",
      segments: 1,
      characters: 2,
      perSegment: 70,
    },
    {
      name: "35 emoji = 70 units",
      text: "😀".repeat(35),
      encoding: "UCS-2",
      segments: 1,
      characters: 70,
      perSegment: 70,
    },
    {
      name: "36 emoji = 72 units",
      text: "😀".repeat(36),
      encoding: "UCS-2",
      segments: 2,
      characters: 72,
      perSegment: 67,
    },
    {
      // A surrogate pair is never split across segments either.
      name: "emoji at the 67 boundary moves to the next segment",
      text: `${a(66)}😀${a(66)}`,
      encoding: "UCS-2",
      segments: 3,
      characters: 134,
      perSegment: 67,
    },
    {
      name: "a GSM extension char inside UCS-2 is one unit",
      text: "ê€",
      encoding: "UCS-2",
      segments: 1,
      characters: 2,
      perSegment: 70,
    },
  ])("$name", ({ name: _name, text, ...expected }) => {
    expect(countSmsSegments(text)).toEqual(expected);
  });

  test.each([..."éèùìòÇØøÅåÄÖÑÜ§äöñüàÉÆæß¡¿£¥¤@_ΔΦΓΛΩΠΨΣΘΞ"])("%s is in the GSM 03.38 basic set", (char) => {
    expect(countSmsSegments(`Caf${char}`)).toMatchObject({ encoding: "GSM-7", characters: 4 });
  });

  test.each([..."êâîôûçÈÙÌÒÁÍÓÚáíóúõãœ`"])("%s is not GSM 03.38 (forces UCS-2)", (char) => {
    expect(countSmsSegments(`Caf${char}`)).toMatchObject({ encoding: "UCS-2", characters: 4 });
  });
});

describe("countSmsSegments properties", () => {
  const char = fc.oneof(
    fc.constantFrom("a", "é", "€", "^", "ê", "😀", "\n", " "),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
  );

  test("appending a character never decreases the segment count", () => {
    fc.assert(
      fc.property(fc.array(char, { maxLength: 400 }), char, (parts, next) => {
        const text = parts.join("");
        expect(countSmsSegments(text + next).segments).toBeGreaterThanOrEqual(
          countSmsSegments(text).segments,
        );
      }),
      { numRuns: 500 },
    );
  });

  test("segments × perSegment always holds the message", () => {
    fc.assert(
      fc.property(fc.array(char, { maxLength: 400 }), (parts) => {
        const count = countSmsSegments(parts.join(""));
        expect(count.segments * count.perSegment).toBeGreaterThanOrEqual(count.characters);
      }),
      { numRuns: 500 },
    );
  });
});
