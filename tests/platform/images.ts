/**
 * The seeded portfolio's pictures, drawn by code: a small raster painter (rectangles, rounded rectangles, circles,
 * gradients, anti-aliased by 4×4 sampling at the edges) and a PNG encoder on node:zlib. No canvas, no network.
 * `npm run platform:pictures` writes them to tests/platform/pictures/ (committed, read by the seed: drawing them
 * takes longer than a seed should); tests/unit/platform/seed-content.test.ts checks the files are what this draws.
 */
import { crc32, deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];

const hex = (value: string): Rgb => [Number.parseInt(value.slice(1, 3), 16), Number.parseInt(value.slice(3, 5), 16), Number.parseInt(value.slice(5, 7), 16)];

/** An RGB picture being painted; shapes blend by their covered share of each pixel. */
class Painting {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: string,
  ) {
    this.pixels = new Uint8Array(width * height * 3);
    this.rect(0, 0, width, height, background);
  }

  private blend(x: number, y: number, color: Rgb, alpha: number): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || alpha <= 0) return;
    const at = (y * this.width + x) * 3;
    for (let channel = 0; channel < 3; channel += 1) {
      const old = this.pixels[at + channel] as number;
      this.pixels[at + channel] = Math.round(old + ((color[channel] as number) - old) * Math.min(1, alpha));
    }
  }

  /** Paints where `inside(x, y)` holds, sampling 4×4 points a pixel where its corners disagree. */
  private shape(left: number, top: number, right: number, bottom: number, color: Rgb, inside: (x: number, y: number) => boolean): void {
    for (let y = Math.max(0, Math.floor(top)); y < Math.min(this.height, Math.ceil(bottom)); y += 1) {
      for (let x = Math.max(0, Math.floor(left)); x < Math.min(this.width, Math.ceil(right)); x += 1) {
        const corners = [inside(x, y), inside(x + 1, y), inside(x, y + 1), inside(x + 1, y + 1)];
        if (corners.every(Boolean)) {
          this.blend(x, y, color, 1);
          continue;
        }
        let hits = 0;
        for (let sy = 0; sy < 4; sy += 1) for (let sx = 0; sx < 4; sx += 1) if (inside(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hits += 1;
        this.blend(x, y, color, hits / 16);
      }
    }
  }

  rect(x: number, y: number, width: number, height: number, color: string): this {
    if ([x, y, width, height].every(Number.isInteger)) {
      // Whole pixels: a plain fill (most rectangles, and the background).
      const rgb = hex(color);
      for (let row = Math.max(0, y); row < Math.min(this.height, y + height); row += 1) {
        for (let column = Math.max(0, x); column < Math.min(this.width, x + width); column += 1) this.pixels.set(rgb, (row * this.width + column) * 3);
      }
      return this;
    }
    this.shape(x, y, x + width, y + height, hex(color), (px, py) => px >= x && px <= x + width && py >= y && py <= y + height);
    return this;
  }

  round(x: number, y: number, width: number, height: number, radius: number, color: string): this {
    const r = Math.min(radius, width / 2, height / 2);
    this.shape(x, y, x + width, y + height, hex(color), (px, py) => {
      if (px < x || px > x + width || py < y || py > y + height) return false;
      const dx = Math.max(x + r - px, 0, px - (x + width - r));
      const dy = Math.max(y + r - py, 0, py - (y + height - r));
      return dx * dx + dy * dy <= r * r;
    });
    return this;
  }

  circle(cx: number, cy: number, radius: number, color: string): this {
    this.shape(cx - radius, cy - radius, cx + radius, cy + radius, hex(color), (px, py) => (px - cx) ** 2 + (py - cy) ** 2 <= radius * radius);
    return this;
  }

  /** A ring between two radii. */
  ring(cx: number, cy: number, outer: number, inner: number, color: string): this {
    this.shape(cx - outer, cy - outer, cx + outer, cy + outer, hex(color), (px, py) => {
      const distance = (px - cx) ** 2 + (py - cy) ** 2;
      return distance <= outer * outer && distance >= inner * inner;
    });
    return this;
  }

  /** A vertical gradient from `from` at the top to `to` at the bottom. */
  gradient(x: number, y: number, width: number, height: number, from: string, to: string): this {
    const [a, b] = [hex(from), hex(to)];
    for (let row = 0; row < height; row += 1) {
      const t = height <= 1 ? 0 : row / (height - 1);
      const color = [0, 1, 2].map((channel) => Math.round((a[channel] as number) + ((b[channel] as number) - (a[channel] as number)) * t)) as unknown as Rgb;
      for (let column = Math.max(0, x); column < Math.min(this.width, x + width); column += 1) this.pixels.set(color, ((y + row) * this.width + column) * 3);
    }
    return this;
  }

  /** Lines of "text" as rounded bars of the given widths. */
  text(x: number, y: number, widths: readonly number[], color: string, thickness = 8, gap = 16): this {
    widths.forEach((width, line) => this.round(x, y + line * gap, width, thickness, thickness / 2, color));
    return this;
  }

  /** A triangle, for roofs, arrows and mountains. */
  triangle(points: readonly [number, number][], color: string): this {
    const xs = points.map(([x]) => x);
    const ys = points.map(([, y]) => y);
    const [[ax, ay], [bx, by], [cx, cy]] = points as [[number, number], [number, number], [number, number]];
    const side = (px: number, py: number, x1: number, y1: number, x2: number, y2: number): number => (px - x2) * (y1 - y2) - (x1 - x2) * (py - y2);
    this.shape(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys), hex(color), (px, py) => {
      const d1 = side(px, py, ax, ay, bx, by);
      const d2 = side(px, py, bx, by, cx, cy);
      const d3 = side(px, py, cx, cy, ax, ay);
      return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
    });
    return this;
  }
}

