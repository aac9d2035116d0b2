/* document.c: the document model (blocks, tables, warnings) and its JSON
 * dump, the text behind --dump-structure and the structure tests. */
#include "document.h"

#include <stdarg.h>
#include <string.h>

static void
np_block_free (NpBlock *block)
{
  if (!block)
    return;
  g_free (block->text);
  g_free (block->rule);
  g_free (block->credit);
  g_free (block->title);
  g_free (block->evidence);
  if (block->rows)
    g_ptr_array_unref (block->rows);
  g_free (block);
}

static void
np_dropped_free (gpointer data)
{
  NpDropped *d = data;
  g_free (d->text);
  g_free (d);
}

void
np_document_add_dropped (NpDocument *doc, guint line, const char *text)
{
  g_return_if_fail (doc != NULL && text != NULL);
  NpDropped *d = g_new (NpDropped, 1);
  d->line = line;
  d->text = g_strdup (text);
  g_ptr_array_add (doc->dropped, d);
}

NpDocument *
np_document_new (void)
{
  NpDocument *doc = g_new0 (NpDocument, 1);
  doc->script = NP_SCRIPT_HANT;
  doc->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) np_block_free);
  doc->warnings = g_ptr_array_new_with_free_func (g_free);
  doc->dropped = g_ptr_array_new_with_free_func (np_dropped_free);
  return doc;
}

void
np_document_free (NpDocument *doc)
{
  if (!doc)
    return;
  g_free (doc->headline);
  g_free (doc->subtitle);
  g_free (doc->kicker);
  g_free (doc->byline);
  g_free (doc->headline_rule);
  g_free (doc->masthead);
  g_free (doc->issue);
  g_free (doc->date);
  g_free (doc->publisher);
  g_free (doc->language);
  g_ptr_array_unref (doc->blocks);
  g_ptr_array_unref (doc->warnings);
  g_ptr_array_unref (doc->dropped);
  g_free (doc);
}

static NpBlock *
np_document_add_block (NpDocument *doc, NpBlockKind kind, guint line)
{
  NpBlock *block = g_new0 (NpBlock, 1);
  block->kind = kind;
  block->line = line;
  block->rule = g_strdup (np_block_kind_name (kind));
  g_ptr_array_add (doc->blocks, block);
  return block;
}

NpBlock *
np_document_add_text (NpDocument *doc, NpBlockKind kind, const char *text,
                      guint line)
{
  g_return_val_if_fail (doc != NULL && text != NULL, NULL);

  NpBlock *block = np_document_add_block (doc, kind, line);
  block->text = g_strdup (text);
  return block;
}

NpBlock *
np_document_add_table (NpDocument *doc, NpBlockKind kind, guint line)
{
  g_return_val_if_fail (doc != NULL, NULL);

  NpBlock *block = np_document_add_block (doc, kind, line);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return block;
}

void
np_block_add_row (NpBlock *block, const char *const *cells, guint n)
{
  g_return_if_fail (block != NULL && block->rows != NULL);
  g_return_if_fail (cells != NULL || n == 0);

  char **row = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    row[i] = g_strdup (cells[i] ? cells[i] : "");
  g_ptr_array_add (block->rows, row);
}

void
np_block_set_rule (NpBlock *block, const char *fmt, ...)
{
  g_return_if_fail (block != NULL && fmt != NULL);

  va_list args;
  va_start (args, fmt);
  g_free (block->rule);
  block->rule = g_strdup_vprintf (fmt, args);
  va_end (args);
}

void
np_document_warn (NpDocument *doc, guint line, const char *fmt, ...)
{
  g_return_if_fail (doc != NULL && fmt != NULL);

  va_list args;
  va_start (args, fmt);
  g_autofree char *what = g_strdup_vprintf (fmt, args);
  va_end (args);

  /* line 0 means "the whole report": no line to point at */
  char *warning = line ? g_strdup_printf ("line %u: %s", line, what)
                       : g_strdup (what);
  g_ptr_array_add (doc->warnings, warning);
}

