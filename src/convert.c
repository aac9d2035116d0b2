/* convert.c: a document -> the same document in another script or region.
 *
 * Contract: np_convert_document() rewrites every text of a document (the
 * headline and its parts, every block, caption credit, table title and
 * cell) in the converter's edition and sets the document's script and
 * language to it.  The conversion is OpenCC's, with its phrase tables
 * (never a table of ours); quotation marks follow the edition in pairs;
 * the user's phrases win over OpenCC's.  It reads the structure as it
 * was found: it adds, drops and moves no block.
 */
#include "convert.h"

#include <opencc.h>
#include <string.h>

#include "error.h"
#include "source.h"

/* newsprint's own configuration, in the opencc/ of its data folder: a
 * Traditional text in Taiwan's words (軟件 -> 軟體) from OpenCC's own
 * Taiwan dictionaries.  OpenCC has t2tw, characters only; and s2twp, run
 * on a Traditional text, would take its surnames 范 and 于 for
 * Simplified and write them 範 and 於. */
#define NP_OWN_T2TWP "t2twp.json"

/* The configurations for each edition, by the script a text is written
 * in: a chain of them, run in turn, or none. */
typedef struct {
  const char *from_hant[2];
  const char *from_hans[2];
} NpChain;

static const NpChain np_chains[] = {
  [NP_VARIANT_NONE] = { { NULL }, { NULL } },
  [NP_VARIANT_HANS] = { { "t2s.json" }, { NULL } },
  [NP_VARIANT_HANT] = { { NULL }, { "s2t.json" } },
  [NP_VARIANT_TW] = { { NP_OWN_T2TWP }, { "s2twp.json" } },
  [NP_VARIANT_HK] = { { "t2hk.json" }, { "s2hk.json" } },
};

/* A phrase of the user's: where it stands in a text it is replaced by a
 * private-use character, which OpenCC leaves alone, and then by `to`. */
typedef struct {
  char *from, *to;
} NpPhrase;

struct NpConverter {
  NpVariant to;
  char *own;          /* the folder of newsprint's own configurations */
  GHashTable *opened; /* config name -> opencc_t */
  GArray *phrases;    /* of NpPhrase, longest `from` first */
  GHashTable *starts; /* first character -> GArray of phrase indices, in
                         the order of `phrases` */
};

/* Plane 15's private use area: no text a report holds uses it. */
#define NP_PHRASE_MARK 0xF0000

static char *
np_opencc_dir (void)
{
  const char *env = g_getenv ("NEWSPRINT_OPENCC_DIR");
  return g_strdup (env && *env ? env : NP_OPENCC_DATADIR);
}

static void
np_opencc_close (gpointer od)
{
  opencc_close ((opencc_t) od);
}

/* Opens configuration `name` once; NULL with an error naming it. */
static opencc_t
np_converter_open (NpConverter *c, const char *name, GError **error)
{
  opencc_t od = g_hash_table_lookup (c->opened, name);
  if (od)
    return od;
  gboolean own = strcmp (name, NP_OWN_T2TWP) == 0;
  g_autofree char *dir = own ? g_strdup (c->own) : np_opencc_dir ();
  if (!dir) {
    g_set_error (error, NP_ERROR, NP_ERROR_INTERNAL,
                 "opencc/%s: not found (is newsprint installed?)", name);
    return NULL;
  }
  g_autofree char *path = g_build_filename (dir, name, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR)) {
    g_set_error (error, NP_ERROR, NP_ERROR_INTERNAL,
                 "%s: OpenCC configuration not found (is libopencc1.1 "
                 "installed?)", path);
    return NULL;
  }
  od = opencc_open (path);
  if (od == (opencc_t) -1) {
    g_set_error (error, NP_ERROR, NP_ERROR_INTERNAL, "%s: %s", path,
                 opencc_error ());
    return NULL;
  }
  g_hash_table_insert (c->opened, g_strdup (name), od);
  return od;
}

static int
np_phrase_longer (gconstpointer a, gconstpointer b)
{
  gsize x = strlen (((const NpPhrase *) a)->from);
  gsize y = strlen (((const NpPhrase *) b)->from);
  return x < y ? 1 : x > y ? -1 : 0;
}

static void
np_phrase_clear (gpointer data)
{
  NpPhrase *p = data;
  g_free (p->from);
  g_free (p->to);
}

/* The most phrases a file may give: each is looked for in every text. */
#define NP_MAX_PHRASES 10000
#define NP_MAX_PHRASE_FILE (1024 * 1024)

