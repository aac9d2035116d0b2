/* shape.h: paragraphs -> lines (the CJK line-breaking rules live here).
 *
 * A paragraph is shaped once by Pango/HarfBuzz as one long line; shape.c
 * then chooses the line breaks itself (clreq kinsoku rules, whole-paragraph
 * optimisation) and justifies each line by spacing between characters.  The
 * result is plain data: lines of glyph runs with their widths, which flow.c
 * positions and draw.c paints.
 */
#ifndef NP_SHAPE_H
#define NP_SHAPE_H

#include <pango/pango.h>
#include "fonts.h"
#include "style.h"

G_BEGIN_DECLS

typedef enum {
  NP_ALIGN_JUSTIFY, /* flush both sides; the last line flush left */
  NP_ALIGN_LEFT,
  NP_ALIGN_CENTER,
  NP_ALIGN_RIGHT,
} NpAlign;

/* The measure a paragraph is set to. */
typedef struct {
  double width;     /* points */
  double indent;    /* points, first line only */
  double hang;      /* points, every line but the first (a list item's
                       text hangs clear of its number) */
  NpAlign align;
  gboolean balance; /* make all lines about equally long (headlines), and
                       break only between words */
  gboolean words;   /* ragged text that should not break inside a word
                       when a boundary a little earlier fits (table cells,
                       contents entries) */
} NpMeasure;

/* One line: glyph runs left to right, justification already applied to the
 * glyph advances. */
typedef struct {
  GPtrArray *runs;  /* of PangoGlyphItem*, owned */
  double x;         /* points from the measure's left edge (indent, centring) */
  double width;     /* points, as set */
  guint start, end; /* byte range of the paragraph text shown */
} NpLine;

/* A shaped paragraph.  Runs index into `text`, which it owns. */
typedef struct {
  char *text;
  GPtrArray *lines;     /* of NpLine*, owned */
  NpFont font;          /* the font it was set in (family not owned) */
  double width;         /* the measure, points */
  GArray *missing;      /* of gunichar: characters no font has */
  guint forced;         /* characters of the longest stretch without an
                           allowed break that had to be broken anyway, 0:
                           none */
} NpParagraph;

/* Shapes and breaks `text` (UTF-8, no newlines).  Never fails: a character
 * no font has is recorded in `missing` and set as the geta mark 〓 (the
 * paragraph's `text` then holds 〓 in its place). */
NpParagraph *np_shape_paragraph (NpFonts *fonts, const NpFont *font,
                                 const char *text, const NpMeasure *measure);
void np_paragraph_free (NpParagraph *paragraph); /* accepts NULL */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NpParagraph, np_paragraph_free)

/* Widest natural width of any line, points (for table columns). */
double np_paragraph_natural_width (const NpParagraph *paragraph);

/* The breaking rules, exported for tests.  clreq 3.1.7: characters not
 * allowed at the start / at the end of a line. */
gboolean np_shape_no_line_start (gunichar c);
gboolean np_shape_no_line_end (gunichar c);
/* Whether a line may break between `before` and `after`, given that the
 * Unicode line-break algorithm already allows it. */
gboolean np_shape_may_break (gunichar before, gunichar after);

G_END_DECLS

#endif