void
np_document_foreach_text (NpDocument *doc, NpTextFunc func, gpointer data)
{
  g_return_if_fail (doc != NULL && func != NULL);

  char **fields[] = { &doc->headline, &doc->kicker, &doc->subtitle,
                      &doc->byline, &doc->publisher };
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (*fields[i])
      func (fields[i], 0, data);
  for (guint i = 0; i < doc->blocks->len; i++) {
    NpBlock *block = g_ptr_array_index (doc->blocks, i);
    char **parts[] = { &block->text, &block->credit, &block->title };
    for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
      if (*parts[k])
        func (parts[k], block->line, data);
    for (guint r = 0; block->rows && r < block->rows->len; r++)
      for (char **cell = g_ptr_array_index (block->rows, r); *cell; cell++)
        func (cell, block->line, data);
  }
}

typedef struct {
  NpRewriteFunc rewrite;
  guint count;
} NpRewriting;

static void
np_rewrite_field (char **field, guint line, gpointer data)
{
  (void) line;
  NpRewriting *job = data;
  char *text = job->rewrite (*field, &job->count);
  g_free (*field);
  *field = text;
}

guint
np_document_rewrite (NpDocument *doc, NpRewriteFunc rewrite)
{
  g_return_val_if_fail (doc != NULL && rewrite != NULL, 0);

  NpRewriting job = { rewrite, 0 };
  np_document_foreach_text (doc, np_rewrite_field, &job);
  return job.count;
}

gboolean
np_block_closes (NpBlockKind kind)
{
  return kind == NP_BLOCK_CREDIT || kind == NP_BLOCK_SIGNATURE;
}

const char *
np_block_kind_name (NpBlockKind kind)
{
  switch (kind)
    {
    case NP_BLOCK_LEAD:
      return "lead";
    case NP_BLOCK_PARAGRAPH:
      return "paragraph";
    case NP_BLOCK_HEADING:
      return "heading";
    case NP_BLOCK_ITEM:
      return "item";
    case NP_BLOCK_CAPTION:
      return "caption";
    case NP_BLOCK_KEYNOTES:
      return "keynotes";
    case NP_BLOCK_UNITS:
      return "units";
    case NP_BLOCK_CREDIT:
      return "credit";
    case NP_BLOCK_SIGNATURE:
      return "signature";
    }
  return "unknown";
}

const char *
np_script_name (NpScript script)
{
  return script == NP_SCRIPT_HANS ? "zh-Hans" : "zh-Hant";
}

const char np_variant_names[] = "zh-Hans, zh-Hant, zh-TW or zh-HK";

static const char *const np_variant_bcp47[] = {
  [NP_VARIANT_NONE] = NULL,
  [NP_VARIANT_HANS] = "zh-Hans",
  [NP_VARIANT_HANT] = "zh-Hant",
  [NP_VARIANT_TW] = "zh-TW",
  [NP_VARIANT_HK] = "zh-HK",
};

gboolean
np_variant_parse (const char *name, NpVariant *variant)
{
  for (guint i = NP_VARIANT_HANS; i < G_N_ELEMENTS (np_variant_bcp47); i++)
    if (name && g_ascii_strcasecmp (name, np_variant_bcp47[i]) == 0) {
      *variant = (NpVariant) i;
      return TRUE;
    }
  return FALSE;
}

const char *
np_variant_name (NpVariant variant)
{
  return np_variant_bcp47[variant];
}

const char *
np_document_language (const NpDocument *doc)
{
  return doc->language ? doc->language : np_script_name (doc->script);
}

/* ---- JSON dump ---------------------------------------------------------- */

/* Non-ASCII UTF-8 goes through as is: JSON allows it, and a dump that shows
 * 報告 rather than \u5831\u544a is what a person wants to read. */
void
np_json_string (GString *out, const char *s)
{
  if (!s)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) s; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) *p);
        }
      else if (*p < 0x20)
        g_string_append_printf (out, "\\u%04x", *p);
      else
        g_string_append_c (out, (char) *p);
    }
  g_string_append_c (out, '"');
}

void
np_json_member (GString *out, const char *indent, const char *key,
                const char *value, gboolean last)
{
  g_string_append_printf (out, "%s\"%s\": ", indent, key);
  np_json_string (out, value);
  g_string_append (out, last ? "\n" : ",\n");
}

static void
np_json_row (GString *out, char **row)
{
  g_string_append_c (out, '[');
  for (guint i = 0; row[i]; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      np_json_string (out, row[i]);
    }
  g_string_append_c (out, ']');
}

