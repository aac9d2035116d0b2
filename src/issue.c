/* issue.c: an issue file -> the issue model (NpIssue), and its JSON dump.
 *
 * Takes an issue file: a GKeyFile with an [issue] group for the
 * newsletter's own fields (masthead, number, publisher, distribution…) and
 * one [report …] group per article, in reading order.  Gives an NpIssue
 * whose report and photo paths are resolved against the issue file's
 * folder, so that an issue file and its reports can move together.
 *
 * It does not read the reports (newsprint.c reads each into its article's
 * doc), choose a layout, or check that a report or a photo folder exists:
 * that is found out, and named, where they are read.
 *
 * Issue files are written by hand, often in Notepad, so the file is read
 * as a report is (a BOM, Windows line ends, GB18030 or Big5 all do) and
 * then checked strictly, like a layout.  An unknown group or key is a
 * typo, and a group or key given twice is a copy that was not renamed:
 * GKeyFile would merge the two groups, or keep the last key, and a report
 * would silently go missing from the issue.  So one pass over the lines
 * refuses both, with the lines, before GKeyFile reads the file.
 */
#include "issue.h"

#include "error.h"
#include "source.h"

#include <stddef.h>
#include <string.h>

/* ---- the model -------------------------------------------------------- */

static void
np_article_free (NpArticle *article)
{
  if (!article)
    return;
  g_free (article->path);
  g_free (article->name);
  g_free (article->section);
  g_free (article->photos);
  g_free (article->title);
  g_free (article->encoding);
  np_document_free (article->doc);
  g_free (article);
}

NpIssue *
np_issue_new (void)
{
  NpIssue *issue = g_new0 (NpIssue, 1);
  issue->articles =
    g_ptr_array_new_with_free_func ((GDestroyNotify) np_article_free);
  return issue;
}

/* ---- the keys --------------------------------------------------------- */

/* A key of the file and the string of the model that it fills.  The keys
 * are described once, here: reading, the messages that list the known
 * keys, and the JSON dump walk these tables. */
typedef struct {
  const char *key;  /* in the file */
  const char *json; /* in the dump */
  gsize offset;     /* of the char * in NpIssue or NpArticle */
} Field;

static const Field issue_fields[] = {
  { "masthead", "masthead", offsetof (NpIssue, masthead) },
  { "number", "number", offsetof (NpIssue, number) },
  { "serial", "serial", offsetof (NpIssue, serial) },
  { "date", "date", offsetof (NpIssue, date) },
  { "publisher", "publisher", offsetof (NpIssue, publisher) },
  { "editor", "editor", offsetof (NpIssue, editor) },
  { "reviewer", "reviewer", offsetof (NpIssue, reviewer) },
  { "address", "address", offsetof (NpIssue, address) },
  { "phone", "phone", offsetof (NpIssue, phone) },
  { "email", "email", offsetof (NpIssue, email) },
  { "print-run", "print_run", offsetof (NpIssue, print_run) },
  { "report-to", "report_to", offsetof (NpIssue, report_to) },
  { "send-to", "send_to", offsetof (NpIssue, send_to) },
  { "copy-to", "copy_to", offsetof (NpIssue, copy_to) },
  { "layout", "layout", offsetof (NpIssue, layout) },
  { "to", "to", offsetof (NpIssue, to) },
  { "phrases", "phrases", offsetof (NpIssue, phrases) },
  { NULL, NULL, 0 },
};

/* `file` first: a report group must give it, and it makes the article. */
static const Field report_fields[] = {
  { "file", "file", offsetof (NpArticle, path) },
  { "section", "section", offsetof (NpArticle, section) },
  { "photos", "photos", offsetof (NpArticle, photos) },
  { "title", "title", offsetof (NpArticle, title) },
  { "encoding", "encoding", offsetof (NpArticle, encoding) },
  { NULL, NULL, 0 },
};

#define KNOWN_GROUPS "issue, report … (one for each report)"

