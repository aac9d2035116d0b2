/* document.h: the document model, what report.c reads a report into.
 *
 * A document is a sequence of blocks in reading order plus a few facts about
 * the whole report (headline, issue, date, script).  It holds text only: no
 * sizes, fonts or positions, which belong to the later stages.  Every string
 * is UTF-8 and owned by the document; np_document_free() releases it all.
 */
#ifndef NP_DOCUMENT_H
#define NP_DOCUMENT_H

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  NP_BLOCK_LEAD,      /* first paragraph, opening with a date */
  NP_BLOCK_PARAGRAPH, /* body paragraph */
  NP_BLOCK_HEADING,   /* section heading (一、… / (一)… / 01 …) */
  NP_BLOCK_ITEM,      /* numbered list item (1. … / (1)…), hanging indent */
  NP_BLOCK_CAPTION,   /* caption under a photo frame */
  NP_BLOCK_KEYNOTES,  /* table: speaker / report title */
  NP_BLOCK_UNITS,     /* table: serial number / signing unit */
  NP_BLOCK_CREDIT,    /* a closing credit line (供稿:…), set flush right */
  NP_BLOCK_SIGNATURE, /* the closing office, date or time, flush right */
} NpBlockKind;

typedef enum {
  NP_SCRIPT_HANT, /* Traditional Chinese: zh-Hant, TC faces */
  NP_SCRIPT_HANS, /* Simplified Chinese: zh-Hans, SC faces */
} NpScript;

/* One block.  Text blocks use `text`; table blocks use `rows`, whose first
 * row is the header.  Invariant: exactly one of text and rows is non-NULL. */
typedef struct {
  NpBlockKind kind;
  char *text;       /* paragraph text without line breaks, or NULL */
  GPtrArray *rows;  /* of GStrv (NULL-terminated cells), or NULL */
  guint line;       /* 1-based line of the report where the block starts */
  char *rule;       /* the rule that read it so ("caption: 图为 prefix"),
                       for --dump-structure and --annotate; never NULL */
  char *credit;     /* CAPTION: the photo credit under it (摄影：张三) */
  char *title;      /* UNITS, KEYNOTES: the list's own name (理事单位) */
  char *evidence;   /* the features that weighed most for its role
                       ("sym:▲ +2.1, p:end:stop +0.8"), or NULL */
} NpBlock;

/* A line of the report that is not printed (a page's junk, an end mark). */
typedef struct {
  guint line;  /* 1-based */
  char *text;
} NpDropped;

typedef struct {
  char *headline;   /* front-matter title, the title line, or the lead's
                       event clause */
  char *kicker;     /* a line over the title (引题), or NULL */
  char *subtitle;   /* a subtitle line under the title (副题), or NULL */
  char *byline;     /* who wrote it, under the title (本报记者 张三), or
                       NULL */
  char *headline_rule; /* how the headline was found ("title line"), or
                          NULL */
  char *masthead;   /* front matter; NULL lets the layout decide */
  char *issue;      /* e.g. "第 12 期", or NULL */
  char *date;       /* e.g. "2024年6月18日", or NULL */
  char *publisher;  /* front matter, else the credit's source, or NULL */
  NpScript script;  /* which Chinese script the text is written in */
  char *language;   /* the BCP 47 name of an edition it was converted to
                       (zh-TW), or NULL: its script's (np_document_language) */
  GPtrArray *blocks;   /* of NpBlock*, owned */
  GPtrArray *warnings; /* of char*: "line N: what", for the caller to show */
  GPtrArray *dropped;  /* of NpDropped*: the report's lines not printed,
                          each named by a warning too */
} NpDocument;

NpDocument *np_document_new (void);
void np_document_free (NpDocument *doc); /* accepts NULL */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NpDocument, np_document_free)

/* Appends a block and returns it; the document owns it. */
NpBlock *np_document_add_text (NpDocument *doc, NpBlockKind kind,
                               const char *text, guint line);
NpBlock *np_document_add_table (NpDocument *doc, NpBlockKind kind,
                                guint line);
/* Appends a row of `n` cells (copied) to a table block. */
void np_block_add_row (NpBlock *block, const char *const *cells, guint n);
/* Records the rule that made the block (printf-style). */
void np_block_set_rule (NpBlock *block, const char *fmt, ...)
  G_GNUC_PRINTF (2, 3);

/* Records that line `line` (`text`, copied) is not printed. */
void np_document_add_dropped (NpDocument *doc, guint line, const char *text);

void np_document_warn (NpDocument *doc, guint line, const char *fmt, ...)
  G_GNUC_PRINTF (3, 4);

const char *np_block_kind_name (NpBlockKind kind);
/* Whether a kind of block closes the report (credit, signature): set
 * after everything else, kept with the lines before it. */
gboolean np_block_closes (NpBlockKind kind);
const char *np_script_name (NpScript script); /* "zh-Hant" / "zh-Hans" */
/* The document's language: its edition's, else its script's. */
const char *np_document_language (const NpDocument *doc);

/* Calls `func` on the address of every text the document holds: the
 * headline, kicker, subtitle, byline and publisher (line 0), and each
 * block's text, photo credit, title and table cells (with the block's
 * line).  `func` may replace the string with another (freeing the old
 * one), never with NULL: a table's row ends at its first NULL cell.  The
 * stages that rewrite or count text (punctuation, emoji) use it, so that
 * no field is missed. */
typedef void (*NpTextFunc) (char **text, guint line, gpointer data);
void np_document_foreach_text (NpDocument *doc, NpTextFunc func,
                               gpointer data);

/* Replaces every text of the document (as np_document_foreach_text visits
 * them) with what `rewrite` returns for it, newly allocated, which adds to
 * *count the changes it made.  Returns the sum of those counts. */
typedef char *(*NpRewriteFunc) (const char *text, guint *count);
guint np_document_rewrite (NpDocument *doc, NpRewriteFunc rewrite);

/* The editions --to names, with their BCP 47 names. */
typedef enum {
  NP_VARIANT_NONE, /* the report's own script: nothing converts */
  NP_VARIANT_HANS, /* zh-Hans */
  NP_VARIANT_HANT, /* zh-Hant */
  NP_VARIANT_TW,   /* zh-TW: Taiwan's characters and words */
  NP_VARIANT_HK,   /* zh-HK: Hong Kong's characters */
} NpVariant;

/* "zh-Hans", "zh-Hant", "zh-TW" or "zh-HK" (any case) -> the variant;
 * FALSE for anything else. */
gboolean np_variant_parse (const char *name, NpVariant *variant);
const char *np_variant_name (NpVariant variant); /* NULL for NONE */
/* The accepted names, for messages: "zh-Hans, zh-Hant, zh-TW or zh-HK". */
extern const char np_variant_names[];

/* The non-empty texts of `parts` (`n` of them, any may be NULL) joined by
 * `separator`, newly allocated; NULL when there is none.  A Chinese issue
 * line joins its parts with ideographic spaces. */
char *np_text_join (const char *const *parts, guint n, const char *separator);

/* The model as stable, indented JSON (a newly allocated string). */
char *np_document_to_json (const NpDocument *doc);

/* Its pieces, for the dumps that hold a document (issue.c): appends `s` as
 * a JSON string, or null for NULL; and one member line, `indent"key":
 * value`, with a comma unless it is the `last`. */
void np_json_string (GString *out, const char *s);
void np_json_member (GString *out, const char *indent, const char *key,
                     const char *value, gboolean last);

G_END_DECLS

#endif