static void
np_json_block (GString *out, const NpBlock *block)
{
  g_string_append (out, "    {\n");
  np_json_member (out, "      ", "kind", np_block_kind_name (block->kind),
                  FALSE);
  g_string_append_printf (out, "      \"line\": %u,\n", block->line);
  np_json_member (out, "      ", "rule", block->rule, FALSE);
  if (block->credit)
    np_json_member (out, "      ", "credit", block->credit, FALSE);
  if (block->title)
    np_json_member (out, "      ", "title", block->title, FALSE);
  if (block->evidence)
    np_json_member (out, "      ", "evidence", block->evidence, FALSE);
  if (!block->rows)
    {
      np_json_member (out, "      ", "text", block->text, TRUE);
      g_string_append (out, "    }");
      return;
    }
  if (block->rows->len == 0)
    {
      g_string_append (out, "      \"rows\": []\n    }");
      return;
    }
  g_string_append (out, "      \"rows\": [\n");
  for (guint i = 0; i < block->rows->len; i++)
    {
      g_string_append (out, "        ");
      np_json_row (out, g_ptr_array_index (block->rows, i));
      g_string_append (out, i + 1 < block->rows->len ? ",\n" : "\n");
    }
  g_string_append (out, "      ]\n    }");
}

static void
np_json_blocks (GString *out, const GPtrArray *blocks)
{
  if (blocks->len == 0)
    {
      g_string_append (out, "  \"blocks\": [],\n");
      return;
    }
  g_string_append (out, "  \"blocks\": [\n");
  for (guint i = 0; i < blocks->len; i++)
    {
      np_json_block (out, g_ptr_array_index (blocks, i));
      g_string_append (out, i + 1 < blocks->len ? ",\n" : "\n");
    }
  g_string_append (out, "  ],\n");
}

static void
np_json_dropped (GString *out, const GPtrArray *dropped)
{
  if (dropped->len == 0)
    {
      g_string_append (out, "  \"dropped\": [],\n");
      return;
    }
  g_string_append (out, "  \"dropped\": [\n");
  for (guint i = 0; i < dropped->len; i++)
    {
      const NpDropped *d = g_ptr_array_index (dropped, i);
      g_string_append_printf (out, "    {\"line\": %u, \"text\": ", d->line);
      np_json_string (out, d->text);
      g_string_append (out, i + 1 < dropped->len ? "},\n" : "}\n");
    }
  g_string_append (out, "  ],\n");
}

static void
np_json_warnings (GString *out, const GPtrArray *warnings)
{
  if (warnings->len == 0)
    {
      g_string_append (out, "  \"warnings\": []\n");
      return;
    }
  g_string_append (out, "  \"warnings\": [\n");
  for (guint i = 0; i < warnings->len; i++)
    {
      g_string_append (out, "    ");
      np_json_string (out, g_ptr_array_index (warnings, i));
      g_string_append (out, i + 1 < warnings->len ? ",\n" : "\n");
    }
  g_string_append (out, "  ]\n");
}

char *
np_document_to_json (const NpDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);

  GString *out = g_string_new ("{\n");
  np_json_member (out, "  ", "headline", doc->headline, FALSE);
  np_json_member (out, "  ", "headline_rule", doc->headline_rule, FALSE);
  np_json_member (out, "  ", "kicker", doc->kicker, FALSE);
  np_json_member (out, "  ", "subtitle", doc->subtitle, FALSE);
  np_json_member (out, "  ", "byline", doc->byline, FALSE);
  np_json_member (out, "  ", "masthead", doc->masthead, FALSE);
  np_json_member (out, "  ", "issue", doc->issue, FALSE);
  np_json_member (out, "  ", "date", doc->date, FALSE);
  np_json_member (out, "  ", "publisher", doc->publisher, FALSE);
  np_json_member (out, "  ", "script", np_script_name (doc->script), FALSE);
  /* An edition's region, only when one was asked for. */
  if (doc->language && strcmp (doc->language, np_script_name (doc->script)))
    np_json_member (out, "  ", "language", doc->language, FALSE);
  np_json_blocks (out, doc->blocks);
  np_json_dropped (out, doc->dropped);
  np_json_warnings (out, doc->warnings);
  g_string_append (out, "}\n");
  return g_string_free (out, FALSE);
}

char *
np_text_join (const char *const *parts, guint n, const char *separator)
{
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < n; i++) {
    if (!parts[i] || !*parts[i])
      continue;
    if (out->len)
      g_string_append (out, separator);
    g_string_append (out, parts[i]);
  }
  if (out->len == 0) {
    g_string_free (out, TRUE);
    return NULL;
  }
  return g_string_free (out, FALSE);
}