static char **
field_of (gconstpointer object, const Field *f)
{
  return (char **) ((const char *) object + f->offset);
}

/* The keys of a group: [issue], or a report's group, whose name is
 * "report" and anything ([report 1], [report-news]); NULL for any other
 * group. */
static const Field *
group_fields (const char *group)
{
  if (strcmp (group, "issue") == 0)
    return issue_fields;
  if (g_str_has_prefix (group, "report"))
    return report_fields;
  return NULL;
}

static const Field *
find_field (const Field *fields, const char *key, gsize len)
{
  for (const Field *f = fields; f->key; f++)
    if (strlen (f->key) == len && memcmp (f->key, key, len) == 0)
      return f;
  return NULL;
}

static char *
list_keys (const Field *fields)
{
  GString *list = g_string_new (NULL);
  for (const Field *f = fields; f->key; f++)
    g_string_append_printf (list, "%s%s", f == fields ? "" : ", ", f->key);
  return g_string_free (list, FALSE);
}

/* The most characters of a name or value that a message quotes, so that
 * an error about a line of 4,000 characters is still one short line. */
#define QUOTE_CHARS 60

/* `len` bytes of UTF-8 at `s` for a message, cut with "…" when long. */
static char *
quote (const char *s, gsize len)
{
  if (g_utf8_strlen (s, (gssize) len) <= QUOTE_CHARS)
    return g_strndup (s, len);
  const char *cut = g_utf8_offset_to_pointer (s, QUOTE_CHARS);
  return g_strdup_printf ("%.*s…", (int) (cut - s), s);
}

/* ---- the lines -------------------------------------------------------- */

/* The longest group name: "[report " and a few words of a label.  A
 * longer one is surely not meant, and the check of every key line would
 * otherwise carry it around. */
#define MAX_GROUP_NAME 256

/* What the pass over the lines has seen so far. */
typedef struct {
  const char *name;    /* the file, as messages show it */
  GHashTable *groups;  /* group name -> its 1-based line */
  char *group;         /* the group the lines now read belong to, or NULL */
  const Field *fields; /* its keys */
  guint key_lines[G_N_ELEMENTS (issue_fields)]; /* of each of its keys, or
                                                   0: not yet seen */
} Scan;
G_STATIC_ASSERT (G_N_ELEMENTS (report_fields) <= G_N_ELEMENTS (issue_fields));

static gboolean
set_line_error (GError **error, const Scan *scan, guint number,
                const char *line, gsize len, const char *why)
{
  g_autofree char *quoted = quote (line, len);
  g_set_error (error, NP_ERROR, NP_ERROR_DATA, "%s: line %u: %s (got '%s')",
               scan->name, number, why, quoted);
  return FALSE;
}

/* A group line, "[name]" with nothing after it but blanks, as GKeyFile
 * reads one. */
static gboolean
scan_group (Scan *scan, const char *line, gsize len, guint number,
            GError **error)
{
  const char *end = line + len;
  const char *close = memchr (line, ']', len);
  const char *rest = close ? close + 1 : end;
  while (rest < end && (*rest == ' ' || *rest == '\t'))
    rest++;
  if (!close || rest < end)
    return set_line_error (error, scan, number, line, len,
                           "a group is its name in brackets, alone on its "
                           "line, as [report 1]");
  gsize name_len = (gsize) (close - line - 1);
  /* What GKeyFile refuses in a group's name, said here with the line. */
  for (const char *c = line + 1; c < close; c++)
    if (*c == '[' || g_ascii_iscntrl (*c))
      return set_line_error (error, scan, number, line, len,
                             "a group's name may hold neither '[' nor a "
                             "tab");
  if (name_len > MAX_GROUP_NAME)
    {
      g_autofree char *quoted = quote (line + 1, name_len);
      g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                   "%s: [%s]: a group's name may be at most %d bytes",
                   scan->name, quoted, MAX_GROUP_NAME);
      return FALSE;
    }

  g_free (scan->group);
  scan->group = g_strndup (line + 1, name_len);
  scan->fields = group_fields (scan->group);
  memset (scan->key_lines, 0, sizeof scan->key_lines);
  if (!scan->fields)
    {
      g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                   "%s: [%s]: unknown group (known groups: " KNOWN_GROUPS ")",
                   scan->name, scan->group);
      return FALSE;
    }
  guint first = GPOINTER_TO_UINT (g_hash_table_lookup (scan->groups,
                                                       scan->group));
  if (first)
    {
      g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                   "%s: [%s]: the group is there twice (lines %u and %u); %s",
                   scan->name, scan->group, first, number,
                   scan->fields == issue_fields
                     ? "keep one [issue] group"
                     : "give each report a group of its own name, as "
                       "[report 1], [report 2]");
      return FALSE;
    }
  g_hash_table_insert (scan->groups, g_strdup (scan->group),
                       GUINT_TO_POINTER (number));
  return TRUE;
}

