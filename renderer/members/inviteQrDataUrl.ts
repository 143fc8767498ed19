import QRCode from 'qrcode';
import { inviteCodeToQrText } from '../../shared/invite/inviteCodeToQrText.ts';

/** Light modules around the symbol, as the QR standard asks, so scanners find its edges. */
export const QR_QUIET_ZONE = 4;

/**
 * The invite code as an SVG QR symbol, drawn here from the module matrix: nothing is fetched and
 * no canvas is needed. Level M survives a smudged screen; the code's characters fit the
 * alphanumeric mode, which qrcode picks by itself.
 */
export function inviteQrSvg(code: string): string {
  const { modules } = QRCode.create(inviteCodeToQrText(code), { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const full = size + 2 * QR_QUIET_ZONE;
  let path = '';
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (modules.get(row, col)) path += `M${col + QR_QUIET_ZONE} ${row + QR_QUIET_ZONE}h1v1h-1z`;
    }
  }
  // Black on white whatever the theme: scanners expect dark modules on a light background.
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" ` +
    `shape-rendering="crispEdges"><rect width="${full}" height="${full}" fill="#fff"/>` +
    `<path fill="#000" d="${path}"/></svg>`
  );
}

/** inviteQrSvg as a data: URL for an <img> (the CSP allows data: images). */
export function inviteQrDataUrl(code: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(inviteQrSvg(code))}`;
}
