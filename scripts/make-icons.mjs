// Draws Margin's icon — a sheet of paper with a red margin rule, lines of text, one of them
// highlighted — and writes assets/icon.svg, assets/icon.png (1024×1024) and assets/icon.ico
// (PNG-compressed entries, 16–256 px). No image libraries: shapes are signed distance fields,
// antialiased by distance, and PNG is encoded with zlib. Run: node scripts/make-icons.mjs
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const assets = path.join(root, 'assets');

// Geometry on a 1024 grid, shared by the raster and the SVG.
const BG = { x: 64, y: 64, w: 896, h: 896, r: 200, top: '#2d4a63', bottom: '#1b2e40' };
const PAGE = { x: 262, y: 180, w: 500, h: 664, r: 34, fill: '#fbf8f1', fold: 120 };
const FOLD_FILL = '#e4dccb';
const MARGIN_RULE = { x: 338, w: 12, fill: '#d8574d' };
const LINE_FILL = '#c4bcad';
const HIGHLIGHT = { fill: '#f4c542', alpha: 0.9 };
const NOTE_DOT = { x: 304, r: 17, fill: '#f4c542' };

/** Text lines; small icons get fewer, bolder lines so they do not blur into grey. */
function textLines(size) {
  const ends = size <= 48 ? [650, 700, 610] : [640, 700, 690, 560, 700, 660, 600];
  const top = size <= 48 ? 330 : 318;
  const step = size <= 48 ? 150 : 72;
  const h = size <= 48 ? 52 : 26;
  return ends.map((end, i) => ({ x: 382, y: top + i * step, w: end - 382, h, r: h / 2 }));
}
const HIGHLIGHTED_LINE = 2;

function hex(color) {
  const n = parseInt(color.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

// --- signed distance functions (negative inside) --------------------------------------------
function sdRoundRect(px, py, { x, y, w, h, r }) {
  const qx = Math.abs(px - (x + w / 2)) - (w / 2 - r);
  const qy = Math.abs(py - (y + h / 2)) - (h / 2 - r);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

function sdPolygon(px, py, points) {
  let d = Infinity;
  let sign = 1;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [ax, ay] = points[j];
    const [bx, by] = points[i];
    const ex = bx - ax;
    const ey = by - ay;
    const wx = px - ax;
    const wy = py - ay;
    const t = Math.min(Math.max((wx * ex + wy * ey) / (ex * ex + ey * ey), 0), 1);
    d = Math.min(d, Math.hypot(wx - ex * t, wy - ey * t));
    const c1 = py >= ay;
    const c2 = py < by;
    const c3 = ex * wy > ey * wx;
    if ((c1 && c2 && c3) || (!c1 && !c2 && !c3)) sign = -sign;
  }
  return sign * d;
}

const sdCircle = (px, py, { x, y, r }) => Math.hypot(px - x, py - y) - r;

/** The page outline: a rounded rectangle with its top-right corner folded away. */
function sdPage(px, py) {
  const body = sdRoundRect(px, py, PAGE);
  const cx = PAGE.x + PAGE.w;
  const cut = sdPolygon(px, py, [
    [cx - PAGE.fold, PAGE.y - 1],
    [cx + 1, PAGE.y - 1],
    [cx + 1, PAGE.y + PAGE.fold],
  ]);
  return Math.max(body, -cut);
}
// The dog-ear: the cut-away corner folded down onto the page.
const FOLD = [
  [PAGE.x + PAGE.w - PAGE.fold, PAGE.y],
  [PAGE.x + PAGE.w - PAGE.fold, PAGE.y + PAGE.fold],
  [PAGE.x + PAGE.w, PAGE.y + PAGE.fold],
];

// --- raster ----------------------------------------------------------------------------------
function render(size) {
  const scale = 1024 / size;
  const pixels = new Float64Array(size * size * 4);
  const lines = textLines(size);
  const hl = lines[HIGHLIGHTED_LINE];
  const highlight = { x: hl.x - 14, y: hl.y - 16, w: hl.w + 28, h: hl.h + 32, r: 12 };
  const top = hex(BG.top);
  const bottom = hex(BG.bottom);
  const layers = [];

  // Coverage of a shape from its distance: a one-pixel-wide ramp across the edge.
  const cover = (d) => Math.min(Math.max(0.5 - d / scale, 0), 1);

  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) * scale;
      const y = (py + 0.5) * scale;
      const t = Math.min(Math.max((y - BG.y) / BG.h, 0), 1);
      const bg = top.map((c, i) => c + (bottom[i] - c) * t);
      layers.length = 0;
      layers.push([bg, cover(sdRoundRect(x, y, BG))]);
      // A soft shadow under the page, offset downwards.
      const shadow = sdPage(x, y - 18);
      layers.push([[8, 16, 24], 0.35 * Math.min(Math.max(0.5 - shadow / 36, 0), 1)]);
      const page = sdPage(x, y);
      layers.push([hex(PAGE.fill), cover(page)]);
      const inPage = (d) => Math.min(cover(d), cover(page));
      layers.push([hex(FOLD_FILL), inPage(sdPolygon(x, y, FOLD))]);
      layers.push([hex(HIGHLIGHT.fill), HIGHLIGHT.alpha * inPage(sdRoundRect(x, y, highlight))]);
      const rule = { x: MARGIN_RULE.x, y: PAGE.y, w: MARGIN_RULE.w, h: PAGE.h, r: 0 };
      layers.push([hex(MARGIN_RULE.fill), inPage(sdRoundRect(x, y, rule))]);
      for (const line of lines) layers.push([hex(LINE_FILL), inPage(sdRoundRect(x, y, line))]);
      const dot = { x: NOTE_DOT.x, y: hl.y + hl.h / 2, r: NOTE_DOT.r * (size <= 48 ? 1.6 : 1) };
      layers.push([hex(NOTE_DOT.fill), inPage(sdCircle(x, y, dot))]);

      // Source-over compositing, straight alpha.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const [[lr, lg, lb], la] of layers) {
        if (la <= 0) continue;
        const outA = la + a * (1 - la);
        r = (lr * la + r * a * (1 - la)) / outA;
        g = (lg * la + g * a * (1 - la)) / outA;
        b = (lb * la + b * a * (1 - la)) / outA;
        a = outA;
      }
      const o = (py * size + px) * 4;
      pixels.set([r, g, b, a * 255], o);
    }
  }
  return Uint8Array.from(pixels, (v) => Math.round(Math.min(Math.max(v, 0), 255)));
}

