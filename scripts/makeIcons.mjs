#!/usr/bin/env node
/**
 * Draws the Teams app icons with nothing but Node: appPackage/color.png (192×192, full colour)
 * and appPackage/outline.png (32×32, white on transparent, as Teams requires).
 * The picture: a speech bubble holding two lines of text. Run: npm run icons
 */
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

const APP_PACKAGE = new URL('../appPackage/', import.meta.url);
/** Background of the colour icon (Teams shows it on its own tile). */
const ACCENT = [0x46, 0x4e, 0xb8];
/** Samples per pixel side, for smooth edges. */
const SUPERSAMPLING = 4;

/** Encodes RGBA pixels as a PNG file. */
function encodePng(width, height, rgba) {
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y += 1) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Inside a rounded rectangle (coordinates in 0..1). */
const roundedRect = (x, y, left, top, right, bottom, radius) => {
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return x >= left && x <= right && y >= top && y <= bottom && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
};

/** Inside the triangle abc. */
const triangle = (x, y, [ax, ay], [bx, by], [cx, cy]) => {
  const side = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = side(ax, ay, bx, by);
  const d2 = side(bx, by, cx, cy);
  const d3 = side(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};

/** The speech bubble, scaled into the box [inset, 1 - inset]. */
function bubble(x, y, inset) {
  const s = 1 - 2 * inset;
  const u = (x - inset) / s;
  const v = (y - inset) / s;
  return roundedRect(u, v, 0, 0.05, 1, 0.72, 0.16) || triangle(u, v, [0.2, 0.66], [0.42, 0.66], [0.16, 0.95]);
}

/** The two text lines inside the bubble. */
function lines(x, y, inset) {
  const s = 1 - 2 * inset;
  const u = (x - inset) / s;
  const v = (y - inset) / s;
  return roundedRect(u, v, 0.18, 0.24, 0.82, 0.33, 0.045) || roundedRect(u, v, 0.18, 0.44, 0.64, 0.53, 0.045);
}

/** Renders a picture: `paint(x, y)` returns [r, g, b, a] for a point in 0..1. */
function render(size, paint) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLING; sy += 1) {
        for (let sx = 0; sx < SUPERSAMPLING; sx += 1) {
          const [r, g, b, a] = paint((px + (sx + 0.5) / SUPERSAMPLING) / size, (py + (sy + 0.5) / SUPERSAMPLING) / size);
          sum[0] += r * a;
          sum[1] += g * a;
          sum[2] += b * a;
          sum[3] += a;
        }
      }
      const alpha = sum[3] / SUPERSAMPLING ** 2;
      const offset = (py * size + px) * 4;
      for (let channel = 0; channel < 3; channel += 1) rgba[offset + channel] = alpha ? Math.round(sum[channel] / sum[3]) : 0;
      rgba[offset + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, size, rgba);
}

const WHITE = [255, 255, 255, 1];
const CLEAR = [0, 0, 0, 0];

// Colour icon: white bubble with accent lines on an accent tile (Teams rounds the tile itself).
const color = render(192, (x, y) => {
  if (lines(x, y, 0.2)) return [...ACCENT, 1];
  if (bubble(x, y, 0.2)) return WHITE;
  return [...ACCENT, 1];
});

// Outline icon: the same bubble, white on transparent, lines cut out.
const outline = render(32, (x, y) => (bubble(x, y, 0.06) && !lines(x, y, 0.06) ? WHITE : CLEAR));

writeFileSync(new URL('color.png', APP_PACKAGE), color);
writeFileSync(new URL('outline.png', APP_PACKAGE), outline);
console.log('appPackage/color.png (192×192) and appPackage/outline.png (32×32) written');