/* A line "key = value" of the group before it.  Since no group comes
 * twice, a key seen twice is one given twice in the same group. */
static gboolean
scan_key (Scan *scan, const char *line, gsize len, guint number,
          GError **error)
{
  const char *end = line + len;
  const char *equals = memchr (line, '=', len);
  if (!equals)
    return set_line_error (error, scan, number, line, len,
                           "neither a [group], a key = value nor a # "
                           "comment");
  if (!scan->group)
    return set_line_error (error, scan, number, line, len,
                           "a key before the first group; the file begins "
                           "with [issue] or [report 1]");

  const char *key_end = equals;
  while (key_end > line && g_ascii_isspace (key_end[-1]))
    key_end--;
  gsize key_len = (gsize) (key_end - line);
  if (key_len == 0)
    return set_line_error (error, scan, number, line, len,
                           "a value without its key");

  const Field *f = find_field (scan->fields, line, key_len);
  if (!f)
    {
      g_autofree char *known = list_keys (scan->fields);
      g_autofree char *key = quote (line, key_len);
      g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                   "%s: [%s] %s: unknown key (known keys: %s)", scan->name,
                   scan->group, key, known);
      return FALSE;
    }
  guint *first = &scan->key_lines[f - scan->fields];
  if (*first)
    {
      g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                   "%s: [%s] %s: given twice (lines %u and %u)%s",
                   scan->name, scan->group, f->key, *first, number,
                   scan->fields == report_fields
                     ? "; each report needs a group of its own, as "
                       "[report 2]"
                     : "");
      return FALSE;
    }
  *first = number;

  const char *value = equals + 1;
  while (value < end && g_ascii_isspace (*value))
    value++;
  gsize value_len = (gsize) (end - value);
  if (value_len > NP_ISSUE_MAX_VALUE)
    {
      g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                   "%s: [%s] %s: the value is %" G_GSIZE_FORMAT
                   " bytes long; a value may be at most %d bytes",
                   scan->name, scan->group, f->key, value_len,
                   NP_ISSUE_MAX_VALUE);
      return FALSE;
    }
  return TRUE;
}

/* Checks every line of `text` ("\n" line ends) in one pass, in the order
 * of the file, so that the first mistake is the one reported. */
static gboolean
scan_lines (const char *text, const char *name, GError **error)
{
  Scan scan = { .name = name,
                .groups = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                 g_free, NULL) };
  gboolean ok = TRUE;
  guint number = 0;

  for (const char *p = text; ok && *p;)
    {
      const char *nl = strchr (p, '\n');
      const char *end = nl ? nl : p + strlen (p);
      const char *line = p;
      p = nl ? nl + 1 : end;
      number++;
      /* GKeyFile skips the blanks that open a line, and so does this. */
      while (line < end && g_ascii_isspace (*line))
        line++;
      gsize len = (gsize) (end - line);
      if (len == 0 || *line == '#')
        continue;
      ok = *line == '[' ? scan_group (&scan, line, len, number, error)
                        : scan_key (&scan, line, len, number, error);
    }
  g_hash_table_unref (scan.groups);
  g_free (scan.group);
  return ok;
}

