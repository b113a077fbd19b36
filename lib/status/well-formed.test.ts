import { describe, expect, it } from "vitest";
import { xmlWellFormednessError } from "./well-formed";
import { escapeXml } from "./xml";

describe("xmlWellFormednessError", () => {
  it("accepts well-formed documents", () => {
    expect(
      xmlWellFormednessError(
        `<?xml version="1.0"?>\n<a x="1" y='2'><b/>t &amp; &#38; &#x26;<!-- c --></a>\n`,
      ),
    ).toBeNull();
    expect(xmlWellFormednessError(`<a><![CDATA[<&>]]></a>`)).toBeNull();
  });

  it("rejects what XML forbids", () => {
    const bad = [
      "<a>",
      "<a></b>",
      "<a><b></a></b>",
      "</a>",
      "<a/><b/>",
      "text<a/>",
      "",
      "<a>&</a>",
      "<a>&nbsp;</a>",
      "<a>1 < 2</a>",
      '<a x="&"/>',
      '<a x="1" x="2"/>',
      "<a x=1/>",
      '<a x="<"/>',
      "<a>\u0001</a>",
      "<a>]]></a>",
    ];
    for (const doc of bad) expect(xmlWellFormednessError(doc), doc).not.toBeNull();
  });
});

describe("escapeXml", () => {
  it("escapes markup characters and drops characters XML cannot carry", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;",
    );
    expect(escapeXml("a\u0000b\u0008c\td\ne\uFFFEf\uD800g😀")).toBe("abc\td\nefg😀");
    expect(xmlWellFormednessError(`<a t="${escapeXml(`"'<>&`)}">${escapeXml("]]>")}</a>`)).toBeNull();
  });
});
