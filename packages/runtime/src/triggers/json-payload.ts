/**
 * Parses a message that holds a JSON object or array; anything else (plain text, and bare JSON
 * numbers or words, which are more often text that happens to parse) stays the string it was.
 */
export function parseJsonPayload(text: string): unknown {
  const first = firstNonSpace(text);
  if (first !== '{' && first !== '[') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function firstNonSpace(text: string): string | undefined {
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (
      character !== ' ' &&
      character !== '\n' &&
      character !== '\r' &&
      character !== '\t'
    ) {
      return character;
    }
  }
  return undefined;
}
