import { describe, expect, it } from 'vitest';
import {
  articleToMarkdown,
  presetTemplate,
  TEMPLATE_PRESETS,
  type TemplatePresetName,
} from '../../../electron/common/export/markdown';
import { XSS_PAYLOADS } from '../../fixtures/xss/payloads';
import { highlight, meta } from '../export/support/fixtures';
import { isSafeHref, linkTargets, liveHtml, parseExport } from '../export/support/markdown-check';

describe('Markdown export of hostile article content', () => {
  it.each(Object.keys(TEMPLATE_PRESETS) as TemplatePresetName[])(
    'carries no live HTML and no non-http(s) link from any XSS payload (%s)',
    (preset) => {
      const template = presetTemplate(preset);
      for (const payload of XSS_PAYLOADS) {
        const markdown = articleToMarkdown(
          {
            meta: meta({ title: payload.html, note: payload.html, siteName: payload.html }),
            highlights: [highlight(payload.html, 0, { note: payload.html })],
          },
          template,
        );
        const { tokens } = parseExport(markdown);
        expect([payload.id, liveHtml(tokens)]).toEqual([payload.id, []]);
        const unsafe = linkTargets(tokens).filter((href) => !isSafeHref(href));
        expect([payload.id, unsafe]).toEqual([payload.id, []]);
      }
    },
  );
});
