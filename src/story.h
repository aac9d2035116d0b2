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
/* An issue's section label, its colophon's lines; the points between the
 * frame of the contents box or the colophon and the text in it. */
#define NP_SECTION_LEADING  1.8
#define NP_COLOPHON_LEADING 1.7
#define NP_BOX_PAD          8

typedef enum {
  NP_ELEMENT_HEAD,   /* an article's head in an issue: section label,
                        kicker, headline, subtitle, byline; never split */
  NP_ELEMENT_TEXT,   /* lines of a paragraph, one grid line each */
  NP_ELEMENT_FIGURE, /* a frame and its caption; never split */
  NP_ELEMENT_TABLE,  /* rows; split only between rows */
} NpElementKind;

typedef struct {
  GPtrArray *cells; /* of const NpParagraph*, one per column (kept by pages) */
  int lines;        /* height in body lines */
} NpRow;

/* An article's head, set over one column or across all of them. */
typedef struct {
  const NpParagraph *section;  /* the section label (要闻) when a new
                                  section opens here, or NULL */
  const NpParagraph *kicker;   /* may be NULL */
  const NpParagraph *headline; /* may be NULL: a report without one */
  const NpParagraph *subtitle; /* may be NULL */
  const NpParagraph *byline;   /* may be NULL */
  const NpParagraph *note;     /* --annotate: how the headline was found */
  char *section_title;         /* the outline entry of a new section */
  double height;               /* points, from the head's top to the foot
                                  of its last line */
} NpHead;

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
  const NpHead *head;         /* HEAD: its parts (span: across all
                                 columns) */
  guint article;              /* the article it belongs to, from 0 */
  guint level;                /* its outline entry's depth */
} NpElement;

/* One entry of an issue's contents box: the article's section and
 * headline; its page is filled in once the pages are laid out. */
typedef struct {
  const NpParagraph *text;
  guint article;
} NpContentsEntry;

/* One line of a colophon: a text at the left and one at the right (the
 * 印发 line of an imprint), either may be NULL. */
typedef struct {
  const NpParagraph *left, *right;
} NpColophonRow;

typedef struct {
  const NpParagraph *masthead; /* page 1 head, across all columns */
  const NpParagraph *meta;     /* issue and date line; may be NULL */
  const NpParagraph *meta_left, *meta_right; /* [masthead] meta = split:
                                  the publisher and the date under the
                                  number; may be NULL */
  const NpParagraph *headline; /* may be NULL */
  const NpParagraph *kicker;   /* over the headline; may be NULL */
  const NpParagraph *subtitle; /* under the headline; may be NULL */
  const NpParagraph *byline;   /* under them; may be NULL */
  const NpParagraph *headline_note; /* --annotate: how it was found */
  const char *footer;          /* footer text with {page} and {pages},
                                  in the report's script (style's) */
  GArray *elements;            /* of NpElement, in reading order */

  /* An issue of several reports. */
  const NpParagraph *contents_title; /* the contents box, or NULL */
  GArray *contents;            /* of NpContentsEntry */
  NpFont contents_font;        /* the page numbers' font */
  const NpParagraph *running;  /* the running head of pages after the
                                  first, or NULL */
  NpColophonForm colophon_form;
  GArray *colophon;            /* of NpColophonRow; empty: none */
  double colophon_pitch;       /* points between its lines */
  GPtrArray *heads;            /* of NpHead*, owned */
} NpStory;

/* What the page 1 head says, whoever says it: a report, or an issue's
 * file.  Every field may be NULL. */
typedef struct {
  const char *masthead;  /* NULL: the layout's */
  const char *number, *serial, *date, *publisher;
  const char *kicker, *headline, *subtitle, *byline; /* one report only */
} NpHeadText;

/* What shaping needs, passed along together. */
typedef struct {
  const NpStyle *style;
  NpFonts *fonts;       /* in the script of the text being shaped */
  NpPages *pages;       /* keeps the paragraphs and photos */
  GPtrArray *warnings;
} NpSetting;

/* Shapes every block of `doc` to the measures of `style`.  Paragraphs are
 * kept by `pages`, and so are the photos in `pages->photos` (one per
 * caption, in order; NULL entries or a NULL array leave placeholders).  A character that no font has adds a line to `warnings`
 * ("line N: no font has U+XXXX 'c'"). */
NpStory *np_story_new (const NpDocument *doc, const NpStyle *style,
                       NpFonts *fonts, NpPages *pages, GPtrArray *warnings);

/* The pieces np_story_new is made of, for a story of several reports
 * (edition.c).  np_story_new_head starts a story with the page 1 head,
 * in `script`; np_story_add_report appends a report's blocks, after its
 * head as an element when `own_head` (the first figure takes the first of
 * `photos`, which may be NULL); `section` is the label of a new section
 * opening with it, or NULL, and `in_section` whether it is filed under
 * one (its outline entry then goes under the section's). */
NpStory *np_story_new_head (const NpHeadText *head, NpScript script,
                            const NpSetting *set);
void np_story_add_report (NpStory *story, const NpDocument *doc,
                          guint article, gboolean own_head,
                          const char *section, gboolean in_section,
                          const GPtrArray *photos, const NpSetting *set);
/* The contents box: its title and one entry per article ("section" may be
 * NULL). */
void np_story_add_contents (NpStory *story, const char *title,
                            const NpSetting *set);
void np_story_add_contents_entry (NpStory *story, const char *section,
                                  const char *headline, guint article,
                                  const NpSetting *set);
void np_story_set_running_head (NpStory *story, const char *text,
                                const NpSetting *set);
/* A line of the colophon; `right` may be NULL. */
void np_story_add_colophon_row (NpStory *story, const char *left,
                                const char *right, const NpSetting *set);

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
