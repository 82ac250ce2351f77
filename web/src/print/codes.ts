import JsBarcode from 'jsbarcode';
import QRCode from 'qrcode';

/**
 * The public tracking page of a case on this site, with its tracking code (查询码), which the QR
 * code on a printed page opens. Not pure: reads the site's address.
 */
export function trackingUrl(caseNo: string, code?: string): string {
  return `${window.location.origin}/track/${encodeURIComponent(caseNo)}${code ? `?code=${encodeURIComponent(code)}` : ''}`;
}

/** The case number as a CODE128 barcode, an SVG element with the number printed under it. Not pure: makes DOM. */
export function caseBarcode(caseNo: string): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  JsBarcode(svg, caseNo, { format: 'CODE128', width: 1.4, height: 44, fontSize: 14, margin: 0, font: 'monospace' });
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `办件编号条形码：${caseNo}`);
  return svg;
}

/** A QR code of the tracking page, as a PNG data URL. */
export function trackingQr(caseNo: string, code?: string): Promise<string> {
  return QRCode.toDataURL(trackingUrl(caseNo, code), { margin: 1, width: 192, errorCorrectionLevel: 'M' });
}
