/** Email addresses as Gmail hands them over: sometimes `Name <a@b>`, any case. */

export function addressOf(text: string): string {
  const angled = /<([^<>\s]+@[^<>\s]+)>/.exec(text);
  return (angled?.[1] ?? text).trim().toLowerCase();
}

export function sameAddress(a: string, b: string): boolean {
  return addressOf(a) === addressOf(b);
}