static gboolean
np_converter_read_phrases (NpConverter *c, const char *path, GError **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr (GByteArray) bytes =
    np_source_read_file_max (path, name, NP_MAX_PHRASE_FILE, error);
  if (!bytes)
    return FALSE;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  const char *text = (const char *) bytes->data;
  if (g_str_has_prefix (text, "\xEF\xBB\xBF"))
    text += 3;
  if (!g_utf8_validate (text, -1, NULL)) {
    g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                 "%s: not UTF-8 text (save the phrase file as UTF-8)", name);
    return FALSE;
  }
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++) {
    char *line = g_strchomp (lines[i]); /* and a CR */
    const char *start = line + strspn (line, " \t");
    if (!*start || *start == '#')
      continue;
    char *tab = strchr (line, '\t');
    g_auto (GStrv) parts = tab ? g_strsplit (line, "\t", 2) : NULL;
    if (!parts || !*g_strstrip (parts[0]) || !*g_strstrip (parts[1]) ||
        strchr (parts[1], '\t')) {
      g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                   "%s: line %u: want the phrase as written, a tab, and the "
                   "phrase as it is to be printed", name, i + 1);
      return FALSE;
    }
    if (c->phrases->len >= NP_MAX_PHRASES) {
      g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                   "%s: more than %d phrases", name, NP_MAX_PHRASES);
      return FALSE;
    }
    NpPhrase p = { g_strdup (parts[0]), g_strdup (parts[1]) };
    g_array_append_val (c->phrases, p);
  }
  g_array_sort (c->phrases, np_phrase_longer);
  for (guint i = 0; i < c->phrases->len; i++) {
    gunichar first =
      g_utf8_get_char (g_array_index (c->phrases, NpPhrase, i).from);
    GArray *list = g_hash_table_lookup (c->starts, GUINT_TO_POINTER (first));
    if (!list) {
      list = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (c->starts, GUINT_TO_POINTER (first), list);
    }
    g_array_append_val (list, i);
  }
  return TRUE;
}

NpConverter *
np_converter_new (NpVariant to, const char *phrases, const char *own,
                  GError **error)
{
  g_autoptr (NpConverter) c = g_new0 (NpConverter, 1);
  c->to = to;
  c->own = g_strdup (own);
  c->opened = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     np_opencc_close);
  c->phrases = g_array_new (FALSE, FALSE, sizeof (NpPhrase));
  g_array_set_clear_func (c->phrases, np_phrase_clear);
  c->starts = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                     (GDestroyNotify) g_array_unref);
  /* Every configuration the edition may need, now: a missing one is
   * one error before any work, not a surprise on the second article. */
  const NpChain *chain = &np_chains[to];
  for (guint i = 0; i < 2; i++) {
    if (chain->from_hant[i] && !np_converter_open (c, chain->from_hant[i],
                                                   error))
      return NULL;
    if (chain->from_hans[i] && !np_converter_open (c, chain->from_hans[i],
                                                   error))
      return NULL;
  }
  if (phrases && !np_converter_read_phrases (c, phrases, error))
    return NULL;
  return g_steal_pointer (&c);
}

void
np_converter_free (NpConverter *c)
{
  if (!c)
    return;
  g_clear_pointer (&c->opened, g_hash_table_unref);
  g_clear_pointer (&c->phrases, g_array_unref);
  g_clear_pointer (&c->starts, g_hash_table_unref);
  g_free (c->own);
  g_free (c);
}

/* Characters that differ between `a` and `b`, position by position, and
 * any left over in the longer. */
static guint
np_count_changes (const char *a, const char *b)
{
  guint n = 0;
  while (*a && *b) {
    n += g_utf8_get_char (a) != g_utf8_get_char (b);
    a = g_utf8_next_char (a);
    b = g_utf8_next_char (b);
  }
  return n + (guint) g_utf8_strlen (a, -1) + (guint) g_utf8_strlen (b, -1);
}

/* Quotation marks as the edition writes them (clreq 3.1.2): “” and ‘’ in
 * Simplified Chinese, 「」 and 『』 in Traditional; a mark is changed only
 * with the one that closes it, so an apostrophe (it’s) stays. */
static void
np_convert_quotes (GString *text, gboolean corner)
{
  static const struct {
    gunichar open, close, corner_open, corner_close;
  } pairs[] = { { 0x201C, 0x201D, 0x300C, 0x300D },
                { 0x2018, 0x2019, 0x300E, 0x300F } };
  for (guint k = 0; k < G_N_ELEMENTS (pairs); k++) {
    gunichar open = corner ? pairs[k].open : pairs[k].corner_open;
    gunichar close = corner ? pairs[k].close : pairs[k].corner_close;
    gunichar to_open = corner ? pairs[k].corner_open : pairs[k].open;
    gunichar to_close = corner ? pairs[k].corner_close : pairs[k].close;
    if (!g_utf8_strchr (text->str, (gssize) text->len, open))
      continue; /* most texts: nothing to rewrite */
    GString *out = g_string_sized_new (text->len);
    const char *p = text->str;
    while (*p) {
      gunichar ch = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      /* its closing mark: the next close, before any other open */
      const char *end = NULL;
      for (const char *q = next; ch == open && *q; q = g_utf8_next_char (q)) {
        gunichar c2 = g_utf8_get_char (q);
        if (c2 == open)
          break;
        if (c2 == close) {
          end = q;
          break;
        }
      }
      if (end) {
        g_string_append_unichar (out, to_open);
        g_string_append_len (out, next, end - next);
        g_string_append_unichar (out, to_close);
        p = g_utf8_next_char (end);
        continue;
      }
      g_string_append_len (out, p, next - p);
      p = next;
    }
    g_string_assign (text, out->str);
    g_string_free (out, TRUE);
  }
}

