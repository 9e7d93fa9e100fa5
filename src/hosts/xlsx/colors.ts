/**
 * Fill colours of a styles part → "#RRGGBB". Files saved by real Excel often give theme colours
 * ({ theme, tint }) or legacy palette indexes instead of ARGB, so all three are resolved; the theme
 * palette is read from the workbook's own theme part when it has one.
 */

export interface ExcelColor {
  argb?: string;
  theme?: number;
  tint?: number;
  indexed?: number;
}

/** Office 2013–2022 default theme, in Excel's theme-index order (lt1, dk1, lt2, dk2, accent1–6). */
const DEFAULT_THEME = [
  "FFFFFF",
  "000000",
  "E7E6E6",
  "44546A",
  "4472C4",
  "ED7D31",
  "A5A5A5",
  "FFC000",
  "5B9BD5",
  "70AD47",
];

/** The legacy 64-entry palette (indexes 0–63) that old templates still reference. */
const INDEXED = [
  "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
  "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
  "800000", "008000", "000080", "808000", "800080", "008080", "C0C0C0", "808080",
  "9999FF", "993366", "FFFFCC", "CCFFFF", "660066", "FF8080", "0066CC", "CCCCFF",
  "000080", "FF00FF", "FFFF00", "00FFFF", "800080", "800000", "008080", "0000FF",
  "00CCFF", "CCFFFF", "CCFFCC", "FFFF99", "99CCFF", "FF99CC", "CC99FF", "FFCC99",
  "3366FF", "33CCCC", "99CC00", "FFCC00", "FF9900", "FF6600", "666699", "969696",
  "003366", "339966", "003300", "333300", "993300", "993366", "333399", "333333",
]; // prettier-ignore

/** Theme colours from a theme1.xml part, in theme-index order; the Office default when absent. */
export function themePalette(themeXml: string | undefined): string[] {
  if (!themeXml) return DEFAULT_THEME;
  const pick = (tag: string): string | undefined => {
    const block = new RegExp(`<a:${tag}>([\\s\\S]*?)</a:${tag}>`).exec(themeXml);
    if (!block) return undefined;
    const rgb = /srgbClr val="([0-9A-Fa-f]{6})"/.exec(block[1]);
    if (rgb) return rgb[1].toUpperCase();
    const sys = /lastClr="([0-9A-Fa-f]{6})"/.exec(block[1]);
    return sys ? sys[1].toUpperCase() : undefined;
  };
  const order = [
    "lt1",
    "dk1",
    "lt2",
    "dk2",
    "accent1",
    "accent2",
    "accent3",
    "accent4",
    "accent5",
    "accent6",
  ];
  return order.map((tag, i) => pick(tag) ?? DEFAULT_THEME[i]);
}

function rgbToHsl(hex: string): [number, number, number] {
  const r = parseInt(hex.slice(0, 2), 16) / 255;
  const g = parseInt(hex.slice(2, 4), 16) / 255;
  const b = parseInt(hex.slice(4, 6), 16) / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  let h: number;
  if (max === r) h = (g - b) / d + (g < b ? 6 : 0);
  else if (max === g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  return [h / 6, s, l];
}

function hslToRgb(h: number, s: number, l: number): string {
  const channel = (t: number, p: number, q: number): number => {
    let x = t;
    if (x < 0) x += 1;
    if (x > 1) x -= 1;
    if (x < 1 / 6) return p + (q - p) * 6 * x;
    if (x < 1 / 2) return q;
    if (x < 2 / 3) return p + (q - p) * (2 / 3 - x) * 6;
    return p;
  };
  let r = l;
  let g = l;
  let b = l;
  if (s !== 0) {
    const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
    const p = 2 * l - q;
    r = channel(h + 1 / 3, p, q);
    g = channel(h, p, q);
    b = channel(h - 1 / 3, p, q);
  }
  const hex = (v: number) =>
    Math.round(v * 255)
      .toString(16)
      .padStart(2, "0")
      .toUpperCase();
  return `${hex(r)}${hex(g)}${hex(b)}`;
}

/** Excel's tint: darken towards black (tint < 0) or lighten towards white (tint > 0) in HSL lightness. */
export function applyTint(hex: string, tint: number): string {
  if (!tint) return hex.toUpperCase();
  const [h, s, l] = rgbToHsl(hex);
  const lum = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  return hslToRgb(h, s, Math.min(1, Math.max(0, lum)));
}

/** "#RRGGBB" for a colour (rgb, theme + tint or indexed), or null when it names no concrete colour (auto, system). */
export function colorToHex(
  color: ExcelColor | undefined,
  palette: string[] = DEFAULT_THEME
): string | null {
  if (!color) return null;
  if (typeof color.argb === "string" && /^[0-9A-Fa-f]{6,8}$/.test(color.argb)) {
    return `#${color.argb.slice(-6).toUpperCase()}`;
  }
  if (typeof color.theme === "number" && palette[color.theme]) {
    return `#${applyTint(palette[color.theme], color.tint ?? 0)}`;
  }
  if (typeof color.indexed === "number" && INDEXED[color.indexed]) {
    return `#${INDEXED[color.indexed]}`;
  }
  return null;
}

/** "#RRGGBB" → ExcelJS ARGB "FFRRGGBB". */
export function hexToArgb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}
