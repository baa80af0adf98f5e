/** A `mailto:` address with a prepared subject and body (RFC 6068: UTF-8, percent-encoded, CRLF line ends). */
export function mailtoUrl(to: string, subject: string, body: string): string {
  const enc = (s: string) => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'));
  return `mailto:${to}?subject=${enc(subject)}&body=${enc(body)}`;
}
