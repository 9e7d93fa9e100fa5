/**
 * The pieces of the in-place package host on small, hand-written inputs: the zip layer copies what
 * it does not change, relationship targets resolve both ways, styles and sheets are edited by
 * appending and splicing only.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { shiftFormula } from "../../src/hosts/xlsx/cell-xml";
import { relativeTarget, resolveTarget, XlsxPackage } from "../../src/hosts/xlsx/package";
import { Styles } from "../../src/hosts/xlsx/styles";
import { Worksheet } from "../../src/hosts/xlsx/worksheet";
import { crc32, readZip, writeZip } from "../../src/hosts/xlsx/zip";
import { themePalette } from "../../src/hosts/xlsx/colors";

describe("zip", () => {
  const files = {
    "a.xml": strToU8("<a>一</a>".repeat(50)),
    "b/c.bin": new Uint8Array([1, 2, 3, 250]),
  };
  const bytes = zipSync(files, { level: 9 });

  test("an unchanged archive is written back byte for byte", () => {
    expect(Buffer.from(writeZip(readZip(bytes)))).toEqual(Buffer.from(bytes));
  });

  test("a replaced part is new, the others keep their compressed bytes", () => {
    const pkg = new XlsxPackage(bytes);
    pkg.setText("a.xml", "<a>二</a>");
    const out = pkg.toBytes();
    const entries = readZip(out);
    expect(entries.map((e) => e.name)).toEqual(["a.xml", "b/c.bin"]);
    const original = readZip(bytes).find((e) => e.name === "b/c.bin")!;
    expect(Buffer.from(entries[1].data)).toEqual(Buffer.from(original.data));
    const back = unzipSync(out);
    expect(strFromU8(back["a.xml"])).toBe("<a>二</a>");
    expect(Array.from(back["b/c.bin"])).toEqual([1, 2, 3, 250]);
  });

  test("CRC-32 is the standard one", () => {
    expect(crc32(strToU8("123456789")).toString(16)).toBe("cbf43926");
  });

  test("a truncated archive is refused, not half read", () => {
    expect(() => readZip(bytes.subarray(0, bytes.length - 30))).toThrow();
  });
});

describe("relationship targets", () => {
  test("relative, parent and absolute (openpyxl) targets name the same parts", () => {
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe(
      "xl/worksheets/sheet1.xml"
    );
    expect(resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet1.xml")).toBe(
      "xl/worksheets/sheet1.xml"
    );
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../drawings/vmlDrawing1.vml")).toBe(
      "xl/drawings/vmlDrawing1.vml"
    );
    expect(resolveTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
    expect(relativeTarget("xl/worksheets/sheet1.xml", "xl/comments1.xml")).toBe("../comments1.xml");
    expect(relativeTarget("xl/workbook.xml", "xl/worksheets/sheet3.xml")).toBe(
      "worksheets/sheet3.xml"
    );
  });
});

const STYLES =
  `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<numFmts count="1"><numFmt numFmtId="164" formatCode="0.000"/></numFmts>` +
  `<fonts count="1"><font/></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border/></borders>` +
  `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>` +
  `<xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"><alignment wrapText="1"/></xf></cellXfs>` +
  `</styleSheet>`;

describe("styles", () => {
  test("a derived style is appended; existing entries keep their text and index", () => {
    const styles = new Styles(STYLES, () => themePalette(undefined));
    expect(styles.info(1)).toMatchObject({ numberFormat: "0.000", fill: null });
    const fill = styles.solidFillId("#FFC7CE");
    const s = styles.derive(1, { fillId: fill });
    expect(s).toBe(2);
    expect(styles.derive(1, { fillId: fill })).toBe(2);
    const pct = styles.numFmtId("0.00%");
    expect(pct).toBe(10);
    const custom = styles.numFmtId('0.0"分"');
    expect(custom).toBe(165);
    const xml = styles.toXml();
    const before = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(STYLES)![1];
    const after = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)![1];
    expect(after.startsWith(before)).toBe(true);
    expect(xml).toContain('<cellXfs count="3">');
    expect(xml).toContain('<fills count="3">');
    expect(xml).toContain('<numFmts count="2">');
    const reread = new Styles(xml, () => themePalette(undefined));
    expect(reread.info(2)).toMatchObject({ numberFormat: "0.000", fill: "#FFC7CE" });
    // The new xf keeps the original's alignment child.
    expect(after).toMatch(/fillId="2"[^>]*><alignment wrapText="1"\/><\/xf>$/);
  });

  test("nothing asked, nothing changed", () => {
    const styles = new Styles(STYLES, () => themePalette(undefined));
    expect(styles.toXml()).toBe(STYLES);
  });
});

const SHEET =
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
  `<dimension ref="A1:C3"/><sheetData>` +
  `<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="C1"><v>2</v></c></row>` +
  `<row r="3" spans="1:3"><c r="A3"><v>5</v></c></row>` +
  `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
  `<tableParts count="1"><tablePart r:id="rId9"/></tableParts></worksheet>`;

describe("worksheet edits", () => {
  test("cells and rows go in order, the dimension widens, everything else stays", () => {
    const ws = new Worksheet(SHEET);
    const xml = ws.edit(
      new Map([
        ["B1", `<c r="B1"><v>1</v></c>`],
        ["B2", `<c r="B2"><v>9</v></c>`],
        ["E3", `<c r="E3"><v>7</v></c>`],
        ["C1", null],
      ]),
      { rid: "rId10", relPrefix: "r:" }
    );
    expect(xml).toContain(
      `<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row>` +
        `<row r="2"><c r="B2"><v>9</v></c></row>` +
        `<row r="3" spans="1:5"><c r="A3"><v>5</v></c><c r="E3"><v>7</v></c></row>`
    );
    expect(xml).toContain(`<dimension ref="A1:E3"/>`);
    // legacyDrawing comes before tableParts in CT_Worksheet.
    expect(xml).toContain(`<legacyDrawing r:id="rId10"/><tableParts`);
    expect(xml.slice(xml.indexOf("<pageMargins"))).toMatch(/^<pageMargins left="0.7"/);
  });

  test("a shared formula's copy reads as its own formula", () => {
    expect(shiftFormula("A1*2+$B$1+SUM(C1:C3)", 2, 1)).toBe("B3*2+$B$1+SUM(D3:D5)");
    expect(shiftFormula('IF(A1="B2",LOG10(A1),0)', 1, 0)).toBe('IF(A2="B2",LOG10(A2),0)');
    expect(shiftFormula("'Sheet A1'!B2", 1, 1)).toBe("'Sheet A1'!C3");
  });
});
