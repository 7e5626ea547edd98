import QRCode from 'qrcode';
import { formatSecret, totpUri } from '@/lib/staff/totp';

/**
 * The QR code an authenticator app scans, drawn on the server as inline SVG (paths and fill attributes only: no
 * script, no inline style, nothing for the CSP to allow), and the same key as text for typing in by hand.
 */
export async function TotpQr({ secret, email, label, manualKey }: { secret: string; email: string; label: string; manualKey: string }) {
  const svg = await QRCode.toString(totpUri(secret, email), { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return (
    <div className="mt-4 flex flex-wrap items-start gap-6">
      <div role="img" aria-label={label} className="h-52 w-52 border border-slate-300 bg-white [&>svg]:h-full [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: svg }} />
      <p className="max-w-xs">
        {manualKey}{' '}
        <code className="mt-1 block rounded bg-slate-100 px-2 py-1 font-mono text-base break-all" data-testid="totp-secret">
          {formatSecret(secret)}
        </code>
      </p>
    </div>
  );
}
