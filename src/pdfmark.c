/* pdfmark.c: a finished PDF -> a tagged PDF with its language.
 *
 * Contract: Cairo 1.16 writes the structure tree of a tagged PDF but not
 * the catalog entries that declare it (/MarkInfo << /Marked true >>) nor
 * the document language (/Lang), so readers treat the file as untagged.
 * This appends an incremental update (PDF 1.7, 7.5.6) that restates the
 * catalog with both: the bytes Cairo wrote stay as they are.
 */
#include "pdfmark.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"

#define NP_TAIL 2048 /* the trailer and startxref fit in this */

typedef struct {
  guint64 xref;      /* offset of the last cross-reference section */
  guint root;        /* object number of the catalog */
  guint size;        /* /Size of the trailer */
  char *info;        /* "/Info N 0 R" or NULL */
} NpTrailer;

static char *
np_read_text (NpOutput *out, guint64 offset, gsize len)
{
  char *text = g_malloc (len + 1);
  gsize n = np_output_read (out, offset, (unsigned char *) text, len);
  text[n] = '\0';
  return text;
}

/* The number after `key` in `text` ("/Root 23 0 R" -> 23), or 0. */
static guint64
np_number_after (const char *text, const char *key)
{
  const char *p = g_strrstr (text, key);
  return p ? g_ascii_strtoull (p + strlen (key), NULL, 10) : 0;
}

static gboolean
np_read_trailer (NpOutput *out, NpTrailer *t)
{
  guint64 size = np_output_size (out);
  guint64 from = size > NP_TAIL ? size - NP_TAIL : 0;
  g_autofree char *tail = np_read_text (out, from, NP_TAIL);
  const char *trailer = g_strrstr (tail, "trailer");
  if (!trailer || !g_strrstr (tail, "startxref"))
    return FALSE;
  t->xref = np_number_after (tail, "startxref");
  t->root = (guint) np_number_after (trailer, "/Root");
  t->size = (guint) np_number_after (trailer, "/Size");
  const char *info = strstr (trailer, "/Info");
  if (info) {
    guint n = (guint) np_number_after (trailer, "/Info");
    t->info = g_strdup_printf ("/Info %u 0 R", n);
  }
  return t->root > 0 && t->size > t->root;
}

/* Where object `n` starts: its 20-byte entry in the cross-reference table
 * Cairo writes (one section, starting at object 0). */
static guint64
np_object_offset (NpOutput *out, guint64 xref, guint n)
{
  g_autofree char *head = np_read_text (out, xref, 64);
  const char *entries = strchr (head, '\n');
  entries = entries ? strchr (entries + 1, '\n') : NULL; /* past "0 N" */
  if (!entries)
    return 0;
  guint64 at = xref + (guint64) (entries + 1 - head) + 20 * (guint64) n;
  g_autofree char *entry = np_read_text (out, at, 20);
  return g_ascii_strtoull (entry, NULL, 10);
}

/* The catalog's dictionary without its closing ">>". */
static char *
np_catalog_body (NpOutput *out, guint64 offset)
{
  g_autofree char *text = np_read_text (out, offset, 4096);
  char *open = strstr (text, "<<");
  char *end = open ? strstr (open, "endobj") : NULL;
  if (!end)
    return NULL;
  *end = '\0';
  char *close = g_strrstr (open, ">>");
  if (!close)
    return NULL;
  *close = '\0';
  return g_strdup (open);
}

gboolean
np_pdf_mark_tagged (NpOutput *out, const char *language, GError **error)
{
  NpTrailer t = { 0 };
  g_autofree char *body = NULL;
  guint64 at = 0;
  if (np_read_trailer (out, &t))
    at = np_object_offset (out, t.xref, t.root);
  if (at > 0)
    body = np_catalog_body (out, at);
  if (!body || strstr (body, "/MarkInfo")) {
    g_free (t.info);
    if (body)
      return TRUE; /* a newer Cairo wrote it already */
    g_set_error (error, NP_ERROR, NP_ERROR_INTERNAL,
                 "PDF: cannot find the catalog to mark the file tagged");
    return FALSE;
  }
  guint64 start = np_output_size (out);
  GString *update = g_string_new (NULL);
  g_string_append_printf (update,
                          "%u 0 obj\n%s/MarkInfo << /Marked true >>"
                          " /Lang (%s) >>\nendobj\n",
                          t.root, body, language);
  guint64 xref = start + update->len;
  g_string_append_printf (update,
                          "xref\n%u 1\n%010" G_GUINT64_FORMAT " 00000 n \n"
                          "trailer\n<< /Size %u /Root %u 0 R %s /Prev %"
                          G_GUINT64_FORMAT " >>\nstartxref\n%" G_GUINT64_FORMAT
                          "\n%%%%EOF\n",
                          t.root, start, t.size, t.root, t.info ? t.info : "",
                          t.xref, xref);
  np_output_write (out, (const unsigned char *) update->str, update->len);
  g_string_free (update, TRUE);
  g_free (t.info);
  return TRUE;
}
