/* pdfmark.h: a finished PDF -> a tagged PDF with its language. */
#ifndef NP_PDFMARK_H
#define NP_PDFMARK_H

#include "output.h"

G_BEGIN_DECLS

/* Appends to the complete PDF in `out` an update of its catalog that
 * declares it tagged and in `language` (BCP 47, e.g. "zh-Hant").
 * Errors: NP_ERROR_INTERNAL when the file is not as Cairo writes it. */
gboolean np_pdf_mark_tagged (NpOutput *out, const char *language,
                             GError **error);

G_END_DECLS

#endif
