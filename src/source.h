/* source.h: bytes -> UTF-8 text. */
#ifndef NP_SOURCE_H
#define NP_SOURCE_H

#include <glib.h>

G_BEGIN_DECLS

/* Decodes a report's bytes into UTF-8 with "\n" line ends, no BOM and no
 * C0 controls but tab and newline.  `name` is used in error messages.
 * Returns a newly allocated string, or NULL with `error` set (NP_ERROR_DATA)
 * when the bytes are not text. */
char *np_source_decode (const char *bytes, gsize len, const char *name,
                        GError **error);

/* Reads a whole file ("-" is standard input) and decodes it. */
char *np_source_read (const char *path, GError **error);

/* The same in a named encoding (any iconv knows: "GB18030", "BIG5",
 * "UTF-16LE"…); NULL detects it.  An unknown name is NP_ERROR_USAGE. */
char *np_source_read_as (const char *path, const char *encoding,
                         GError **error);

G_END_DECLS

#endif