// --- PNG and ICO encoding --------------------------------------------------------------------
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(zlib.crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    raw.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ICO whose entries are whole PNG files, which Windows accepts since Vista. */
function encodeIco(images) {
  const header = Buffer.alloc(6 + images.length * 16);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + i * 16;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

// --- SVG -------------------------------------------------------------------------------------
function svg() {
  const lines = textLines(1024);
  const hl = lines[HIGHLIGHTED_LINE];
  const rect = ({ x, y, w, h, r }, fill, extra = '') =>
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${r}" fill="${fill}"${extra}/>`;
  const px = PAGE.x + PAGE.w;
  const pageClip =
    `M${PAGE.x + PAGE.r} ${PAGE.y}H${px - PAGE.fold}L${px} ${PAGE.y + PAGE.fold}` +
    `V${PAGE.y + PAGE.h - PAGE.r}a${PAGE.r} ${PAGE.r} 0 0 1 -${PAGE.r} ${PAGE.r}` +
    `H${PAGE.x + PAGE.r}a${PAGE.r} ${PAGE.r} 0 0 1 -${PAGE.r} -${PAGE.r}` +
    `V${PAGE.y + PAGE.r}a${PAGE.r} ${PAGE.r} 0 0 1 ${PAGE.r} -${PAGE.r}Z`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024" viewBox="0 0 1024 1024">
  <title>Margin</title>
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${BG.top}"/>
      <stop offset="1" stop-color="${BG.bottom}"/>
    </linearGradient>
    <filter id="shadow" x="-20%" y="-20%" width="140%" height="140%">
      <feGaussianBlur stdDeviation="14"/>
    </filter>
    <clipPath id="page"><path d="${pageClip}"/></clipPath>
  </defs>
  ${rect(BG, 'url(#bg)')}
  <path d="${pageClip}" transform="translate(0 18)" fill="#081018" opacity="0.35" filter="url(#shadow)"/>
  <path d="${pageClip}" fill="${PAGE.fill}"/>
  <g clip-path="url(#page)">
    <path d="M${FOLD.map(([x, y]) => `${x} ${y}`).join('L')}Z" fill="${FOLD_FILL}"/>
    ${rect({ x: hl.x - 14, y: hl.y - 16, w: hl.w + 28, h: hl.h + 32, r: 12 }, HIGHLIGHT.fill, ` fill-opacity="${HIGHLIGHT.alpha}"`)}
    ${rect({ x: MARGIN_RULE.x, y: PAGE.y, w: MARGIN_RULE.w, h: PAGE.h, r: 0 }, MARGIN_RULE.fill)}
    ${lines.map((line) => rect(line, LINE_FILL)).join('\n    ')}
    <circle cx="${NOTE_DOT.x}" cy="${hl.y + hl.h / 2}" r="${NOTE_DOT.r}" fill="${NOTE_DOT.fill}"/>
  </g>
</svg>
`;
}

await mkdir(assets, { recursive: true });
const started = performance.now();
await writeFile(path.join(assets, 'icon.svg'), svg());
await writeFile(path.join(assets, 'icon.png'), encodePng(1024, render(1024)));
const icoSizes = [16, 24, 32, 48, 64, 128, 256];
const ico = icoSizes.map((size) => ({ size, png: encodePng(size, render(size)) }));
await writeFile(path.join(assets, 'icon.ico'), encodeIco(ico));
console.log(
  `wrote assets/icon.svg, icon.png (1024²), icon.ico (${icoSizes.join(', ')}) in ` +
    `${Math.round(performance.now() - started)} ms`,
);