/* `text` with each of the user's phrases replaced by its mark, in one
 * pass: at each character, the phrases that open with it, longest first
 * (a phrase file of thousands costs a look-up, not a search each). */
static GString *
np_mark_phrases (NpConverter *c, const char *text, NpConvertCount *count)
{
  GString *s = g_string_sized_new (strlen (text));
  for (const char *p = text; *p;) {
    const GArray *starts = g_hash_table_lookup (
      c->starts, GUINT_TO_POINTER (g_utf8_get_char (p)));
    guint found = G_MAXUINT;
    for (guint k = 0; starts && k < starts->len && found == G_MAXUINT; k++) {
      guint i = g_array_index (starts, guint, k);
      const NpPhrase *phrase = &g_array_index (c->phrases, NpPhrase, i);
      if (g_str_has_prefix (p, phrase->from))
        found = i;
    }
    if (found == G_MAXUINT) {
      const char *next = g_utf8_next_char (p);
      g_string_append_len (s, p, next - p);
      p = next;
      continue;
    }
    g_string_append_unichar (s, NP_PHRASE_MARK + found);
    p += strlen (g_array_index (c->phrases, NpPhrase, found).from);
    if (count)
      count->phrases++;
  }
  return s;
}

/* The marks of `s` back into the phrases as the edition prints them. */
static void
np_unmark_phrases (NpConverter *c, GString *s)
{
  if (c->phrases->len == 0)
    return;
  GString *out = g_string_sized_new (s->len);
  for (const char *p = s->str; *p;) {
    gunichar ch = g_utf8_get_char (p);
    const char *next = g_utf8_next_char (p);
    if (ch >= NP_PHRASE_MARK && ch < NP_PHRASE_MARK + c->phrases->len)
      g_string_append (out,
                       g_array_index (c->phrases, NpPhrase,
                                      ch - NP_PHRASE_MARK).to);
    else
      g_string_append_len (out, p, next - p);
    p = next;
  }
  g_string_assign (s, out->str);
  g_string_free (out, TRUE);
}

char *
np_converter_text (NpConverter *c, const char *text, NpScript from,
                   NpConvertCount *count)
{
  /* The user's phrases first, out of OpenCC's reach. */
  GString *s = np_mark_phrases (c, text, count);
  const NpChain *chain = &np_chains[c->to];
  const char *const *steps =
    from == NP_SCRIPT_HANS ? chain->from_hans : chain->from_hant;
  for (guint i = 0; i < 2 && steps[i]; i++) {
    opencc_t od = g_hash_table_lookup (c->opened, steps[i]);
    char *out = od ? opencc_convert_utf8 (od, s->str, s->len) : NULL;
    if (out) {
      g_string_assign (s, out);
      opencc_convert_utf8_free (out);
    }
  }
  np_convert_quotes (s, c->to != NP_VARIANT_HANS);
  np_unmark_phrases (c, s);
  if (count)
    count->chars += np_count_changes (text, s->str);
  return g_string_free (s, FALSE);
}

typedef struct {
  NpConverter *converter;
  NpScript from;
  NpConvertCount *count;
} NpConverting;

static void
np_convert_field (char **text, guint line, gpointer data)
{
  NpConverting *job = data;
  (void) line;
  char *converted = np_converter_text (job->converter, *text, job->from,
                                       job->count);
  g_free (*text);
  *text = converted;
}

void
np_convert_document (NpConverter *c, NpDocument *doc, NpConvertCount *count)
{
  if (c->to == NP_VARIANT_NONE)
    return;
  NpConverting job = { c, doc->script, count };
  np_document_foreach_text (doc, np_convert_field, &job);
  char **extra[] = { &doc->masthead, &doc->issue, &doc->date };
  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    if (*extra[i])
      np_convert_field (extra[i], 0, &job);
  doc->script = c->to == NP_VARIANT_HANS ? NP_SCRIPT_HANS : NP_SCRIPT_HANT;
  g_free (doc->language);
  doc->language = g_strdup (np_variant_name (c->to));
}