const chunk = (type: string, data: Buffer): Buffer => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** The painting as a PNG (8-bit RGB, each row filtered with Sub, which suits flat colours). */
const encodePng = (painting: Painting): Buffer => {
  const { width, height, pixels } = painting;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rowBytes = width * 3;
  const raw = Buffer.alloc(height * (rowBytes + 1));
  for (let y = 0; y < height; y += 1) {
    const out = y * (rowBytes + 1);
    raw[out] = 1;
    for (let index = 0; index < rowBytes; index += 1) {
      const value = pixels[y * rowBytes + index] as number;
      const left = index >= 3 ? (pixels[y * rowBytes + index - 3] as number) : 0;
      raw[out + 1 + index] = (value - left) & 0xff;
    }
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
};

export const portfolioImageSize = { width: 800, height: 500 } as const;

/** A browser window holding an online wine shop: a hero with a bottle, three product cards. */
const drawWineShop = (accent: string): Painting => {
  const p = new Painting(800, 500, '#efe7dc');
  p.round(60, 40, 680, 440, 14, '#ffffff').round(60, 40, 680, 36, 14, '#ded5c8').rect(60, 60, 680, 16, '#ded5c8');
  p.circle(84, 58, 6, '#e0776b').circle(104, 58, 6, '#e6b85c').circle(124, 58, 6, '#7fb77e').round(160, 50, 420, 16, 8, '#f6f1ea');
  p.gradient(60, 76, 680, 170, accent, '#3b1220');
  p.text(100, 120, [260, 190], '#f7e9e4', 16, 30).round(100, 190, 120, 30, 15, '#f2c46d');
  // The bottle.
  p.round(560, 96, 26, 40, 6, '#1d2b22').round(538, 130, 70, 110, 18, '#1d2b22').rect(548, 170, 50, 40, '#efe3c8').rect(556, 182, 34, 6, accent);
  for (let card = 0; card < 3; card += 1) {
    const x = 100 + card * 210;
    p.round(x, 270, 180, 180, 10, '#f6f1ea').round(x + 20, 285, 140, 90, 8, ['#c9a27a', '#8e2f3f', '#d8c07a'][card] as string);
    p.text(x + 20, 392, [120, 80], '#b7aa9a', 8, 18).round(x + 110, 420, 50, 18, 9, accent);
  }
  return p;
};

/** Two phones of a booking app on a teal ground: a padel court and the list of free slots. */
const drawBookingApp = (accent: string): Painting => {
  const p = new Painting(800, 500, '#0f5c63').gradient(0, 0, 800, 500, '#127078', '#0b3d47');
  const phone = (x: number, y: number): void => {
    p.round(x, y, 230, 440, 34, '#10151a').round(x + 12, y + 14, 206, 412, 26, '#f4f7f6').round(x + 85, y + 22, 60, 10, 5, '#10151a');
  };
  phone(150, 40);
  p.round(176, 80, 178, 160, 12, '#3f9b5a').rect(262, 80, 6, 160, '#ffffff').rect(176, 157, 178, 6, '#ffffff').ring(265, 160, 40, 35, '#ffffff');
  p.text(176, 262, [150, 110], '#7d8a8f', 10, 22);
  for (let row = 0; row < 3; row += 1) p.round(176, 318 + row * 40, 178, 30, 8, row === 1 ? accent : '#dfe8e6');
  phone(420, 20);
  p.round(446, 60, 178, 40, 10, accent).text(460, 74, [90], '#ffffff', 12);
  for (let row = 0; row < 6; row += 1) {
    const y = 118 + row * 48;
    p.circle(468, y + 16, 14, ['#f2b950', '#3f9b5a', '#e66a5a'][row % 3] as string).text(494, y + 6, [100, 70], '#9aa6aa', 8, 16);
    p.round(590, y + 6, 34, 20, 10, row % 2 === 0 ? '#3f9b5a' : '#dfe8e6');
  }
  return p;
};

/** Pages of a technical manual, fanned out: a machine drawing with callouts, columns of text. */
const drawManual = (accent: string): Painting => {
  const p = new Painting(800, 500, '#dfe4ea');
  p.round(120, 70, 300, 390, 6, '#c5ccd6').round(140, 55, 300, 390, 6, '#d5dbe3');
  p.round(160, 40, 300, 400, 6, '#ffffff').rect(160, 40, 300, 40, accent).text(180, 54, [150], '#ffffff', 12);
  // The machine: a body, a cab, two wheels.
  p.round(200, 170, 170, 60, 8, '#e9a23b').round(300, 120, 60, 60, 6, '#e9a23b').rect(310, 130, 40, 30, '#cfe3f2');
  p.circle(235, 240, 34, '#2f3640').circle(235, 240, 14, '#9aa3ad').circle(345, 250, 24, '#2f3640').circle(345, 250, 9, '#9aa3ad');
  for (const [x, y] of [[200, 140], [400, 190]] as const) p.circle(x, y, 11, accent).circle(x, y, 4, '#ffffff');
  p.text(180, 300, [260, 240, 255, 200, 250, 230, 120], '#b6bfca', 7, 18);
  p.round(500, 60, 240, 380, 6, '#ffffff').rect(500, 60, 240, 6, accent);
  for (let column = 0; column < 2; column += 1) p.text(520 + column * 110, 90, [90, 80, 95, 70, 88, 92, 60, 85, 90, 75, 94, 66, 80, 90, 72, 88, 54], '#b6bfca', 6, 20);
  return p;
};

/** A bakery's identity: the round mark, a paper bag and a business card on a warm ground. */
const drawBakeryBrand = (accent: string): Painting => {
  const p = new Painting(800, 500, '#f3e6cf');
  p.circle(250, 230, 150, '#5a3a22').ring(250, 230, 132, 126, '#f3e6cf').circle(250, 230, 96, accent);
  // A loaf: an oval of circles with three scores.
  for (let step = -2; step <= 2; step += 1) p.circle(250 + step * 22, 230 - Math.abs(step) * 4, 40 - Math.abs(step) * 6, '#e9b872');
  for (const x of [222, 250, 278]) p.round(x - 4, 205, 8, 44, 4, '#c78a45');
  p.text(180, 400, [140], '#5a3a22', 14);
  p.triangle([[470, 170], [650, 170], [560, 120]], '#c9a77a');
  p.round(470, 160, 180, 250, 6, '#d9b98c').circle(560, 270, 46, '#5a3a22').circle(560, 270, 30, accent);
  p.round(600, 380, 160, 96, 8, '#fffaf1').circle(636, 418, 16, '#5a3a22').text(662, 408, [80, 60], '#b89b7a', 7, 16);
  return p;
};

/** A search dashboard: visits rising month by month, the position for the key query, the first results. */
const drawSeoDashboard = (accent: string): Painting => {
  const p = new Painting(800, 500, '#f1f4f9');
  p.rect(0, 0, 170, 500, '#1f2a44');
  for (let row = 0; row < 6; row += 1) p.round(24, 40 + row * 44, row === 1 ? 122 : 100, 12, 6, row === 1 ? '#ffffff' : '#55617e');
  p.round(200, 30, 570, 260, 12, '#ffffff').text(224, 50, [180], '#8a94a8', 10);
  const heights = [30, 38, 36, 52, 60, 74, 90, 112, 128, 150, 170, 190];
  heights.forEach((height, month) => p.round(228 + month * 44, 270 - height, 26, height, 5, month >= 8 ? accent : '#c7d3ea'));
  for (let card = 0; card < 3; card += 1) {
    const x = 200 + card * 196;
    p.round(x, 310, 178, 160, 12, '#ffffff').text(x + 18, 330, [90], '#8a94a8', 8);
    if (card === 0) p.circle(x + 89, 410, 40, accent).circle(x + 89, 410, 26, '#ffffff').text(x + 76, 405, [26], accent, 10);
    else p.text(x + 18, 362, [140, 110, 130, 90, 120], card === 1 ? '#1a73e8' : '#b2bccd', 7, 20);
  }
  return p;
};

const drawings = [
  ['wine-shop', () => drawWineShop('#8e2f3f')],
  ['booking-app', () => drawBookingApp('#f07b3f')],
  ['manual', () => drawManual('#2f6fb3')],
  ['bakery-brand', () => drawBakeryBrand('#c0502e')],
  ['seo-dashboard', () => drawSeoDashboard('#17a673')],
] as const;

/** The pictures of the seed's portfolio templates, in their order, by file name (`<name>.png`). */
export const portfolioPictureNames: readonly string[] = drawings.map(([name]) => `${name}.png`);

/** Draws the `index`-th picture (of `portfolioPictureNames`) as PNG bytes. */
export const drawPortfolioPicture = (index: number): Buffer => encodePng((drawings[index] as (typeof drawings)[number])[1]());

/** `tsx tests/platform/images.ts`: (re)writes the committed pictures. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const folder = new URL('./pictures/', import.meta.url);
  mkdirSync(folder, { recursive: true });
  portfolioPictureNames.forEach((name, index) => writeFileSync(new URL(name, folder), drawPortfolioPicture(index)));
  console.log(`Wrote ${portfolioPictureNames.join(', ')} to ${folder.pathname}`);
}
