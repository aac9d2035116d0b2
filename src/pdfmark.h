/* pdfmark.h: a finished PDF -> a PDF with its language and boxes. */
#ifndef NP_PDFMARK_H
#define NP_PDFMARK_H

#include "output.h"

G_BEGIN_DECLS

/* Appends to the complete PDF in `out` an update of its catalog that
 * declares it in `language` (BCP 47, e.g. "zh-Hant"), and, when
 * `trim` is given, of each page with that TrimBox and the BleedBox
 * `bleed` ([x0 y0 x1 y1] in PDF points).  Errors: NP_ERROR_INTERNAL when
 * the file is not as Cairo writes it. */
gboolean np_pdf_finish (NpOutput *out, const char *language,
                        const double *trim, const double *bleed,
                        GError **error);

G_END_DECLS

#endif
