/** A text matched whole, or by a pattern whose first group the answer carries (a count, a name). */
export type WordPattern = readonly [RegExp, (found: string) => string];

/**
 * A translation of a library's own texts: the word for a text the table knows, else the first
 * pattern's answer, else the text as it is (a label the administrator wrote is not a library
 * text). Pure.
 */
export function translation(words: Readonly<Record<string, string>>, patterns: readonly WordPattern[]): (text: string) => string {
  return (text) => {
    const trimmed = text.trim();
    if (Object.hasOwn(words, trimmed)) return words[trimmed]!;
    for (const [pattern, say] of patterns) {
      const match = pattern.exec(trimmed);
      if (match) return say(match[1]!);
    }
    return text;
  };
}
