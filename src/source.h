/* source.h: bytes -> UTF-8 text. */
#ifndef NP_SOURCE_H
#define NP_SOURCE_H

#include <glib.h>

G_BEGIN_DECLS

/* What the caller should tell the user about decoding.
 *
 * Reports pasted from terminals or old word processors carry invisible
 * control characters (the ESC of colour codes, ^A, DEL, C1 controls), and
 * a user who finds "[0m" in the newsletter wants to know where it came
 * from.  A form feed is not counted: it is read as a paragraph break,
 * since in a plain-text report it separates sections or pages.
 *
 * An encoding named by the user is taken on trust, and the wrong one
 * (BIG5 for a GB18030 file) often converts cleanly into nonsense; its
 * common-character count tells it. */
typedef struct {
  guint controls;       /* control characters dropped */
  guint first_line;     /* 1-based line of the first one; 0 when none */
  const char *encoding; /* the encoding the caller named (borrowed), or
                           NULL when it was detected */
  guint han;            /* Han characters in the text */
  guint common_han;     /* how many of them are very common ones */
} NpSourceNotes;

/* Decodes a report's bytes into UTF-8 with "\n" line ends, no BOM and no
 * control characters but tab and newline (a form feed becomes a newline).
 * `name` is used in error messages.  Returns a newly allocated string, or
 * NULL with `error` set (NP_ERROR_DATA) when the bytes are not text. */
char *np_source_decode (const char *bytes, gsize len, const char *name,
                        GError **error);

/* The same, and fills `notes` (may be NULL; set on success only). */
char *np_source_decode_noted (const char *bytes, gsize len, const char *name,
                              NpSourceNotes *notes, GError **error);

/* Decodes bytes in a named encoding (any iconv knows: "GB18030", "BIG5",
 * "UTF-16LE"…); NULL detects it, as np_source_decode_noted().  An unknown
 * name is NP_ERROR_USAGE, bytes that do not decode NP_ERROR_DATA naming
 * the line and byte.  `notes` may be NULL. */
char *np_source_decode_as (const char *bytes, gsize len, const char *name,
                           const char *encoding, NpSourceNotes *notes,
                           GError **error);

/* The bytes of a whole regular file of at most 16 MiB, or NULL with
 * NP_ERROR_NO_INPUT ("NAME: is a directory", "NAME: not a regular file",
 * "NAME: cannot open: …") or NP_ERROR_DATA ("NAME: too large (20.0 MiB;
 * the limit is 16.0 MiB)"); `name` is used in the messages.  Devices and
 * FIFOs are refused without reading or waiting. */
GByteArray *np_source_read_file (const char *path, const char *name,
                                 GError **error);

/* The same with a limit of `limit` bytes. */
GByteArray *np_source_read_file_max (const char *path, const char *name,
                                     gsize limit, GError **error);

/* Reads a whole file ("-" is standard input, which may be a pipe) and
 * decodes it.  Either is refused past 16 MiB, as np_source_read_file(). */
char *np_source_read (const char *path, GError **error);

/* The same in a named encoding, as np_source_decode_as(). */
char *np_source_read_as (const char *path, const char *encoding,
                         GError **error);

/* np_source_read_as() that also fills `notes` (may be NULL). */
char *np_source_read_noted (const char *path, const char *encoding,
                            NpSourceNotes *notes, GError **error);

/* Appends to `warnings` (of char*, which it owns) what `notes` calls for:
 * nothing, or "3 control characters dropped (first at line 5)", and for a
 * named encoding that gave few common Chinese characters a warning saying
 * that the report may be in another one. */
void np_source_notes_warn (const NpSourceNotes *notes, GPtrArray *warnings);

G_END_DECLS

#endif
