/** `s` with the characters that mean something in HTML escaped. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `
@page { size: A4; margin: 18mm 20mm 20mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #111; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 4mm; }
h2 { font-size: 12pt; margin: 7mm 0 2mm; border-bottom: 1px solid #999; padding-bottom: 1mm; break-after: avoid; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: 1.2mm 2mm; border-bottom: 1px solid #ddd; }
th { width: 38%; font-weight: 600; }
tr { break-inside: avoid; }
.text { white-space: pre-wrap; }
.muted { color: #555; }
.letterhead { display: flex; justify-content: space-between; gap: 10mm; margin-bottom: 14mm; }
.letterhead .org { font-weight: 700; font-size: 14pt; }
.address { margin-bottom: 12mm; white-space: pre-line; }
.meta { width: auto; margin-bottom: 8mm; }
.meta td, .meta th { border: 0; padding: 0.4mm 0; }
.meta th { width: 25mm; font-weight: 400; color: #555; }
.letter p, .letter .text { margin: 0 0 3.5mm; }
/* the closing line, greeting and name stay together and with the text above them: the signature never stands alone on a page */
.signature { margin-top: 8mm; break-inside: avoid; page-break-inside: avoid; break-before: avoid; page-break-before: avoid; }
.signature .basis { font-size: 9.5pt; color: #333; margin-bottom: 6mm; }
.letter h2 { margin-top: 5mm; }
.letter ul { margin: 0 0 3.5mm; padding-left: 6mm; }
.quote { border-left: 2px solid #999; padding-left: 3mm; }
.small { font-size: 9.5pt; color: #333; }
.next-page { break-before: page; }
.markdown h1, .markdown h2, .markdown h3 { border: 0; font-size: 11pt; margin: 3mm 0 1mm; }
.markdown p { margin: 0 0 2mm; }
/* a single line break in the text stays a line break (micromark keeps it as a newline) */
.markdown p, .markdown li { white-space: pre-line; }
.markdown blockquote { margin: 0 0 2mm; padding-left: 3mm; border-left: 2px solid #999; }
`;

/** A printable A4 HTML page in Dutch around `body`; Chromium prints it to PDF as it is. */
export function documentPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
