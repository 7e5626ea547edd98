import { NotFoundContent } from '@/components/NotFoundContent';
import { bodyClassName } from '@/components/LocaleDocument';
import './globals.css';

// Only paths outside any locale reach this page (a missing file, say): unknown pages under /es or /en are
// answered by the proxy with the localized /[locale]/not-found page. It must stay static: Next renders the
// root not-found boundary into every page, so reading the request here would make every page dynamic.
export default function NotFound() {
  return (
    <html lang="es">
      <head>
        <title>Página no encontrada · Page not found | Talento Bilingüe</title>
      </head>
      <body className={bodyClassName}>
        <main id="main" className="flex-1">
          <NotFoundContent locale="es" />
          <div lang="en" className="border-t border-slate-200">
            <NotFoundContent locale="en" headingLevel="h2" />
          </div>
        </main>
      </body>
    </html>
  );
}
