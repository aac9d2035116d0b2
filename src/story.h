/* story.h: the shaped story, what blocks.c makes of a document for flow.c.
 *
 * Every block becomes an element measured in body lines (the line grid):
 * text, a figure (photo frame + caption) or a table.  Heights are whole
 * lines so that everything after an element returns to the grid.
 */
#ifndef NP_STORY_H
#define NP_STORY_H

#include "document.h"
#include "page.h"

G_BEGIN_DECLS

/* The line pitch of each part of the page 1 head, times its font size:
 * flow.c sets the parts so, and story.c keeps each short enough for the
 * page. */
#define NP_MASTHEAD_LEADING 1.25
#define NP_META_LEADING     2.0
#define NP_KICKER_LEADING   1.4
#define NP_HEADLINE_LEADING 1.3
#define NP_SUBTITLE_LEADING 1.4
#define NP_BYLINE_LEADING   1.6

typedef enum {
  NP_ELEMENT_TEXT,   /* lines of a paragraph, one grid line each */
  NP_ELEMENT_FIGURE, /* a frame and its caption; never split */
  NP_ELEMENT_TABLE,  /* rows; split only between rows */
} NpElementKind;

typedef struct {
  GPtrArray *cells; /* of const NpParagraph*, one per column (kept by pages) */
  int lines;        /* height in body lines */
} NpRow;

typedef struct {
  NpElementKind kind;
  NpBlockKind block;          /* the block it came from: drives the keeps */
  const NpParagraph *text;    /* TEXT: the paragraph; FIGURE: the caption */
  const NpParagraph *credit;  /* FIGURE: the photo credit under the
                                 caption, or NULL */
  int lines;                  /* TEXT: height in body lines */
  double frame_height;        /* FIGURE: points, at full size */
  double frame_width;         /* FIGURE: points (a photo may be narrower
                                 than the column) */
  const NpPhoto *photo;       /* FIGURE: its photo, or NULL: a placeholder */
  gboolean span;              /* FIGURE: across all columns ([frame] span) */
  double inset;               /* FIGURE: frame top below the element top */
  double text_pitch;          /* FIGURE caption, TABLE cells: line pitch */
  GArray *rows;               /* TABLE: of NpRow; rows[0] is the header */
  GArray *edges;              /* TABLE: of double, column edges from the
                                 table's left, points (n columns + 1) */
  char *label;                /* TABLE, heading: its outline entry, or NULL */
  const char *rule;           /* how its block was read (the document's) */
  const NpParagraph *note;    /* --annotate: the rule, set in the margin,
                                 or NULL */
} NpElement;

typedef struct {
  const NpParagraph *masthead; /* page 1 head, across all columns */
  const NpParagraph *meta;     /* issue and date line; may be NULL */
  const NpParagraph *headline; /* may be NULL */
  const NpParagraph *kicker;   /* over the headline; may be NULL */
  const NpParagraph *subtitle; /* under the headline; may be NULL */
  const NpParagraph *byline;   /* under them; may be NULL */
  const NpParagraph *headline_note; /* --annotate: how it was found */
  const char *footer;          /* footer text with {page} and {pages},
                                  in the report's script (style's) */
  GArray *elements;            /* of NpElement, in reading order */
} NpStory;

/* Shapes every block of `doc` to the measures of `style`.  Paragraphs are
 * kept by `pages`, and so are the photos in `pages->photos` (one per
 * caption, in order; NULL entries or a NULL array leave placeholders).  A character that no font has adds a line to `warnings`
 * ("line N: no font has U+XXXX 'c'"). */
NpStory *np_story_new (const NpDocument *doc, const NpStyle *style,
                       NpFonts *fonts, NpPages *pages, GPtrArray *warnings);

/* Shapes, for a proof an editor checks, each element's reading (its
 * block's rule, "caption · ▲ mark") as a note for the page margin, in
 * the footer's face at a small size and in red.  Call before np_flow, with
 * the document the story was made from. */
void np_story_annotate (NpStory *story, const NpDocument *doc,
                        const NpStyle *style, NpFonts *fonts,
                        NpPages *pages);
/* Points between a note in the margin and the text area. */
#define NP_NOTE_GAP 6


/* The number of figures (captions) a document has. */
guint np_story_count_figures (const NpDocument *doc);
void np_story_free (NpStory *story); /* accepts NULL */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NpStory, np_story_free)

G_END_DECLS

#endif
