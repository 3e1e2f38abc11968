import 'server-only';
// The getting-started guide as HTML, rendered once per process on the server from content/docs/*.md by `marked`:
// headings get ids (for links and the contents list) and move one level down (the page has its own h1), code blocks keep
// their language as a class.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Marked } from 'marked';

export type GuideHeading = { id: string; text: string; depth: number };
export type RenderedGuide = { title: string; html: string; headings: GuideHeading[] };

/** `Handle rate limits and retries` → `handle-rate-limits-and-retries`. */
export function headingId(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/&[a-z]+;|&#\d+;/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function renderGuide(markdown: string): RenderedGuide {
  const headings: GuideHeading[] = [];
  let title = '';
  const marked = new Marked({
    gfm: true,
    renderer: {
      // NOTE: a code block scrolls sideways on a phone, so it takes focus to be scrollable by keyboard (axe).
      code({ text, lang }) {
        const language = lang ? ` class="language-${escapeHtml(lang.split(/\s/)[0]!)}"` : '';
        return `<pre tabindex="0"><code${language}>${escapeHtml(text)}</code></pre>\n`;
      },
      heading({ tokens, depth, text }) {
        const inner = this.parser.parseInline(tokens);
        if (depth === 1) {
          title = text;
          return '';
        }
        const id = headingId(text);
        headings.push({ id, text, depth });
        const level = Math.min(depth + 1, 6);
        return `<h${level} id="${id}"><a href="#${id}">${inner}</a></h${level}>\n`;
      },
    },
  });
  const html = marked.parse(markdown, { async: false });
  return { title, html, headings };
}

const cache = new Map<string, RenderedGuide>();

/** A guide from content/docs/<name>.md. */
export function loadGuide(name: 'api-getting-started'): RenderedGuide {
  let guide = cache.get(name);
  if (!guide) {
    guide = renderGuide(readFileSync(path.join(process.cwd(), 'content', 'docs', `${name}.md`), 'utf8'));
    cache.set(name, guide);
  }
  return guide;
}