/* ---- the values ------------------------------------------------------- */

/* A value as it is meant: its blanks trimmed at both ends (U+3000 too,
 * which Chinese input methods type), and NULL when nothing is left, since
 * an empty key is one not given.  Backslashes are kept as they are: no
 * issue field needs GKeyFile's escapes, and a Windows path has them. */
static char *
trimmed_value (GKeyFile *file, const char *group, const char *key)
{
  g_autofree char *raw = g_key_file_get_value (file, group, key, NULL);
  if (!raw)
    return NULL;
  const char *start = raw, *end = raw + strlen (raw);
  while (*start && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);
      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return end > start ? g_strndup (start, (gsize) (end - start)) : NULL;
}

/* Reads the value of `key` into `*value` (NULL: not given).  GKeyFile has
 * no comments after a value, so "要闻  # section" would print the note;
 * it is refused. */
static gboolean
read_value (GKeyFile *file, const char *name, const char *group,
            const char *key, char **value, GError **error)
{
  *value = trimmed_value (file, group, key);
  if (*value && (strstr (*value, " #") || strstr (*value, "\t#")))
    {
      g_autofree char *g = quote (group, strlen (group));
      g_autofree char *quoted = quote (*value, strlen (*value));
      g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                   "%s: [%s] %s: a comment must be on a line of its own "
                   "(got '%s')",
                   name, g, key, quoted);
      g_clear_pointer (value, g_free);
      return FALSE;
    }
  return TRUE;
}

/* Where the issue file is, for the paths it gives. */
typedef struct {
  const char *name;   /* the issue file, as messages show it */
  char *folder;       /* its folder, as the user gave it ("." for none) */
  char *absolute;     /* the same, absolute */
} Place;

/* A path from the file: relative to its folder, and with Windows'
 * backslashes turned to slashes, since a path copied from Explorer has
 * them.  `*shown` (may be NULL) gets the path as the user would recognise
 * it: as written, behind the issue file's folder as the user named it. */
static char *
resolve_path (const Place *place, const char *value, char **shown)
{
  g_autofree char *slashed = g_strdelimit (g_strdup (value), "\\", '/');
  if (shown)
    {
      g_autofree char *joined =
        g_path_is_absolute (slashed) || strcmp (place->folder, ".") == 0
          ? g_strdup (slashed)
          : g_build_filename (place->folder, slashed, NULL);
      *shown = g_filename_display_name (joined);
    }
  return g_canonicalize_filename (slashed, place->absolute);
}

/* Whether iconv can read `encoding`: a name that it does not know is
 * caught here, with the file, group and key, rather than when the report
 * is read. */
static gboolean
encoding_known (const char *encoding)
{
  GIConv cd = g_iconv_open ("UTF-8", encoding);
  if (cd == (GIConv) -1)
    return FALSE;
  g_iconv_close (cd);
  return TRUE;
}

static gboolean
read_issue_group (NpIssue *issue, GKeyFile *file, const Place *place,
                  GError **error)
{
  for (const Field *f = issue_fields; f->key; f++)
    if (!read_value (file, place->name, "issue", f->key,
                     field_of (issue, f), error))
      return FALSE;

  NpVariant variant;
  if (issue->to && !np_variant_parse (issue->to, &variant))
    {
      g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                   "%s: [issue] to: the edition is one of %s (got '%s')",
                   place->name, np_variant_names, issue->to);
      return FALSE;
    }
  if (issue->phrases)
    {
      char *phrases = resolve_path (place, issue->phrases, NULL);
      g_free (issue->phrases);
      issue->phrases = phrases;
    }

  /* A layout file kept beside the issue file (layout = mine.ini) is
   * meant, wherever newsprint runs; anything else is found as -l finds
   * it: "jianbao" by name. */
  if (issue->layout
      && (g_str_has_suffix (issue->layout, ".ini")
          || strchr (issue->layout, '/') || strchr (issue->layout, '\\')))
    {
      char *beside = resolve_path (place, issue->layout, NULL);
      if (g_file_test (beside, G_FILE_TEST_EXISTS))
        {
          g_free (issue->layout);
          issue->layout = beside;
        }
      else
        g_free (beside);
    }
  return TRUE;
}

