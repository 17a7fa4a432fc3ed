import { readFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../electron/core/import/bulk/csv';
import { parseOmnivoreHighlights } from '../../../electron/core/import/bulk/omnivore';
import { detectFormat, parseExport } from '../../../electron/core/import/bulk/parse-export';
import { repoRoot } from '../../support/paths';

const fixture = (name: string) => readFileSync(path.join(repoRoot, 'tests/fixtures/bulk', name));
const page = (name: string) => `http://corpus.margin.test/pages/${name}`;

describe('reading exports from other apps', () => {
  it("Pocket's ril_export.html: unread and archived items, tags and dates", () => {
    const bytes = fixture('pocket/ril_export.html');
    expect(detectFormat('ril_export.html', bytes)).toBe('pocket');
    const { items, unreadable } = parseExport('ril_export.html', bytes);
    expect(unreadable).toEqual([]);
    expect(items.map((i) => i.url)).toEqual(
      ['guardian-1', 'quanta-1', 'heise', 'bbc-1', 'aclu'].map(page),
    );
    expect(items[0]).toMatchObject({
      title: "'What is the sea telling us?': Māori tribes fearful over whale strandings",
      content: null,
      extras: {
        tags: ['oceans', 'new zealand'],
        savedAt: '2019-01-03T08:00:00.000Z',
        read: false,
        archived: false,
      },
    });
    expect(items[2]!.extras.tags).toEqual([]);
    expect(items[3]!.extras).toMatchObject({
      tags: ['politics', 'guns'],
      archived: true,
      read: true,
    });
  });

  it("Pocket's CSV: title,url,time_added,tags,status with | between tags", () => {
    const bytes = fixture('pocket/part_000000.csv');
    expect(detectFormat('part_000000.csv', bytes)).toBe('pocket');
    const { items } = parseExport('part_000000.csv', bytes);
    expect(items).toHaveLength(4);
    expect(items[1]).toMatchObject({
      url: page('nytimes-2'),
      title: 'Yahoo’s Sale to Verizon Leaves Shareholders With Little Say',
      extras: { tags: ['business'], archived: true, savedAt: '2016-07-26T00:00:00.000Z' },
    });
    expect(items[2]!.title).toMatch(/ReactJS Skills in High Demand, WordPress/);
    expect(items[2]!.extras.tags).toEqual(['dev', 'jobs', 'wordpress']);
    expect(items[0]!.extras.archived).toBe(false);
  });

  it("Pocket's last export: a zip of part_*.csv files", () => {
    const zip = zipSync({
      'part_000000.csv': fixture('pocket/part_000000.csv'),
      'part_000001.csv': Buffer.from(
        'title,url,time_added,tags,status\nNew one,https://example.org/new,1700000000,later,unread\n',
      ),
    });
    expect(detectFormat('pocket.zip', zip)).toBe('pocket');
    const { items } = parseExport('pocket.zip', zip);
    expect(items.map((i) => i.title)).toHaveLength(5);
    expect(items[4]).toMatchObject({ url: 'https://example.org/new', extras: { tags: ['later'] } });
  });

  it("Instapaper's CSV: folders become states or tags, the selection a highlight", () => {
    const bytes = fixture('instapaper-export.csv');
    expect(detectFormat('instapaper-export.csv', bytes)).toBe('instapaper');
    const { items } = parseExport('instapaper-export.csv', bytes);
    expect(items.map((i) => [i.extras.read, i.extras.archived, i.extras.favorite])).toEqual([
      [false, false, false],
      [true, true, false],
      [false, false, true],
      [false, false, false],
    ]);
    expect(items[0]!.extras.tags).toEqual(['privacy', 'facebook']);
    expect(items[1]!.extras.highlights).toEqual([
      { quote: 'Mr Obama said it was "distressing" not to have made progress on the issue' },
    ]);
    expect(items[3]!.extras.tags).toEqual(['Tech', 'security']);
    expect(items[3]!.extras.savedAt).toBe('2020-10-01T00:00:00.000Z');
  });

  it("Omnivore's zip: metadata, content without the network, highlights with notes", () => {
    const bytes = fixture('omnivore-export.zip');
    expect(detectFormat('omnivore-export.zip', bytes)).toBe('omnivore');
    const { items } = parseExport('omnivore-export.zip', bytes);
    expect(items).toHaveLength(4);
    expect(items[0]).toMatchObject({
      url: page('aclu'),
      extras: {
        tags: ['privacy', 'facebook'],
        archived: true,
        read: true,
        savedAt: '2018-05-21T10:00:00.000Z',
        highlights: [
          { quote: "I don't use Facebook.", note: 'Opening line: the whole point of the piece.' },
          { quote: "I'm not technophobic — I'm a geek." },
        ],
      },
    });
    expect(items[0]!.content).toContain("I don't use Facebook.");
    expect(items[1]!.extras).toMatchObject({ archived: false, read: false });
    expect(items[3]!.content).toBeNull(); // no content file: fetched by its URL
  });

  it("Wallabag's JSON: content, states, tags and annotations with their notes", () => {
    const bytes = fixture('wallabag-export.json');
    expect(detectFormat('wallabag-export.json', bytes)).toBe('wallabag');
    const { items } = parseExport('wallabag-export.json', bytes);
    expect(items).toHaveLength(4);
    expect(items[0]).toMatchObject({
      title: 'The Hidden Heroines of Chaos',
      extras: { tags: ['science', 'history'], archived: true, read: true, favorite: false },
    });
    expect(items[0]!.extras.highlights).toEqual([
      {
        quote:
          'A little over half a century ago, chaos started spilling out of a famous experiment.',
        note: 'The LGP-30!',
        createdAt: '2020-05-12T07:31:00.000Z',
      },
      {
        quote: 'It was so loud that it even got its own office',
        createdAt: '2020-05-12T07:32:00.000Z',
      },
    ]);
    expect(items[1]!.extras.favorite).toBe(true);
    expect(items[0]!.content).toContain('Royal McBee LGP-30');
    expect(items[3]!.content).toBeNull(); // empty content: fetched by its URL
  });

  it('a plain list of URLs: comments, blanks and repeats skipped, a bad line reported', () => {
    const { items, unreadable } = parseExport('urls.txt', fixture('urls.txt'));
    expect(items.map((i) => i.url)).toEqual(['guardian-1', 'wordpress', 'bbc-1'].map(page));
    expect(unreadable).toEqual([{ label: 'not a url at all', reason: 'not a web address' }]);
  });

  it('refuses what is no known export, and a zip that is not Omnivore’s', () => {
    expect(() => parseExport('notes.csv', Buffer.from('a,b,c\n1,2,3\n'))).toThrow(
      /not an export Margin knows/,
    );
    const zip = zipSync({ 'readme.txt': Buffer.from('hello') });
    expect(() => parseExport('other.zip', zip)).toThrow(/not an Omnivore export/);
    expect(() => parseExport('broken.json', Buffer.from('[{"title": '))).toThrow(/not valid JSON/);
  });

  it('CSV fields with quotes, commas and line breaks', () => {
    expect(parseCsv('a,"b, ""c""","d\r\ne"\r\n1,2,3')).toEqual([
      ['a', 'b, "c"', 'd\r\ne'],
      ['1', '2', '3'],
    ]);
    expect(parseOmnivoreHighlights('> one\n> two [⤴️](https://x/y#1)\n\nnote\n')).toEqual([
      { quote: 'one\ntwo', note: 'note' },
    ]);
  });
});
