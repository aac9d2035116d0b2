/* cues.c: data/cues.ini, built in, as word lists for the structure rules
 * and the headline breaks.
 *
 * Contract: np_cues_new() reads the built-in file once per parse; lists
 * are split, trimmed, deduplicated and sorted longest first, so that every
 * look-up finds the longest word (供稿单位 before 供稿).  It knows nothing
 * of what the words mean: report.c and words.c do.
 *
 * The file looks like a GKeyFile, but a list may run on over indented
 * lines, which GKeyFile does not allow; long lists of words read better
 * so, and the format is small enough to read here.
 */
#include "cues.h"

#include <string.h>

extern const char np_cues_data[]; /* cues-data.c, made from data/cues.ini */

struct NpCues {
  GHashTable *values; /* "group/key" -> the raw value, lines joined */
  GHashTable *lists;  /* "group/key" -> GStrv, longest first */
};

/* Reads `[group]`, `key = value` and indented continuation lines into
 * `values`; a line of any other shape is a fault of the built-in file. */
static void
np_cues_read (NpCues *cues, const char *data)
{
  g_auto (GStrv) lines = g_strsplit (data, "\n", -1);
  g_autofree char *group = NULL;
  GString *value = NULL;
  for (guint i = 0; lines[i]; i++) {
    char *line = lines[i];
    gboolean continued = *line == ' ' || *line == '\t';
    g_strstrip (line);
    if (!*line || *line == '#')
      continue;
    if (continued && value) {
      g_string_append_printf (value, ";%s", line);
      continue;
    }
    char *equals = strchr (line, '=');
    if (*line == '[' && line[strlen (line) - 1] == ']') {
      g_free (group);
      group = g_strndup (line + 1, strlen (line) - 2);
      value = NULL;
    } else if (group && equals) {
      *equals = '\0';
      char *key = g_strdup_printf ("%s/%s", group, g_strstrip (line));
      value = g_string_new (g_strstrip (equals + 1));
      g_hash_table_replace (cues->values, key, value);
    } else {
      g_error ("data/cues.ini: line %u: not [group], key = words or an "
               "indented continuation", i + 1);
    }
  }
}

static void
np_string_free (gpointer s)
{
  g_string_free (s, TRUE);
}

NpCues *
np_cues_new (void)
{
  NpCues *cues = g_new0 (NpCues, 1);
  cues->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        np_string_free);
  cues->lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_strfreev);
  np_cues_read (cues, np_cues_data);
  return cues;
}

void
np_cues_free (NpCues *cues)
{
  if (!cues)
    return;
  g_hash_table_destroy (cues->values);
  g_hash_table_destroy (cues->lists);
  g_free (cues);
}

static gint
np_longer_first (gconstpointer a, gconstpointer b)
{
  gsize la = strlen (*(char *const *) a), lb = strlen (*(char *const *) b);
  return la < lb ? 1 : la > lb ? -1 : strcmp (*(char *const *) a,
                                               *(char *const *) b);
}

/* Splits a value at ';' into trimmed, distinct, non-empty words. */
static char **
np_cues_split (const char *value)
{
  g_auto (GStrv) parts = g_strsplit (value ? value : "", ";", -1);
  GPtrArray *words = g_ptr_array_new ();
  for (guint i = 0; parts[i]; i++) {
    char *word = g_strstrip (parts[i]);
    gboolean seen = FALSE;
    for (guint k = 0; k < words->len && !seen; k++)
      seen = strcmp (words->pdata[k], word) == 0;
    if (*word && !seen)
      g_ptr_array_add (words, g_strdup (word));
  }
  g_ptr_array_sort (words, np_longer_first);
  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (words, FALSE);
}

const char *const *
np_cues_list (NpCues *cues, const char *list)
{
  char **words = g_hash_table_lookup (cues->lists, list);
  if (words)
    return (const char *const *) words;
  const GString *value = g_hash_table_lookup (cues->values, list);
  words = np_cues_split (value ? value->str : NULL);
  g_hash_table_insert (cues->lists, g_strdup (list), words);
  return (const char *const *) words;
}

gsize
np_cues_opens (NpCues *cues, const char *list, const char *text)
{
  for (const char *const *w = np_cues_list (cues, list); *w; w++)
    if (g_str_has_prefix (text, *w))
      return strlen (*w);
  return 0;
}

gsize
np_cues_closes (NpCues *cues, const char *list, const char *text)
{
  for (const char *const *w = np_cues_list (cues, list); *w; w++)
    if (g_str_has_suffix (text, *w))
      return strlen (*w);
  return 0;
}

gboolean
np_cues_is (NpCues *cues, const char *list, const char *text)
{
  for (const char *const *w = np_cues_list (cues, list); *w; w++)
    if (strcmp (text, *w) == 0)
      return TRUE;
  return FALSE;
}

const char *
np_cues_find (NpCues *cues, const char *list, const char *text,
              gsize *length)
{
  const char *best = NULL;
  gsize best_length = 0;
  for (const char *const *w = np_cues_list (cues, list); *w; w++) {
    const char *hit = strstr (text, *w);
    /* the earliest hit, and at one place the longest word (listed first) */
    if (hit && (!best || hit < best)) {
      best = hit;
      best_length = strlen (*w);
    }
  }
  if (length)
    *length = best_length;
  return best;
}

char *
np_cues_pattern (NpCues *cues, const char *list)
{
  GString *out = g_string_new ("(?:");
  const char *const *words = np_cues_list (cues, list);
  for (const char *const *w = words; *w; w++) {
    g_autofree char *escaped = g_regex_escape_string (*w, -1);
    if (w != words)
      g_string_append_c (out, '|');
    g_string_append (out, escaped);
  }
  g_string_append_c (out, ')');
  return g_string_free (out, FALSE);
}
