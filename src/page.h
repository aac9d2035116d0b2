/* page.h: the positioned page model, what flow.c makes and draw.c paints.
 *
 * A page is a list of items with coordinates: text lines, boxes and rules.
 * It is the one thing the back ends see, so PDF, PNG and SVG all show the
 * same layout, and tests can check positions without rendering.
 */
#ifndef NP_PAGE_H
#define NP_PAGE_H

#include "shape.h"

G_BEGIN_DECLS

typedef enum {
  NP_ITEM_TEXT, /* one line of a shaped paragraph */
  NP_ITEM_BOX,  /* a rectangle: photo frame, table cell, shading */
  NP_ITEM_RULE, /* a straight line */
} NpItemKind;

/* Coordinates are points from the page's top-left corner, y downwards. */
typedef struct {
  NpItemKind kind;
  double x, y;   /* text: left end of the baseline; box: top-left; rule: start */
  double w, h;   /* box: size; rule: from start to end; text: unused */
  const NpParagraph *paragraph; /* text: the paragraph (text, font, colour) */
  const NpLine *line;           /* text: the line of it */
  gboolean filled, stroked;     /* box */
  NpColor fill, stroke;         /* box fill; box and rule line colour */
  double stroke_width;          /* box and rule, points */
} NpItem;

typedef struct {
  double width, height; /* points */
  GArray *items;        /* of NpItem, in painting order */
} NpPage;

/* A typeset newsletter: its pages and what they point into. */
typedef struct {
  GPtrArray *pages;      /* of NpPage*, owned */
  GPtrArray *paragraphs; /* of NpParagraph*, owned: every text item's */
  char *title;           /* PDF metadata, may be NULL */
  char *author;
  char *subject;
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

G_END_DECLS

#endif