static gboolean
read_report_group (NpIssue *issue, GKeyFile *file, const Place *place,
                   const char *group, GError **error)
{
  const char *name = place->name;
  g_autofree char *quoted = quote (group, strlen (group));
  g_autofree char *value = NULL;
  if (!read_value (file, name, group, "file", &value, error))
    return FALSE;
  if (!value)
    {
      g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                   "%s: [%s] file: missing; name the report's file, as "
                   "file = reports/news.txt (relative to this file's "
                   "folder)",
                   name, quoted);
      return FALSE;
    }

  g_autofree char *shown = NULL;
  g_autofree char *path = resolve_path (place, value, &shown);
  NpArticle *article = np_issue_add_article (issue, path);
  g_free (article->name);
  article->name = g_steal_pointer (&shown);
  for (const Field *f = report_fields + 1; f->key; f++)
    if (!read_value (file, name, group, f->key, field_of (article, f), error))
      return FALSE;

  if (article->photos)
    {
      char *photos = resolve_path (place, article->photos, NULL);
      g_free (article->photos);
      article->photos = photos;
    }
  if (article->encoding && !encoding_known (article->encoding))
    {
      g_autofree char *got =
        quote (article->encoding, strlen (article->encoding));
      g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                   "%s: [%s] encoding: not an encoding newsprint knows; use "
                   "GB18030, BIG5, UTF-8 or UTF-16LE, or leave it out to "
                   "have it detected (got '%s')",
                   name, quoted, got);
      return FALSE;
    }
  return TRUE;
}

/* ---- loading ---------------------------------------------------------- */

/* Whether the bytes hold nothing but blanks and a BOM: the decoder would
 * call that an empty report, and the issue file's problem is rather that
 * it names none. */
static gboolean
is_blank (const GByteArray *bytes)
{
  gsize i = bytes->len >= 3 && memcmp (bytes->data, "\xef\xbb\xbf", 3) == 0
              ? 3
              : 0;
  for (; i < bytes->len; i++)
    if (!g_ascii_isspace (bytes->data[i]))
      return FALSE;
  return TRUE;
}

static GKeyFile *
parse (const GByteArray *bytes, const char *name, GError **error)
{
  g_autofree char *text = is_blank (bytes)
                            ? g_strdup ("")
                            : np_source_decode ((const char *) bytes->data,
                                                bytes->len, name, error);
  if (!text || !scan_lines (text, name, error))
    return NULL;

  /* The lines have passed the stricter check above; should GKeyFile
   * still refuse the file, it says why itself. */
  g_autoptr (GKeyFile) file = g_key_file_new ();
  GError *local = NULL;
  if (!g_key_file_load_from_data (file, text, strlen (text), G_KEY_FILE_NONE,
                                  &local))
    {
      g_set_error (error, NP_ERROR, NP_ERROR_DATA, "%s: %s", name,
                   local->message);
      g_error_free (local);
      return NULL;
    }
  return g_steal_pointer (&file);
}

NpIssue *
np_issue_load (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  g_autofree char *name = g_filename_display_name (path);
  g_autoptr (GByteArray) bytes =
    np_source_read_file_max (path, name, NP_ISSUE_MAX_FILE, error);
  if (!bytes)
    return NULL;
  g_autoptr (GKeyFile) file = parse (bytes, name, error);
  if (!file)
    return NULL;

  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *absolute = g_canonicalize_filename (folder, NULL);
  Place place = { .name = name, .folder = folder, .absolute = absolute };
  g_autoptr (NpIssue) issue = np_issue_new ();
  issue->path = g_strdup (path);

  /* In the order of the file, which is the order of the issue. */
  g_auto (GStrv) groups = g_key_file_get_groups (file, NULL);
  for (gsize i = 0; groups[i]; i++)
    if (group_fields (groups[i]) == issue_fields
          ? !read_issue_group (issue, file, &place, error)
          : !read_report_group (issue, file, &place, groups[i], error))
      return NULL;

  if (issue->articles->len == 0)
    {
      g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                   "%s: no report; name each in a group of its own, as "
                   "[report 1] with file = reports/news.txt",
                   name);
      return NULL;
    }
  return g_steal_pointer (&issue);
}

