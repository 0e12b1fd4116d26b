/**
 * Client input quoted back in a message, cut to a readable length: an error never carries a
 * 900 KB unit code back to its sender (nor into the logs).
 */
export const MAX_ECHOED_CHARACTERS = 80;

export function echo(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  if (text.length <= MAX_ECHOED_CHARACTERS) return text;
  let cut = text.slice(0, MAX_ECHOED_CHARACTERS);
  // Never leave half of a surrogate pair at the end.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** The backstop for messages built without echo(): no message is longer than this. */
export const MAX_MESSAGE_CHARACTERS = 500;

export function cappedMessage(message: string): string {
  if (message.length <= MAX_MESSAGE_CHARACTERS) return message;
  let cut = message.slice(0, MAX_MESSAGE_CHARACTERS);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}
