// Text as the builder's lexicons match it: full-width folded, lower case, Latin accents and Arabic vowel marks removed,
// Arabic letter variants unified, Arabic-Indic digits as 0–9, punctuation as spaces, padded with one space each side.
const ARABIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;

export function normalizeText(text: string): string {
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(ARABIC_DIGITS, (digit) => String((digit.charCodeAt(0) - 0x0660) % 0x90))
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u064b-\u0652\u0670\u0640]/g, '')
    .normalize('NFC')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ß/g, 'ss')
    .replace(/[’‘`´]/g, "'")
    .replace(/(\d)[.,](\d{3})(?!\d)/g, '$1$2')
    .replace(/[^\p{L}\p{N}\s:£$€¥%'/.@-]|[-.'/](?!\p{N})/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return ` ${folded} `;
}
