#!/usr/bin/env node
// Checks screenshot PNGs are real pictures of the app: decodes each (8-bit
// RGB/RGBA, any filter) and requires many colours and some bright text;
// with two files, also that they differ (the app showed two states).
//   node tests/desktop/check_png.mjs FILE.png [OTHER.png]
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

function decode(file) {
  const buf = readFileSync(file);
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error(`${file}: not a PNG`);
  let pos = 8, width = 0, height = 0, channels = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8) throw new Error('only 8-bit PNGs are checked');
      channels = { 2: 3, 6: 4 }[data[9]];
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const img = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? img[y * stride + x - channels] : 0;
      const b = y > 0 ? img[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? img[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const pred = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][f];
      img[y * stride + x] = (v + pred) & 0xff;
    }
  }
  return { width, height, channels, img };
}

function check(file) {
  const { width, height, channels, img } = decode(file);
  const colours = new Set();
  let bright = 0;
  for (let i = 0; i < img.length; i += channels * 7) {
    colours.add((img[i] << 16) | (img[i + 1] << 8) | img[i + 2]);
    if (img[i] + img[i + 1] + img[i + 2] > 500) bright++;
  }
  console.log(`${file}: ${width}x${height}, ${colours.size} colours sampled, ${bright} bright`);
  if (width < 100 || height < 100 || colours.size < 16 || bright < 50) {
    console.error('screenshot looks blank');
    process.exit(1);
  }
  return { width, height, channels, img };
}

const files = process.argv.slice(2);
const pictures = files.map(check);
if (pictures.length === 2) {
  const [a, b] = pictures;
  let differ = 0, sampled = 0;
  for (let i = 0; i < Math.min(a.img.length, b.img.length); i += a.channels * 5) {
    sampled++;
    if (a.img[i] !== b.img[i] || a.img[i + 1] !== b.img[i + 1] || a.img[i + 2] !== b.img[i + 2]) differ++;
  }
  console.log(`${files[0]} vs ${files[1]}: ${differ} of ${sampled} sampled pixels differ`);
  if (differ < sampled / 200) {
    console.error('the two screenshots are (nearly) the same');
    process.exit(1);
  }
}
