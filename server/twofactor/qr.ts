import "server-only";
import QRCode from "qrcode";

/**
 * The enrolment link as an SVG QR code, drawn on the server (no script, no outside service). Dark modules on
 * a white quiet zone whatever the theme, because phone cameras read that contrast best.
 */
export function qrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 2,
    color: { dark: "#000000", light: "#ffffff" },
  });
}
