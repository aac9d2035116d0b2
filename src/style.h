/* style.h: layouts/NAME.ini -> style values.
 *
 * A layout file is a GKeyFile.  Lengths are written with a unit ("210mm",
 * "10.5pt", "2cm", "1in"); colours as "#rrggbb".  Every value has a default
 * (the `bulletin` layout), so a layout file names only what it changes.
 * All lengths in this struct are in PostScript points.
 */
#ifndef NP_STYLE_H
#define NP_STYLE_H

#include <glib.h>

#include "document.h"

G_BEGIN_DECLS

typedef struct {
  double r, g, b; /* 0..1 */
} NpColor;

/* How one role of text is set. */
typedef struct {
  char *family;   /* fontconfig family, e.g. "Noto Serif CJK" */
  double size;    /* points */
  int weight;     /* CSS-like: 400 regular, 700 bold */
  NpColor color;
} NpFont;

typedef enum {
  NP_ROLE_MASTHEAD,
  NP_ROLE_HEADLINE,
  NP_ROLE_SUBTITLE, /* a ——subtitle under the headline */
  NP_ROLE_META,    /* issue and date line under the masthead */
  NP_ROLE_LEAD,
  NP_ROLE_BODY,
  NP_ROLE_HEADING,
  NP_ROLE_CAPTION,
  NP_ROLE_PHOTO_CREDIT, /* 摄影：张三 under a caption */
  NP_ROLE_TABLE,
  NP_ROLE_CREDIT,
  NP_ROLE_FOOTER,
  NP_ROLE_SECTION,  /* an issue's section label over its articles (要闻) */
  NP_ROLE_CONTENTS, /* the contents box and the colophon of an issue */
  NP_ROLE_COUNT
} NpRole;

/* The rules under the masthead. */
typedef enum {
  NP_MASTHEAD_RULE_DOUBLE, /* a thick rule over a thin one */
  NP_MASTHEAD_RULE_SINGLE, /* one rule (the red rule of a 简报) */
  NP_MASTHEAD_RULE_NONE,
} NpMastheadRule;

/* How the issue line sits under the masthead. */
typedef enum {
  NP_META_LINE,  /* number, serial and date centred on one line */
  NP_META_SPLIT, /* the number centred under the masthead, then the
                    publisher at the left and the date at the right
                    (GB/T 9704 版头) */
} NpMetaForm;

/* What closes the last page of an issue. */
typedef enum {
  NP_COLOPHON_BOX,     /* a framed box: 主办, 编辑, 地址, 电话, 邮箱, 印数 */
  NP_COLOPHON_IMPRINT, /* 报/送/发 lines between rules and the 印发 line
                          (GB/T 9704 版记), at the foot of the page */
  NP_COLOPHON_NONE,
} NpColophonForm;

typedef struct {
  char *path;                /* the file it was read from, or "built-in" */

  double page_width, page_height;          /* points */
  double margin_top, margin_bottom;        /* points */
  double margin_inner, margin_outer;       /* points; left/right on odd pages */
  int columns;                             /* 1..4 */
  double gutter;                           /* points between columns */

  NpFont font[NP_ROLE_COUNT];
  double line_height;     /* body line pitch as a multiple of body size */
  double indent;          /* first-line indent of paragraphs, in body ems */
  gboolean emoji_strip;   /* remove emoji from the report (default: keep) */
  NpVariant to;           /* the edition to print in ([text] to), or
                             NP_VARIANT_NONE: the report's own script */
  char *phrases;          /* a phrase file for it (absolute), or NULL */

  char *masthead_text;    /* big title on page 1 */
  char *footer_text;      /* with {page} and {pages} */
  char *masthead_text_hans; /* the same for Simplified Chinese reports */
  char *footer_text_hans;
  NpColor masthead_rule;  /* colour of the rule under the masthead */

  double frame_aspect;    /* photo frame height / width, e.g. 0.75 */
  double frame_max_height; /* a photo's frame at most this high, points */
  char *frame_span;       /* words ("合影;合照") whose captions' figures
                             span all columns; "" for none */
  NpColor frame_fill;
  NpColor frame_border;
  NpColor table_header_fill;
  double rule_width;      /* table and frame hairlines, points */

  NpMastheadRule masthead_rule_form; /* [masthead] rule */
  NpMetaForm meta_form;              /* [masthead] meta */

  /* An issue of several reports ([issue]). */
  char *contents_title;      /* the contents box's title (本期導讀); "":
                                no contents box */
  char *contents_title_hans; /* the same for Simplified Chinese */
  int span_lines;            /* an article shorter than this many body
                                lines gets its headline over one column,
                                a longer one across all; 0: all across */
  char *running_head;        /* over pages after the first, with
                                {masthead} and {number}; "": none */
  gboolean separator;        /* a thin rule between articles */
  NpColophonForm colophon;   /* what closes the last page */
  NpColor accent;            /* section labels, the contents box and the
                                colophon's rules */
} NpStyle;

/* The built-in defaults (the `bulletin` layout). */
NpStyle *np_style_new_default (void);

/* Reads a layout file over the defaults.  Errors (NP_ERROR_DATA or
 * NP_ERROR_NO_INPUT) name the file, and for a bad value its group and key.
 * Only a regular file is opened (a named pipe would block); one larger
 * than NP_STYLE_MAX_FILE, or with a value longer than NP_STYLE_MAX_VALUE,
 * is NP_ERROR_DATA. */
NpStyle *np_style_load (const char *path, GError **error);

/* Resolves --layout: a path that exists as is (np_style_load then says
 * what is wrong with one that is not a regular file), else NAME.ini in
 * each of `dirs` (NULL-terminated) in turn.  Returns a newly allocated
 * path. */
char *np_style_find (const char *name, const char *const *dirs,
                     GError **error);

void np_style_free (NpStyle *style); /* accepts NULL */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NpStyle, np_style_free)

/* Reads a length as layouts write it: a plain decimal number (no exponent,
 * "inf" or "nan"; a point as the decimal mark in every locale), optional
 * blanks and a unit, mm, cm, in or pt in any case ("3mm", "0.5 cm",
 * "8pt").  Blanks around it are ignored.  Returns FALSE, with `*why` set
 * to what is wrong ("needs a unit: mm, cm, in or pt"; newly allocated),
 * when it does not parse or is not from `min` to `max` points.  The
 * --bleed option reads its length with it too. */
gboolean np_style_parse_length (const char *text, double min, double max,
                                double *points, char **why);

/* The largest layout file and the longest value in one, in bytes: a
 * layout is a few kilobytes, and anything much larger is a mistake that
 * would only make every later stage slow. */
#define NP_STYLE_MAX_FILE (1024 * 1024)
#define NP_STYLE_MAX_VALUE 4096

/* The masthead and footer text for a report in `script`. */
const char *np_style_masthead (const NpStyle *style, NpScript script);
const char *np_style_footer (const NpStyle *style, NpScript script);

/* The contents box's title for an issue in `script`. */
const char *np_style_contents_title (const NpStyle *style, NpScript script);

/* Width of the text area, all columns and gutters, in points: what a
 * head, a figure across the columns or the footer is set in. */
double np_style_text_width (const NpStyle *style);
/* Width of one column of the text area, in points. */
double np_style_column_width (const NpStyle *style);
/* Distance between body baselines, in points (body size times line
 * height, to a tenth of a point). */
double np_style_pitch (const NpStyle *style);

G_END_DECLS

#endif
