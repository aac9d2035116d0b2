/* pdfmark.c: a finished PDF -> a PDF with its language and boxes.
 *
 * Contract: Cairo 1.16 writes a tagged PDF (draw.c groups each page in a
 * Part, so Cairo also declares it tagged) but cannot give the document
 * language (/Lang) that screen readers need, nor set a page's TrimBox and
 * BleedBox.  This appends an incremental update (PDF 1.7, 7.5.6) that
 * restates the catalog and the pages with them, and nothing else: the
 * bytes Cairo wrote stay as they are.
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

/* Object numbers of the pages: the /Kids of the catalog's /Pages (Cairo
 * writes one flat page tree). */
static GArray *
np_page_objects (NpOutput *out, const NpTrailer *t, const char *catalog)
{
  GArray *pages = g_array_new (FALSE, FALSE, sizeof (guint));
  guint tree = (guint) np_number_after (catalog, "/Pages");
  guint64 at = tree ? np_object_offset (out, t->xref, tree) : 0;
  g_autofree char *body = at ? np_catalog_body (out, at) : NULL;
  const char *kids = body ? strstr (body, "/Kids") : NULL;
  const char *end = kids ? strchr (kids, ']') : NULL;
  for (const char *p = kids ? strchr (kids, '[') : NULL; p && p < end;) {
    char *next = NULL;
    guint n = (guint) g_ascii_strtoull (p + 1, &next, 10);
    if (next == p + 1)
      break;
    if (n > 0)
      g_array_append_val (pages, n);
    p = strstr (next, "R"); /* past "0 R" */
  }
  return pages;
}

/* Appends object `n` with dictionary `body` + `extra` + ">>" to the
 * update, noting where it starts. */
static void
np_restate (GString *update, guint64 start, GArray *where, guint n,
            const char *body, const char *extra)
{
  guint64 at = start + update->len;
  guint64 entry[2] = { n, at };
  g_array_append_vals (where, entry, 2);
  g_string_append_printf (update, "%u 0 obj\n%s%s >>\nendobj\n", n, body,
                          extra);
}

/* `key` [x0 y0 x1 y1]: a PDF number has a full stop whatever the locale
 * (PDF 7.3.3), where printf would write "29,50" under de_DE. */
static void
np_append_box (GString *out, const char *key, const double box[4])
{
  g_string_append_printf (out, "%s [", key);
  for (int i = 0; i < 4; i++) {
    char number[G_ASCII_DTOSTR_BUF_SIZE];
    g_string_append_printf (out, "%s%s", i ? " " : "",
                            g_ascii_formatd (number, sizeof number, "%.2f",
                                             box[i]));
  }
  g_string_append_c (out, ']');
}

gboolean
np_pdf_finish (NpOutput *out, const char *language, const double *trim,
               const double *bleed, GError **error)
{
  NpTrailer t = { 0 };
  g_autofree char *body = NULL;
  guint64 at = 0;
  if (np_read_trailer (out, &t))
    at = np_object_offset (out, t.xref, t.root);
  if (at > 0)
    body = np_catalog_body (out, at);
  if (!body) {
    g_free (t.info);
    g_set_error (error, NP_ERROR, NP_ERROR_INTERNAL,
                 "PDF: cannot find the catalog to finish the file");
    return FALSE;
  }
  guint64 start = np_output_size (out);
  GString *update = g_string_new (NULL);
  GArray *where = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autofree char *lang = g_strdup_printf (" /Lang (%s)", language);
  np_restate (update, start, where, t.root, body, lang);
  if (trim) {
    /* The trimmed page and the bleed for the print shop (PDF 14.11.2). */
    GString *boxes = g_string_new (NULL);
    np_append_box (boxes, "/TrimBox", trim);
    np_append_box (boxes, " /BleedBox", bleed);
    g_autoptr (GArray) pages = np_page_objects (out, &t, body);
    for (guint i = 0; i < pages->len; i++) {
      guint n = g_array_index (pages, guint, i);
      g_autofree char *page = np_catalog_body (
        out, np_object_offset (out, t.xref, n));
      if (page)
        np_restate (update, start, where, n, page, boxes->str);
    }
    g_string_free (boxes, TRUE);
  }
  guint64 xref = start + update->len;
  g_string_append (update, "xref\n");
  for (guint i = 0; i < where->len; i += 2)
    g_string_append_printf (update,
                            "%" G_GUINT64_FORMAT " 1\n%010" G_GUINT64_FORMAT
                            " 00000 n \n",
                            g_array_index (where, guint64, i),
                            g_array_index (where, guint64, i + 1));
  g_string_append_printf (update,
                          "trailer\n<< /Size %u /Root %u 0 R %s /Prev %"
                          G_GUINT64_FORMAT " >>\nstartxref\n%"
                          G_GUINT64_FORMAT "\n%%%%EOF\n",
                          t.size, t.root, t.info ? t.info : "", t.xref, xref);
  np_output_write (out, (const unsigned char *) update->str, update->len);
  g_string_free (update, TRUE);
  g_array_free (where, TRUE);
  g_free (t.info);
  return TRUE;
}
