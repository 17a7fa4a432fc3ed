/**
 * The built-in export templates. Each is a template like any user's (see docs/export.md): YAML
 * front matter between `---` lines, then the Markdown Margin manages. The per-highlight layout is
 * the inside of `{{#highlights}}…{{/highlights}}` (also what "Copy as Markdown" writes).
 */

const FRONT_MATTER_FIELDS = `title: {{title}}
{{#author}}
author: {{author}}
{{/author}}
{{#site}}
site: {{site}}
{{/site}}
{{#url}}
url: {{url}}
{{/url}}
{{#saved}}
saved: {{saved}}
{{/saved}}
{{#published}}
published: {{published}}
{{/published}}
tags: {{tags}}
highlights: {{highlightCount}}
`;

const NOTE_SECTION = `{{#note}}
## Note

{{note}}
{{/note}}
`;

/**
 * For Obsidian: each quote gets a block id on its own line (Obsidian needs that for quotes), so
 * `[[Title#^hl-ab12cd34]]` links to it, and a link back to the passage in Margin.
 */
const OBSIDIAN = `---
id: {{id}}
${FRONT_MATTER_FIELDS}---
# {{title}}

{{#url}}[Original]({{url}}) · {{/url}}[Open in Margin]({{link}})

{{#highlights}}
> {{text}}

^{{blockId}}

[Open in Margin]({{link}}){{#percent}} · {{percent}}%{{/percent}}{{#hashtags}} · {{hashtags}}{{/hashtags}}

{{#note}}
{{note}}

{{/note}}
{{/highlights}}
{{#hasOrphans}}
## Orphaned highlights

These passages are no longer found in the article's text.

{{#orphans}}
> {{text}}

^{{blockId}}

[Open in Margin]({{link}}) · _orphaned: no longer found in the article_

{{#note}}
{{note}}

{{/note}}
{{/orphans}}
{{/hasOrphans}}
${NOTE_SECTION}`;

/**
 * For Logseq: an outline, one bullet per highlight with its link and note as children. No `id`
 * key in the front matter: Logseq keeps `id` for block UUIDs. Margin finds these files again by
 * the markers around the managed region.
 */
const LOGSEQ = `---
${FRONT_MATTER_FIELDS}---
- {{#url}}[Original]({{url}}) · {{/url}}[Open in Margin]({{link}})
{{#highlights}}
- > {{text}}
  - [Open in Margin]({{link}}){{#percent}} · {{percent}}%{{/percent}}{{#hashtags}} · {{hashtags}}{{/hashtags}}
{{#note}}
  - {{note}}
{{/note}}
{{/highlights}}
{{#hasOrphans}}
- Orphaned highlights: no longer found in the article's text
{{#orphans}}
  - > {{text}}
    - [Open in Margin]({{link}}) · _orphaned: no longer found in the article_
{{#note}}
    - {{note}}
{{/note}}
{{/orphans}}
{{/hasOrphans}}
{{#note}}
- Note
  - {{note}}
{{/note}}
`;

/** Plain Markdown for any reader: quotes and notes, no app-specific syntax or links. */
const PLAIN = `---
id: {{id}}
${FRONT_MATTER_FIELDS}---
# {{title}}

{{#highlights}}
> {{text}}

{{#hashtags}}
{{hashtags}}

{{/hashtags}}
{{#note}}
{{note}}

{{/note}}
{{/highlights}}
{{#hasOrphans}}
## Orphaned highlights

These passages are no longer found in the article's text.

{{#orphans}}
> {{text}}

_Orphaned: no longer found in the article._

{{#note}}
{{note}}

{{/note}}
{{/orphans}}
{{/hasOrphans}}
${NOTE_SECTION}`;

export const TEMPLATE_PRESETS = { obsidian: OBSIDIAN, logseq: LOGSEQ, plain: PLAIN } as const;
export type TemplatePresetName = keyof typeof TEMPLATE_PRESETS;
export const DEFAULT_PRESET: TemplatePresetName = 'obsidian';

export function isTemplatePresetName(name: string): name is TemplatePresetName {
  return Object.hasOwn(TEMPLATE_PRESETS, name);
}
