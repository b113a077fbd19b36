// Just enough colour science for the map: sRGB ⇄ CIELAB/LCh (D65) and the distance between two colours.

export type Rgb = { r: number; g: number; b: number };
export type Lab = { l: number; a: number; b: number };

const HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** "#rrggbb" or "#rgb" as 0–255 channels; anything else is null (a region's colour is typed by a person). */
export function parseHex(hex: string): Rgb | null {
  const m = HEX.exec(hex.trim());
  if (!m) return null;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  return {
    r: parseInt(h.slice(0, 2), 16),
    g: parseInt(h.slice(2, 4), 16),
    b: parseInt(h.slice(4, 6), 16),
  };
}

export function toHex({ r, g, b }: Rgb): string {
  const c = (v: number) =>
    Math.round(Math.min(255, Math.max(0, v)))
      .toString(16)
      .padStart(2, "0");
  return `#${c(r)}${c(g)}${c(b)}`;
}

const WHITE = { x: 0.95047, y: 1, z: 1.08883 };
const toLinear = (v: number) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const fromLinear = (c: number) => 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
const fInv = (t: number) => (t ** 3 > 216 / 24389 ? t ** 3 : (116 * t - 16) / (24389 / 27));

export function rgbToLab({ r, g, b }: Rgb): Lab {
  const [lr, lg, lb] = [toLinear(r), toLinear(g), toLinear(b)];
  const x = (0.4124564 * lr + 0.3575761 * lg + 0.1804375 * lb) / WHITE.x;
  const y = (0.2126729 * lr + 0.7151522 * lg + 0.072175 * lb) / WHITE.y;
  const z = (0.0193339 * lr + 0.119192 * lg + 0.9503041 * lb) / WHITE.z;
  return { l: 116 * f(y) - 16, a: 500 * (f(x) - f(y)), b: 200 * (f(y) - f(z)) };
}

export function labToRgb({ l, a, b }: Lab): Rgb {
  const fy = (l + 16) / 116;
  const x = fInv(fy + a / 500) * WHITE.x;
  const y = fInv(fy) * WHITE.y;
  const z = fInv(fy - b / 200) * WHITE.z;
  const lr = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
  const lg = -0.969266 * x + 1.8760108 * y + 0.041556 * z;
  const lb = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  return { r: fromLinear(clamp(lr)), g: fromLinear(clamp(lg)), b: fromLinear(clamp(lb)) };
}

/** Chroma: how far from grey a colour is, in CIELAB units (0 is grey; the health colours are 50–90). */
export const chroma = (lab: Lab) => Math.hypot(lab.a, lab.b);

/** CIE76 ΔE: about 2.3 is a just-noticeable difference; above 30 two colours are not mistaken for each other. */
export function deltaE(x: Lab, y: Lab): number {
  return Math.hypot(x.l - y.l, x.a - y.a, x.b - y.b);
}

/** `top` at `alpha` over `bottom`, as the map composites a translucent fill. */
export function over(top: Rgb, alpha: number, bottom: Rgb): Rgb {
  return {
    r: top.r * alpha + bottom.r * (1 - alpha),
    g: top.g * alpha + bottom.g * (1 - alpha),
    b: top.b * alpha + bottom.b * (1 - alpha),
  };
}
