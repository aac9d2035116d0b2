/* page.h: the positioned page model, what flow.c makes and draw.c paints.
 *
 * A page is a list of items with coordinates: text lines, boxes and rules.
 * It is the one thing the back ends see, so PDF, PNG and SVG all show the
 * same layout, and tests can check positions without rendering.
 */
#ifndef NP_PAGE_H
#define NP_PAGE_H

#include "photos.h"
#include "shape.h"

G_BEGIN_DECLS

typedef enum {
  NP_ITEM_TEXT, /* one line of a shaped paragraph */
  NP_ITEM_BOX,  /* a rectangle: photo frame, table cell, shading */
  NP_ITEM_RULE, /* a straight line */
  NP_ITEM_PHOTO, /* a photo, upright, filling its box */
} NpItemKind;

/* What an item is in the document's logical structure (the tags of a
 * tagged PDF): screen readers and reflow read the items in painting order
 * by these. */
typedef enum {
  NP_TAG_ARTIFACT, /* rules, shading, page numbers: not content */
  NP_TAG_H1,       /* the headline */
  NP_TAG_H2,       /* a section heading */
  NP_TAG_P,        /* a paragraph, or the part of one in a column */
  NP_TAG_FIGURE,   /* a photo frame */
  NP_TAG_CAPTION,  /* its caption */
  NP_TAG_TH,       /* a table's header cell */
  NP_TAG_TD,       /* a table cell */
} NpTag;

/* Coordinates are points from the page's top-left corner, y downwards. */
typedef struct {
  NpItemKind kind;
  NpTag tag;
  guint element; /* items with the same number form one tagged element */
  guint table;   /* table cells: their table and row, else 0 */
  guint row;
  double x, y;   /* text: left end of the baseline; box: top-left; rule: start */
  double w, h;   /* box: size; rule: from start to end; text: unused */
  const NpParagraph *paragraph; /* text: the paragraph (text, font, colour) */
  const NpLine *line;           /* text: the line of it */
  const NpPhoto *photo;         /* photo: the picture (kept by NpPages) */
  gboolean filled, stroked;     /* box */
  NpColor fill, stroke;         /* box fill; box and rule line colour */
  double stroke_width;          /* box and rule, points */
} NpItem;

typedef struct {
  double width, height; /* points */
  GArray *items;        /* of NpItem, in painting order */
  NpTag tag;            /* what text added now is (np_page_tag) */
  guint element, table, row; /* ... and where it belongs */
  guint count;          /* numbers handed out so far */
} NpPage;

/* A place worth jumping to: an entry of the PDF outline. */
typedef struct {
  char *title;
  guint page;   /* from 0 */
  double y;     /* points from the page top */
  guint level;  /* depth in the outline: 0 at the top, and an entry is
                   under the last one before it that is less deep */
} NpBookmark;

/* A typeset newsletter: its pages and what they point into. */
typedef struct {
  GPtrArray *pages;      /* of NpPage*, owned */
  GPtrArray *paragraphs; /* of NpParagraph*, owned: every text item's */
  GArray *bookmarks;     /* of NpBookmark, in reading order */
  GPtrArray *photos;     /* of NpPhoto*, owned, or NULL */
  char *title;           /* PDF metadata, may be NULL */
  char *author;
  char *subject;
  char *keywords;
  char *language;        /* BCP 47, e.g. "zh-Hant" */
  GDateTime *created;    /* owned; NULL: the time of writing */
} NpPages;

NpPages *np_pages_new (void);
void np_pages_free (NpPages *pages); /* accepts NULL */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NpPages, np_pages_free)

NpPage *np_pages_add_page (NpPages *pages, double width, double height);
/* Takes ownership of `paragraph` for the lifetime of `pages`. */
const NpParagraph *np_pages_keep (NpPages *pages, NpParagraph *paragraph);

/* The np_page_add_* functions accept a NULL page and do nothing then, so
 * that a layout can be measured without being kept. */
void np_page_add_text (NpPage *page, const NpParagraph *paragraph,
                       const NpLine *line, double x, double baseline);
void np_page_add_box (NpPage *page, double x, double y, double w, double h,
                      const NpColor *fill, const NpColor *stroke,
                      double stroke_width);
void np_page_add_rule (NpPage *page, double x0, double y0, double x1,
                       double y1, const NpColor *color, double width);
void np_page_add_photo (NpPage *page, const NpPhoto *photo, double x,
                        double y, double w, double h);

/* Text added after this is a new element of kind `tag`.  Boxes and rules
 * are always artifacts.  np_page_tag_table and np_page_tag_row start a
 * table (or its part in a column) and a row of it, for the cells after. */
void np_page_tag (NpPage *page, NpTag tag);
void np_page_tag_table (NpPage *page);
void np_page_tag_row (NpPage *page);

void np_pages_add_bookmark (NpPages *pages, const char *title, guint page,
                            double y, guint level);

G_END_DECLS

#endif