NpArticle *
np_issue_add_article (NpIssue *issue, const char *path)
{
  g_return_val_if_fail (issue != NULL && path != NULL, NULL);

  NpArticle *article = g_new0 (NpArticle, 1);
  article->path = g_strdup (path);
  /* Named as np_source_read() names the report in its messages. */
  article->name = strcmp (path, "-") == 0 ? g_strdup ("stdin")
                                          : g_filename_display_name (path);
  g_ptr_array_add (issue->articles, article);
  return article;
}

gboolean
np_issue_is_file (const char *path)
{
  g_return_val_if_fail (path != NULL, FALSE);
  gsize len = strlen (path);
  return len >= 4 && g_ascii_strcasecmp (path + len - 4, ".ini") == 0;
}

void
np_issue_free (NpIssue *issue)
{
  if (!issue)
    return;
  for (const Field *f = issue_fields; f->key; f++)
    g_free (*field_of (issue, f));
  g_free (issue->path);
  g_ptr_array_unref (issue->articles);
  g_free (issue);
}

/* ---- JSON dump -------------------------------------------------------- */

/* A dump of its own (a document's), set in as a member's value: every
 * line after the first indented by `indent`, the final newline dropped.
 * Its strings are escaped, so each newline ends a line of the dump. */
static void
append_nested (GString *out, const char *json, const char *indent)
{
  for (const char *p = json; *p; p++)
    if (*p != '\n')
      g_string_append_c (out, *p);
    else if (p[1])
      {
        g_string_append_c (out, '\n');
        g_string_append (out, indent);
      }
}

static void
append_article (GString *out, const NpArticle *article)
{
  g_autofree char *photos =
    article->photos ? g_filename_display_name (article->photos) : NULL;
  g_string_append (out, "    {\n");
  np_json_member (out, "      ", "file", article->name, FALSE);
  np_json_member (out, "      ", "section", article->section, FALSE);
  np_json_member (out, "      ", "photos", photos, FALSE);
  np_json_member (out, "      ", "title", article->title, FALSE);
  np_json_member (out, "      ", "encoding", article->encoding, FALSE);
  g_string_append (out, "      \"document\": ");
  if (article->doc)
    {
      g_autofree char *doc = np_document_to_json (article->doc);
      append_nested (out, doc, "      ");
    }
  else
    g_string_append (out, "null");
  g_string_append (out, "\n    }");
}

char *
np_issue_to_json (const NpIssue *issue)
{
  g_return_val_if_fail (issue != NULL, NULL);

  g_autofree char *path =
    issue->path ? g_filename_display_name (issue->path) : NULL;
  GString *out = g_string_new ("{\n");
  np_json_member (out, "  ", "path", path, FALSE);
  for (const Field *f = issue_fields; f->key; f++)
    np_json_member (out, "  ", f->json, *field_of (issue, f), FALSE);
  if (issue->articles->len == 0)
    g_string_append (out, "  \"articles\": []\n");
  else
    {
      g_string_append (out, "  \"articles\": [\n");
      for (guint i = 0; i < issue->articles->len; i++)
        {
          append_article (out, g_ptr_array_index (issue->articles, i));
          g_string_append (out, i + 1 < issue->articles->len ? ",\n" : "\n");
        }
      g_string_append (out, "  ]\n");
    }
  g_string_append (out, "}\n");
  return g_string_free (out, FALSE);
}
