/* style.c: layout files (layouts/NAME.ini) -> NpStyle.
 *
 * A layout file is checked strictly: every value must parse, lengths must
 * carry a unit, and an unknown group or key is an error, because a typo
 * that is silently ignored leaves the user wondering why nothing changed.
 * Each error names the file, the group and the key, and quotes the value.
 *
 * The keys are described once, in the tables below; loading walks them.
 */
#include "style.h"

#include "error.h"
#include "source.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#define PT_PER_MM (72.0 / 25.4)
#define MM(x) ((x) * PT_PER_MM)

/* Narrowest column worth setting Chinese text in, and the least height of
 * the text area; below these a layout is surely a mistake. */
#define MIN_COLUMN_WIDTH MM (30)
#define MIN_TEXT_HEIGHT MM (60)

/* The longest length a layout may give: the largest page PDF viewers must
 * show, 14,400 units each way (PDF 1.7, Annex C "Implementation limits").
 * It keeps huge numbers from turning into infinite pages and margins. */
#define MAX_LENGTH 14400.0

/* ---- defaults --------------------------------------------------------- */

static NpColor
rgb (guint32 hex)
{
  return (NpColor) { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                     (hex & 0xff) / 255.0 };
}

static void
set_font (NpFont *font, const char *family, double size, int weight,
          guint32 color)
{
  font->family = g_strdup (family);
  font->size = size;
  font->weight = weight;
  font->color = rgb (color);
}

NpStyle *
np_style_new_default (void)
{
  NpStyle *s = g_new0 (NpStyle, 1);
  const char *serif = "Noto Serif CJK", *sans = "Noto Sans CJK";

  s->path = g_strdup ("built-in");
  s->page_width = 595.276;
  s->page_height = 841.89;
  s->margin_top = MM (18);
  s->margin_bottom = MM (20);
  s->margin_inner = MM (18);
  s->margin_outer = MM (18);
  s->columns = 2;
  s->gutter = MM (7);

  set_font (&s->font[NP_ROLE_MASTHEAD], serif, 30, 700, 0x8b1a1a);
  set_font (&s->font[NP_ROLE_HEADLINE], serif, 21, 700, 0x111111);
  set_font (&s->font[NP_ROLE_SUBTITLE], serif, 13, 400, 0x333333);
  set_font (&s->font[NP_ROLE_META], sans, 9, 400, 0x555555);
  set_font (&s->font[NP_ROLE_LEAD], serif, 10.5, 700, 0x111111);
  set_font (&s->font[NP_ROLE_BODY], serif, 10.5, 400, 0x111111);
  set_font (&s->font[NP_ROLE_HEADING], sans, 10.5, 700, 0x111111);
  set_font (&s->font[NP_ROLE_CAPTION], sans, 8.5, 400, 0x333333);
  set_font (&s->font[NP_ROLE_PHOTO_CREDIT], sans, 7, 400, 0x666666);
  set_font (&s->font[NP_ROLE_TABLE], sans, 8.5, 400, 0x111111);
  set_font (&s->font[NP_ROLE_CREDIT], sans, 9, 400, 0x333333);
  set_font (&s->font[NP_ROLE_FOOTER], sans, 8, 400, 0x555555);
  set_font (&s->font[NP_ROLE_SECTION], sans, 9, 700, 0xffffff);
  set_font (&s->font[NP_ROLE_CONTENTS], sans, 9, 400, 0x111111);
  s->line_height = 1.75;
  s->indent = 2;

  s->masthead_text = g_strdup ("產教聯合體通訊");
  s->footer_text = g_strdup ("第 {page} 頁 / 共 {pages} 頁");
  s->masthead_text_hans = g_strdup ("产教联合体通讯");
  s->footer_text_hans = g_strdup ("第 {page} 页 / 共 {pages} 页");
  s->masthead_rule = rgb (0x8b1a1a);

  s->frame_aspect = 0.75;
  s->frame_max_height = 90 * 72 / 25.4; /* 90mm */
  s->frame_span = g_strdup ("");
  s->frame_fill = rgb (0xeeeeee);
  s->frame_border = rgb (0x999999);
  s->table_header_fill = rgb (0xe6e6e6);
  s->rule_width = 0.5;

  s->masthead_rule_form = NP_MASTHEAD_RULE_DOUBLE;
  s->meta_form = NP_META_LINE;
  s->contents_title = g_strdup ("本期導讀");
  s->contents_title_hans = g_strdup ("本期导读");
  s->span_lines = 24;
  s->running_head = g_strdup ("{masthead} · {number}");
  s->separator = TRUE;
  s->colophon = NP_COLOPHON_BOX;
  s->accent = rgb (0x8b1a1a);
  return s;
}

void
np_style_free (NpStyle *style)
{
  if (!style)
    return;
  for (int i = 0; i < NP_ROLE_COUNT; i++)
    g_free (style->font[i].family);
  g_free (style->path);
  g_free (style->masthead_text);
  g_free (style->footer_text);
  g_free (style->frame_span);
  g_free (style->masthead_text_hans);
  g_free (style->footer_text_hans);
  g_free (style->contents_title);
  g_free (style->contents_title_hans);
  g_free (style->running_head);
  g_free (style->phrases);
  g_free (style);
}

const char *
np_style_masthead (const NpStyle *style, NpScript script)
{
  return script == NP_SCRIPT_HANS ? style->masthead_text_hans
                                  : style->masthead_text;
}

const char *
np_style_footer (const NpStyle *style, NpScript script)
{
  return script == NP_SCRIPT_HANS ? style->footer_text_hans
                                  : style->footer_text;
}

const char *
np_style_contents_title (const NpStyle *style, NpScript script)
{
  return script == NP_SCRIPT_HANS ? style->contents_title_hans
                                  : style->contents_title;
}

double
np_style_text_width (const NpStyle *style)
{
  return style->page_width - style->margin_inner - style->margin_outer;
}

double
np_style_column_width (const NpStyle *style)
{
  double text = np_style_text_width (style)
                - style->gutter * (style->columns - 1);
  return text / style->columns;
}

/* Rounded to a tenth of a point, so that grid lines fall on round
 * coordinates all down the page instead of drifting by a rounding error. */
double
np_style_pitch (const NpStyle *style)
{
  return round (style->font[NP_ROLE_BODY].size * style->line_height * 10) / 10;
}

/* ---- the keys --------------------------------------------------------- */

typedef enum {
  KIND_LENGTH,      /* double, points; unit required */
  KIND_NUMBER,      /* double, plain number */
  KIND_COUNT,       /* int */
  KIND_COLOR,       /* NpColor */
  KIND_TEXT,        /* char *, any text */
  KIND_FAMILY,      /* char *, not empty */
  KIND_FOOTER,      /* char *, only {page} and {pages} */
  KIND_RUNNING_HEAD, /* char *, only {masthead} and {number} */
  KIND_WEIGHT,      /* int, 100..900 */
  KIND_PAGE_SIZE,   /* page_width and page_height */
  KIND_ORIENTATION, /* swaps page_width and page_height */
  KIND_EMOJI,       /* gboolean: strip (TRUE) or keep */
  KIND_VARIANT,     /* NpVariant: an edition's BCP 47 name */
  KIND_RULE_FORM,   /* NpMastheadRule */
  KIND_META_FORM,   /* NpMetaForm */
  KIND_SEPARATOR,   /* gboolean: rule (TRUE) or none */
  KIND_COLOPHON,    /* NpColophonForm */
} Kind;

typedef struct {
  const char *key;
  Kind kind;
  size_t offset;   /* of the value in its group's struct */
  double min, max; /* for lengths (points) and numbers */
} Field;

typedef struct {
  const char *name;
  const Field *fields; /* ended by a NULL key */
  size_t base;         /* offset of the group's struct in NpStyle */
} Group;

#define END { NULL, 0, 0, 0, 0 }
#define AT(member) offsetof (NpStyle, member)

/* Keys are read in table order, so size comes before orientation. */
static const Field page_fields[] = {
  { "size", KIND_PAGE_SIZE, 0, 0, 0 },
  { "orientation", KIND_ORIENTATION, 0, 0, 0 },
  { "margin-top", KIND_LENGTH, AT (margin_top), 0, MAX_LENGTH },
  { "margin-bottom", KIND_LENGTH, AT (margin_bottom), 0, MAX_LENGTH },
  { "margin-inner", KIND_LENGTH, AT (margin_inner), 0, MAX_LENGTH },
  { "margin-outer", KIND_LENGTH, AT (margin_outer), 0, MAX_LENGTH },
  { "columns", KIND_COUNT, AT (columns), 1, 4 },
  { "gutter", KIND_LENGTH, AT (gutter), 0, MAX_LENGTH },
  END
};

static const Field text_fields[] = {
  { "line-height", KIND_NUMBER, AT (line_height), 1.0, 3.0 },
  { "indent", KIND_NUMBER, AT (indent), 0, 4 },
  { "emoji", KIND_EMOJI, AT (emoji_strip), 0, 0 },
  { "to", KIND_VARIANT, AT (to), 0, 0 },
  { "phrases", KIND_TEXT, AT (phrases), 0, 0 },
  END
};

static const Field masthead_fields[] = {
  { "text", KIND_TEXT, AT (masthead_text), 0, 0 },
  { "text-simplified", KIND_TEXT, AT (masthead_text_hans), 0, 0 },
  { "rule-color", KIND_COLOR, AT (masthead_rule), 0, 0 },
  { "rule", KIND_RULE_FORM, AT (masthead_rule_form), 0, 0 },
  { "meta", KIND_META_FORM, AT (meta_form), 0, 0 },
  END
};

static const Field footer_fields[] = {
  { "text", KIND_FOOTER, AT (footer_text), 0, 0 },
  { "text-simplified", KIND_FOOTER, AT (footer_text_hans), 0, 0 },
  END
};

static const Field frame_fields[] = {
  { "aspect", KIND_NUMBER, AT (frame_aspect), 0.2, 2 },
  { "max-height", KIND_LENGTH, AT (frame_max_height), 20, MAX_LENGTH },
  { "span", KIND_TEXT, AT (frame_span), 0, 0 },
  { "fill", KIND_COLOR, AT (frame_fill), 0, 0 },
  { "border", KIND_COLOR, AT (frame_border), 0, 0 },
  END
};

static const Field table_fields[] = {
  { "header-fill", KIND_COLOR, AT (table_header_fill), 0, 0 },
  { "rule-width", KIND_LENGTH, AT (rule_width), 0, 10 },
  END
};

/* The longest article whose headline [issue] span-lines can keep over one
 * column: 500 lines are some ten pages of a column, past which an article
 * is long by any measure. */
#define MAX_SPAN_LINES 500

static const Field issue_fields[] = {
  { "contents", KIND_TEXT, AT (contents_title), 0, 0 },
  { "contents-simplified", KIND_TEXT, AT (contents_title_hans), 0, 0 },
  { "span-lines", KIND_COUNT, AT (span_lines), 0, MAX_SPAN_LINES },
  { "running-head", KIND_RUNNING_HEAD, AT (running_head), 0, 0 },
  { "separator", KIND_SEPARATOR, AT (separator), 0, 0 },
  { "colophon", KIND_COLOPHON, AT (colophon), 0, 0 },
  { "accent", KIND_COLOR, AT (accent), 0, 0 },
  END
};

/* Offsets here are within NpFont. */
static const Field font_fields[] = {
  { "family", KIND_FAMILY, offsetof (NpFont, family), 0, 0 },
  { "size", KIND_LENGTH, offsetof (NpFont, size), 4, 200 },
  { "weight", KIND_WEIGHT, offsetof (NpFont, weight), 0, 0 },
  { "color", KIND_COLOR, offsetof (NpFont, color), 0, 0 },
  END
};

#define FONT(role) (AT (font) + (role) * sizeof (NpFont))

static const Group groups[] = {
  { "page", page_fields, 0 },
  { "text", text_fields, 0 },
  { "masthead", masthead_fields, 0 },
  { "footer", footer_fields, 0 },
  { "frame", frame_fields, 0 },
  { "table", table_fields, 0 },
  { "issue", issue_fields, 0 },
  { "masthead-font", font_fields, FONT (NP_ROLE_MASTHEAD) },
  { "headline-font", font_fields, FONT (NP_ROLE_HEADLINE) },
  { "subtitle-font", font_fields, FONT (NP_ROLE_SUBTITLE) },
  { "meta-font", font_fields, FONT (NP_ROLE_META) },
  { "lead-font", font_fields, FONT (NP_ROLE_LEAD) },
  { "body-font", font_fields, FONT (NP_ROLE_BODY) },
  { "heading-font", font_fields, FONT (NP_ROLE_HEADING) },
  { "caption-font", font_fields, FONT (NP_ROLE_CAPTION) },
  { "photo-credit-font", font_fields, FONT (NP_ROLE_PHOTO_CREDIT) },
  { "table-font", font_fields, FONT (NP_ROLE_TABLE) },
  { "credit-font", font_fields, FONT (NP_ROLE_CREDIT) },
  { "footer-font", font_fields, FONT (NP_ROLE_FOOTER) },
  { "section-font", font_fields, FONT (NP_ROLE_SECTION) },
  { "contents-font", font_fields, FONT (NP_ROLE_CONTENTS) },
};

static const Group *
find_group (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (groups); i++)
    if (strcmp (groups[i].name, name) == 0)
      return &groups[i];
  return NULL;
}

static const Field *
find_field (const Group *group, const char *key)
{
  for (const Field *f = group->fields; f->key; f++)
    if (strcmp (f->key, key) == 0)
      return f;
  return NULL;
}

/* ---- parsing values --------------------------------------------------- */
/* Each parser returns FALSE with `*why` set to what is wrong (newly
 * allocated), worded to follow "[group] key: ". */

/* Scans a plain decimal number ("10", "-2", "10.5", ".5") at the start of
 * `s`.  Unlike strtod it takes no exponent, hex, "inf" or "nan", which in
 * a layout file are only ever typos; g_ascii_strtod reads it the same in
 * every locale.  Returns the end, or NULL. */
static const char *
scan_number (const char *s, double *value)
{
  const char *p = s;
  gboolean digits = FALSE;

  if (*p == '+' || *p == '-')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits = TRUE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits = TRUE;
  if (!digits)
    return NULL;

  g_autofree char *copy = g_strndup (s, (gsize) (p - s));
  *value = g_ascii_strtod (copy, NULL);
  return p;
}

static gboolean
parse_number (const char *s, double *value, char **why)
{
  const char *end = scan_number (s, value);
  if (!end || *end)
    {
      *why = g_strdup ("is not a number");
      return FALSE;
    }
  return TRUE;
}

/* A length in points, without a range. */
static gboolean
parse_length (const char *s, double *points, char **why)
{
  static const struct {
    const char *unit;
    double points;
  } units[] = {
    { "mm", PT_PER_MM }, { "cm", 10 * PT_PER_MM }, { "in", 72 }, { "pt", 1 },
  };
  g_autofree char *text = g_strstrip (g_strdup (s));
  double value = 0;
  const char *unit = scan_number (text, &value);

  if (unit)
    while (*unit == ' ' || *unit == '\t')
      unit++;
  /* A unit is letters only: "1e1mm", "3,5mm" and "0x10mm" are numbers
   * that this reader does not take, not units. */
  gboolean letters = unit != NULL;
  for (const char *p = unit; letters && *p; p++)
    letters = g_ascii_isalpha (*p);
  if (!letters)
    {
      *why = g_strdup ("is not a length such as 18mm, 1.5cm, 0.5in or 10pt");
      return FALSE;
    }
  if (!*unit)
    {
      *why = g_strdup ("needs a unit: mm, cm, in or pt");
      return FALSE;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_ascii_strcasecmp (unit, units[i].unit) == 0)
      {
        /* + 0.0 turns "-0mm" into 0. */
        *points = value * units[i].points + 0.0;
        return TRUE;
      }
  *why = g_strdup_printf ("has an unknown unit '%s'; use mm, cm, in or pt",
                          unit);
  return FALSE;
}

/* The range message of a value outside [min, max]. */
static char *
describe_range (double value, double min, double max, const char *unit)
{
  if (value < 0 && min == 0)
    return g_strdup ("must not be negative");
  return g_strdup_printf ("must be from %g%s to %g%s", min, unit, max, unit);
}

gboolean
np_style_parse_length (const char *text, double min, double max,
                       double *points, char **why)
{
  g_return_val_if_fail (text != NULL && points != NULL && why != NULL, FALSE);

  double value = 0;
  if (!parse_length (text, &value, why))
    return FALSE;
  /* Not-a-number and infinity fail both tests. */
  if (!(value >= min && value <= max))
    {
      *why = describe_range (value, min, max, "pt");
      return FALSE;
    }
  *points = value;
  return TRUE;
}

static gboolean
parse_color (const char *s, NpColor *color, char **why)
{
  gsize n = strlen (s);
  gboolean ok = s[0] == '#' && (n == 4 || n == 7);
  for (gsize i = 1; ok && i < n; i++)
    ok = g_ascii_isxdigit (s[i]);
  if (!ok)
    {
      *why = g_strdup ("is not a colour such as #8b1a1a or #333");
      return FALSE;
    }

  /* #rgb means #rrggbb with each digit doubled. */
  char full[7] = { s[1], s[1], s[2], s[2], s[3], s[3], '\0' };
  const char *digits = n == 4 ? full : s + 1;
  *color = rgb ((guint32) g_ascii_strtoull (digits, NULL, 16));
  return TRUE;
}

static gboolean
parse_weight (const char *s, int *weight, char **why)
{
  static const struct {
    const char *name;
    int weight;
  } names[] = {
    { "thin", 100 },      { "extralight", 200 }, { "ultralight", 200 },
    { "light", 300 },     { "regular", 400 },    { "normal", 400 },
    { "book", 400 },      { "medium", 500 },     { "semibold", 600 },
    { "demibold", 600 },  { "bold", 700 },       { "extrabold", 800 },
    { "ultrabold", 800 }, { "black", 900 },      { "heavy", 900 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (s, names[i].name) == 0)
      {
        *weight = names[i].weight;
        return TRUE;
      }

  double value = 0;
  const char *end = scan_number (s, &value);
  if (end && !*end && value >= 100 && value <= 900 && value == (int) value)
    {
      *weight = (int) value;
      return TRUE;
    }
  *why = g_strdup ("is not a weight: a number from 100 to 900, or thin, "
                   "light, regular, medium, semibold, bold or black");
  return FALSE;
}

/* WIDTHxHEIGHT, each with a unit; the units contain no 'x'. */
static gboolean
parse_dimensions (const char *s, double *width, double *height)
{
  g_auto (GStrv) parts = g_strsplit_set (s, "xX", -1);
  g_autofree char *why_width = NULL;
  g_autofree char *why_height = NULL;

  return g_strv_length (parts) == 2
         && parse_length (parts[0], width, &why_width)
         && parse_length (parts[1], height, &why_height);
}

static gboolean
parse_page_size (const char *s, double *width, double *height, char **why)
{
  static const struct {
    const char *name;
    double width, height;
  } sizes[] = {
    { "A4", 595.276, 841.89 },
    { "A5", 419.528, 595.276 },
    { "B5", 498.898, 708.661 },
    { "letter", 612, 792 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (sizes); i++)
    if (g_ascii_strcasecmp (s, sizes[i].name) == 0)
      {
        *width = sizes[i].width;
        *height = sizes[i].height;
        return TRUE;
      }
  if (parse_dimensions (s, width, height))
    {
      if (*width > 0 && *height > 0 && *width <= MAX_LENGTH
          && *height <= MAX_LENGTH)
        return TRUE;
      *why = g_strdup_printf ("must be more than 0pt and at most %gpt (%gin) "
                              "each way",
                              MAX_LENGTH, MAX_LENGTH / 72);
      return FALSE;
    }
  *why = g_strdup ("is not a page size: A4, A5, B5, letter, or WIDTHxHEIGHT "
                   "with units such as 210mmx297mm");
  return FALSE;
}

static gboolean
check_range (const Field *f, double value, char **why)
{
  /* In range first, so that the cast to int is defined. */
  if (value >= f->min && value <= f->max
      && (f->kind != KIND_COUNT || value == (int) value))
    return TRUE;
  if (f->kind == KIND_COUNT)
    *why = g_strdup_printf ("must be a whole number from %g to %g", f->min,
                            f->max);
  else
    *why = describe_range (value, f->min, f->max, "");
  return FALSE;
}

/* The two placeholders each template kind knows. */
static const char *const footer_placeholders[] = { "{page}", "{pages}" };
static const char *const running_head_placeholders[] = { "{masthead}",
                                                         "{number}" };

/* The footer and the running head are templates: a misspelt placeholder
 * would otherwise be printed as is on every page. */
static gboolean
check_template (const char *s, const char *const names[2], char **why)
{
  for (const char *p = strchr (s, '{'); p; p = strchr (p + 1, '{'))
    {
      if (g_str_has_prefix (p, names[0]) || g_str_has_prefix (p, names[1]))
        continue;
      const char *close = strchr (p, '}');
      g_autofree char *name =
        close ? g_strndup (p, (gsize) (close - p + 1)) : g_strdup (p);
      *why = g_strdup_printf ("has an unknown placeholder '%s'; use %s and %s",
                              name, names[0], names[1]);
      return FALSE;
    }
  return TRUE;
}

/* A key that takes one of a few words, each standing for a value of its
 * field (an enum or a gboolean). */
typedef struct {
  const char *word;
  int value;
} Word;

static const Word variant_words[] = { { "zh-Hans", NP_VARIANT_HANS },
                                      { "zh-Hant", NP_VARIANT_HANT },
                                      { "zh-TW", NP_VARIANT_TW },
                                      { "zh-HK", NP_VARIANT_HK },
                                      { NULL, 0 } };
static const Word emoji_words[] = {
  { "keep", FALSE }, { "strip", TRUE }, { NULL, 0 }
};
static const Word rule_words[] = { { "double", NP_MASTHEAD_RULE_DOUBLE },
                                   { "single", NP_MASTHEAD_RULE_SINGLE },
                                   { "none", NP_MASTHEAD_RULE_NONE },
                                   { NULL, 0 } };
static const Word meta_words[] = {
  { "line", NP_META_LINE }, { "split", NP_META_SPLIT }, { NULL, 0 }
};
static const Word separator_words[] = {
  { "rule", TRUE }, { "none", FALSE }, { NULL, 0 }
};
static const Word colophon_words[] = { { "box", NP_COLOPHON_BOX },
                                       { "imprint", NP_COLOPHON_IMPRINT },
                                       { "none", NP_COLOPHON_NONE },
                                       { NULL, 0 } };

/* Stores the value of the word `s` (in any case); else `*why` lists the
 * words: "must be double, single or none". */
static gboolean
parse_word (const char *s, const Word *words, int *value, char **why)
{
  for (const Word *w = words; w->word; w++)
    if (g_ascii_strcasecmp (s, w->word) == 0)
      {
        *value = w->value;
        return TRUE;
      }
  GString *list = g_string_new ("must be ");
  for (const Word *w = words; w->word; w++)
    {
      if (w != words)
        g_string_append (list, w[1].word ? ", " : " or ");
      g_string_append (list, w->word);
    }
  *why = g_string_free (list, FALSE);
  return FALSE;
}

static gboolean
apply_orientation (NpStyle *style, const char *s, char **why)
{
  gboolean landscape = g_ascii_strcasecmp (s, "landscape") == 0;
  if (!landscape && g_ascii_strcasecmp (s, "portrait") != 0)
    {
      *why = g_strdup ("must be portrait or landscape");
      return FALSE;
    }
  if (landscape != (style->page_width > style->page_height))
    {
      double width = style->page_width;
      style->page_width = style->page_height;
      style->page_height = width;
    }
  return TRUE;
}

static void
replace_string (char **slot, const char *value)
{
  g_free (*slot);
  *slot = g_strdup (value);
}

/* Parses `value` and stores it in `style`; FALSE with `*why` set when it
 * does not parse or is out of range. */
static gboolean
apply_value (NpStyle *style, const Group *group, const Field *f,
             const char *value, char **why)
{
  void *slot = (char *) style + group->base + f->offset;
  double number = 0;

  switch (f->kind)
    {
    case KIND_LENGTH:
      if (!np_style_parse_length (value, f->min, f->max, &number, why))
        return FALSE;
      *(double *) slot = number;
      return TRUE;
    case KIND_NUMBER:
      if (!parse_number (value, &number, why) || !check_range (f, number, why))
        return FALSE;
      *(double *) slot = number;
      return TRUE;
    case KIND_COUNT:
      if (!parse_number (value, &number, why) || !check_range (f, number, why))
        return FALSE;
      *(int *) slot = (int) number;
      return TRUE;
    case KIND_COLOR:
      return parse_color (value, slot, why);
    case KIND_WEIGHT:
      return parse_weight (value, slot, why);
    case KIND_FAMILY:
      if (!*value)
        {
          *why = g_strdup ("must name a font family");
          return FALSE;
        }
      replace_string (slot, value);
      return TRUE;
    case KIND_FOOTER:
    case KIND_RUNNING_HEAD:
      if (!check_template (value,
                           f->kind == KIND_FOOTER ? footer_placeholders
                                                  : running_head_placeholders,
                           why))
        return FALSE;
      replace_string (slot, value);
      return TRUE;
    case KIND_TEXT:
      replace_string (slot, value);
      return TRUE;
    case KIND_PAGE_SIZE:
      return parse_page_size (value, &style->page_width, &style->page_height,
                              why);
    case KIND_ORIENTATION:
      return apply_orientation (style, value, why);
    case KIND_EMOJI:
      return parse_word (value, emoji_words, slot, why);
    case KIND_VARIANT:
      return parse_word (value, variant_words, slot, why);
    case KIND_RULE_FORM:
      return parse_word (value, rule_words, slot, why);
    case KIND_META_FORM:
      return parse_word (value, meta_words, slot, why);
    case KIND_SEPARATOR:
      return parse_word (value, separator_words, slot, why);
    case KIND_COLOPHON:
      return parse_word (value, colophon_words, slot, why);
    }
  g_return_val_if_reached (FALSE);
}

/* ---- reading a file --------------------------------------------------- */

/* At most this many characters of a name or value are quoted in a
 * message, so that an error about a huge line is still a short line. */
#define QUOTE_CHARS 60

/* `len` bytes of UTF-8 at `s`, cut short with "…" past QUOTE_CHARS. */
static char *
quote_short (const char *s, gsize len)
{
  const char *p = s, *end = s + len;
  for (int i = 0; i < QUOTE_CHARS && p < end; i++)
    p = g_utf8_next_char (p);
  if (p >= end)
    return g_strndup (s, len);
  return g_strdup_printf ("%.*s…", (int) (p - s), s);
}

/* "PATH: [group] key: what is wrong (got 'value')". */
static void
set_value_error (GError **error, const char *name, const char *group,
                 const char *key, const char *value, const char *why)
{
  /* GKeyFile has no trailing comments, so "A4  # paper" is the value. */
  gboolean comment = strstr (value, " #") || strstr (value, "\t#");
  g_autofree char *quoted = quote_short (value, strlen (value));
  g_set_error (error, NP_ERROR, NP_ERROR_DATA, "%s: [%s] %s: %s%s (got '%s')",
               name, group, key, why,
               comment ? "; a comment must be on a line of its own" : "",
               quoted);
}

/* Whether every backslash of a raw value starts an escape GKeyFile knows:
 * GLib 2.74 reports a bad one as an error but still returns the value
 * (and one at the very end twice over), so it is refused here first. */
static gboolean
escapes_ok (const char *raw)
{
  for (const char *p = raw; *p; p++)
    if (*p == '\\')
      {
        if (!p[1] || !strchr ("sntr\\", p[1]))
          return FALSE;
        p++;
      }
  return TRUE;
}

static gboolean
read_value (NpStyle *style, GKeyFile *file, const Group *group,
            const Field *f, const char *name, GError **error)
{
  g_autofree char *raw = g_key_file_get_value (file, group->name, f->key,
                                               NULL);
  if (raw && !escapes_ok (raw))
    {
      set_value_error (error, name, group->name, f->key, raw,
                       "a backslash may only start \\s, \\n, \\t, \\r "
                       "or \\\\");
      return FALSE;
    }
  GError *local = NULL;
  g_autofree char *value =
    g_key_file_get_string (file, group->name, f->key, &local);
  if (local)
    {
      g_set_error (error, NP_ERROR, NP_ERROR_DATA, "%s: [%s] %s: %s", name,
                   group->name, f->key, local->message);
      g_error_free (local);
      return FALSE;
    }
  /* GKeyFile keeps trailing blanks, which are never meant in a layout
   * and would make "A4 " a bad page size. */
  g_strstrip (value);

  g_autofree char *why = NULL;
  if (!apply_value (style, group, f, value, &why))
    {
      set_value_error (error, name, group->name, f->key, value, why);
      return FALSE;
    }
  return TRUE;
}

/* Reads every known key present, in table order. */
static gboolean
read_values (NpStyle *style, GKeyFile *file, const char *name, GError **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (groups); i++)
    for (const Field *f = groups[i].fields; f->key; f++)
      if (g_key_file_has_key (file, groups[i].name, f->key, NULL)
          && !read_value (style, file, &groups[i], f, name, error))
        return FALSE;
  return TRUE;
}

static char *
list_groups (void)
{
  GString *list = g_string_new (NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (groups); i++)
    g_string_append_printf (list, "%s%s", i ? ", " : "", groups[i].name);
  return g_string_free (list, FALSE);
}

static char *
list_keys (const Group *group)
{
  GString *list = g_string_new (NULL);
  for (const Field *f = group->fields; f->key; f++)
    g_string_append_printf (list, "%s%s", f == group->fields ? "" : ", ",
                            f->key);
  return g_string_free (list, FALSE);
}

/* Rejects groups and keys that are not in the tables: they are typos. */
static gboolean
check_known (GKeyFile *file, const char *name, GError **error)
{
  g_auto (GStrv) group_names = g_key_file_get_groups (file, NULL);

  for (gsize i = 0; group_names[i]; i++)
    {
      const Group *group = find_group (group_names[i]);
      if (!group)
        {
          g_autofree char *known = list_groups ();
          g_autofree char *quoted =
            quote_short (group_names[i], strlen (group_names[i]));
          g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                       "%s: [%s]: unknown group (known groups: %s)", name,
                       quoted, known);
          return FALSE;
        }
      g_auto (GStrv) keys = g_key_file_get_keys (file, group->name, NULL,
                                                 NULL);
      for (gsize j = 0; keys && keys[j]; j++)
        if (!find_field (group, keys[j]))
          {
            g_autofree char *known = list_keys (group);
            g_autofree char *quoted = quote_short (keys[j], strlen (keys[j]));
            g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                         "%s: [%s] %s: unknown key (known keys: %s)", name,
                         group->name, quoted, known);
            return FALSE;
          }
    }
  return TRUE;
}

#define TO_MM(points) ((points) / PT_PER_MM)

/* The length of a template in ems, each of its two placeholders `names`
 * counted as `filler`; 0 for NULL. */
static double
template_ems (const char *text, const char *const names[2],
              const char *filler)
{
  if (!text)
    return 0;
  GString *filled = g_string_new (text);
  /* The longer name first: {pages} before {page}. */
  gboolean longer = strlen (names[1]) > strlen (names[0]);
  g_string_replace (filled, names[longer], filler, 0);
  g_string_replace (filled, names[!longer], filler, 0);
  double ems = 0;
  for (const char *p = filled->str; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      ems += g_unichar_iswide (c) ? 1.0 : 0.5;
    }
  g_string_free (filled, TRUE);
  return ems;
}

/* Checks that margins and gutter leave a text area with room for columns,
 * which no single key can tell. */
static gboolean
check_page (const NpStyle *s, const char *name, GError **error)
{
  double width = np_style_text_width (s);
  /* Less than a millimetre: margins that fill the page, give or take the
   * rounding of lengths in other units. */
  if (width < MM (1))
    {
      g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                   "%s: [page] margin-inner, margin-outer: %.1fmm and %.1fmm "
                   "leave no text area across a %.1fmm page",
                   name, TO_MM (s->margin_inner), TO_MM (s->margin_outer),
                   TO_MM (s->page_width));
      return FALSE;
    }
  double column = np_style_column_width (s);
  if (column < MIN_COLUMN_WIDTH)
    {
      g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                   "%s: [page]: margins and gutter leave %d columns %.1fmm "
                   "wide on a %.1fmm page; a column needs at least %.0fmm "
                   "(use narrower margins or gutter, or fewer columns)",
                   name, s->columns, TO_MM (MAX (column, 0)),
                   TO_MM (s->page_width),
                   TO_MM (MIN_COLUMN_WIDTH));
      return FALSE;
    }
  double height = s->page_height - s->margin_top - s->margin_bottom;
  if (height < MM (1))
    {
      g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                   "%s: [page] margin-top, margin-bottom: %.1fmm and %.1fmm "
                   "leave no text area down a %.1fmm page",
                   name, TO_MM (s->margin_top), TO_MM (s->margin_bottom),
                   TO_MM (s->page_height));
      return FALSE;
    }
  if (height < MIN_TEXT_HEIGHT)
    {
      g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                   "%s: [page]: the top and bottom margins leave a text area "
                   "%.1fmm high on a %.1fmm page; it needs at least %.0fmm",
                   name, TO_MM (height), TO_MM (s->page_height),
                   TO_MM (MIN_TEXT_HEIGHT));
      return FALSE;
    }
  return TRUE;
}

/* The group that sets `role`'s font, e.g. "body-font". */
static const char *
role_group (NpRole role)
{
  for (gsize i = 0; i < G_N_ELEMENTS (groups); i++)
    if (groups[i].fields == font_fields && groups[i].base == FONT (role))
      return groups[i].name;
  g_return_val_if_reached ("");
}

/* Checks that one character of each role fits the line it is set on: the
 * text width for the head and the footer, a column for the rest.  Chinese
 * text is measured and justified in whole characters (clreq 3.8); a line
 * that cannot hold one has nothing to justify, and the line breaker
 * nowhere to put a character. */
static gboolean
check_type (const NpStyle *s, const char *name, GError **error)
{
  /* The contents box of an issue is set across the text width; its
   * section labels over a column. */
  static const NpRole across[] = { NP_ROLE_MASTHEAD, NP_ROLE_HEADLINE,
                                   NP_ROLE_SUBTITLE, NP_ROLE_META,
                                   NP_ROLE_FOOTER,   NP_ROLE_CONTENTS };
  double width = np_style_text_width (s);
  double column = np_style_column_width (s);

  for (int role = 0; role < NP_ROLE_COUNT; role++)
    {
      gboolean wide = FALSE;
      for (gsize i = 0; i < G_N_ELEMENTS (across); i++)
        wide = wide || across[i] == (NpRole) role;
      double measure = wide ? width : column;
      double size = s->font[role].size;
      if (size > measure)
        {
          g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                       "%s: [%s] size = %gpt is wider than %s (%.1fmm); one "
                       "character must fit a line (use a smaller size%s)",
                       name, role_group (role), size,
                       wide ? "the text area" : "a column", TO_MM (measure),
                       wide ? ", or narrower margins"
                            : ", or fewer columns");
          return FALSE;
        }
    }

  /* Paragraphs of the body and the lead open with an indent of whole
   * characters, two by custom (clreq, on paragraph indents): the first
   * line must still hold a character after it. */
  static const NpRole indented[] = { NP_ROLE_LEAD, NP_ROLE_BODY };
  for (gsize i = 0; i < G_N_ELEMENTS (indented); i++)
    {
      double size = s->font[indented[i]].size;
      double first = (s->indent + 1) * size;
      if (first > column)
        {
          g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                       "%s: [text] indent = %g: the indent and one character "
                       "of [%s] size = %gpt take %.1fmm, wider than a column "
                       "(%.1fmm); use a smaller indent or size",
                       name, s->indent, role_group (indented[i]), size,
                       TO_MM (first), TO_MM (column));
          return FALSE;
        }
    }
  return TRUE;
}

/* Whether either script's text of a template is not empty. */
static gboolean
has_text (const char *traditional, const char *simplified)
{
  return (traditional && *traditional) || (simplified && *simplified);
}

/* A line of type `size` points high is centred in a margin: a taller one
 * reaches into the text or off the sheet. */
static gboolean
check_in_margin (const char *name, double size, double margin,
                 const char *margin_key, const char *what,
                 const char *empty_key, GError **error)
{
  if (size <= margin)
    return TRUE;
  g_set_error (error, NP_ERROR, NP_ERROR_DATA,
               "%s: [footer-font] size = %gpt is taller than [page] %s "
               "(%.1fmm): the %s would overlap the text (use a smaller size, "
               "a larger margin, or an empty %s)",
               name, size, margin_key, TO_MM (margin), what, empty_key);
  return FALSE;
}

/* Checks that the template `text` ([group] key) makes one line of type
 * `size` points across `width`, its placeholders filled with `filler`:
 * Chinese an em wide and anything else half one (an underestimate for
 * Latin capitals, which the flow then cuts at the line's end). */
static gboolean
check_one_line (const char *name, const char *group, const char *key,
                const char *what, const char *text, const char *const names[2],
                const char *filler, double size, double width, GError **error)
{
  double length = template_ems (text, names, filler) * size;
  if (length <= width)
    return TRUE;
  g_set_error (error, NP_ERROR, NP_ERROR_DATA,
               "%s: [%s] %s: about %.0fmm long at %gpt, longer than the text "
               "is wide (%.1fmm); the %s is one line",
               name, group, key, TO_MM (length), size, TO_MM (width), what);
  return FALSE;
}

/* Checks that what sits at fixed places fits there: the head of page 1
 * over the text area, the footer and the running head in the margins, a
 * photo frame in a column. */
static gboolean
check_places (const NpStyle *s, const char *name, GError **error)
{
  double height = s->page_height - s->margin_top - s->margin_bottom;
  double pitch = np_style_pitch (s);

  /* Text is set on a grid of body lines (clreq 3.8): a page must hold one
   * line of it, or no page ever holds any text. */
  if (pitch > height)
    {
      g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                   "%s: [body-font] size = %gpt, [text] line-height = %g: a "
                   "line pitch of %.1fmm is taller than the text area "
                   "(%.1fmm high)",
                   name, s->font[NP_ROLE_BODY].size, s->line_height,
                   TO_MM (pitch), TO_MM (height));
      return FALSE;
    }

  /* Page 1 opens with the masthead and the headline, one line of each at
   * the very least, over the text; no leading or rule is counted here, so
   * that only a layout that surely fails is refused. */
  double masthead = has_text (s->masthead_text, s->masthead_text_hans)
                      ? s->font[NP_ROLE_MASTHEAD].size
                      : 0;
  double head = masthead + s->font[NP_ROLE_HEADLINE].size + pitch;
  if (head > height)
    {
      g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                   "%s: [masthead-font] size = %gpt, [headline-font] size = "
                   "%gpt: the masthead, the headline and one line of text "
                   "need at least %.1fmm, more than the text area is high "
                   "(%.1fmm)",
                   name, s->font[NP_ROLE_MASTHEAD].size,
                   s->font[NP_ROLE_HEADLINE].size, TO_MM (head),
                   TO_MM (height));
      return FALSE;
    }

  /* An issue's contents box stands under the masthead on page 1: its
   * title and one entry at the least, and a line of text under it. */
  double contents = has_text (s->contents_title, s->contents_title_hans)
                      ? 2 * s->font[NP_ROLE_CONTENTS].size
                      : 0;
  if (contents > 0 && masthead + contents + pitch > height)
    {
      g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                   "%s: [contents-font] size = %gpt: the masthead, the "
                   "contents box's title and one entry, and one line of text "
                   "need at least %.1fmm, more than the text area is high "
                   "(%.1fmm); use a smaller size, or an empty [issue] "
                   "contents",
                   name, s->font[NP_ROLE_CONTENTS].size,
                   TO_MM (masthead + contents + pitch), TO_MM (height));
      return FALSE;
    }

  /* The footer is set in the bottom margin, and an issue's running head
   * in the top one, both in the footer font. */
  double footer = s->font[NP_ROLE_FOOTER].size;
  if (has_text (s->footer_text, s->footer_text_hans)
      && !check_in_margin (name, footer, s->margin_bottom, "margin-bottom",
                           "footer", "[footer] text", error))
    return FALSE;
  if (has_text (s->running_head, NULL)
      && !check_in_margin (name, footer, s->margin_top, "margin-top",
                           "running head", "[issue] running-head", error))
    return FALSE;

  /* The footer is one line: a text that cannot be one across the text
   * width is refused, with the numbers at three digits.  The masthead and
   * number of a running head are only known when an issue is set: its own
   * words must fit. */
  double width = np_style_text_width (s);
  if (!check_one_line (name, "footer", "text", "footer", s->footer_text,
                       footer_placeholders, "999", footer, width, error)
      || !check_one_line (name, "footer", "text-simplified", "footer",
                          s->footer_text_hans, footer_placeholders, "999",
                          footer, width, error)
      || !check_one_line (name, "issue", "running-head", "running head",
                          s->running_head, running_head_placeholders, "",
                          footer, width, error))
    return FALSE;

  /* A photo taller than wide is set max-height high (story.c): with its
   * caption's first line it must fit a column, or no page can hold it. */
  if (s->frame_max_height + pitch > height)
    {
      g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                   "%s: [frame] max-height = %.1fmm: a photo this high and "
                   "its caption do not fit the text area (%.1fmm high); "
                   "lower max-height",
                   name, TO_MM (s->frame_max_height), TO_MM (height));
      return FALSE;
    }
  return TRUE;
}

/* 1-based number of the line holding byte `offset` of `text`. */
static int
line_of (const char *text, gsize offset)
{
  int line = 1;
  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n')
      line++;
  return line;
}

/* One line of a layout, as GKeyFile reads it: without its "\n" or "\r\n"
 * and without leading blanks. */
typedef struct {
  const char *start;
  gsize len;
  int number; /* 1-based */
} Line;

/* Steps to the next line of `text` from `*pos`; FALSE at its end. */
static gboolean
next_line (const char *text, gsize len, gsize *pos, Line *line)
{
  if (*pos >= len)
    return FALSE;
  const char *p = text + *pos;
  const char *nl = memchr (p, '\n', len - *pos);
  gsize n = nl ? (gsize) (nl - p) : len - *pos;
  *pos += n + (nl != NULL);
  if (n > 0 && p[n - 1] == '\r')
    n--;
  while (n > 0 && g_ascii_isspace (*p))
    p++, n--;
  line->start = p;
  line->len = n;
  line->number++;
  return TRUE;
}

/* Checks every line's length in one pass, before GKeyFile holds them:
 * a value longer than NP_STYLE_MAX_VALUE (named by group and key), and
 * any other line longer than that and room for its key. */
static gboolean
check_lines (const char *text, gsize len, const char *name, GError **error)
{
  enum { MAX_LINE = NP_STYLE_MAX_VALUE + 256 };
  Line line = { 0 };
  gsize pos = 0;
  const char *group = NULL; /* GKeyFile refuses a key before a group */
  gsize group_len = 0;

  while (next_line (text, len, &pos, &line))
    {
      const char *p = line.start;
      if (line.len == 0 || *p == '#')
        continue;
      const char *equals = *p == '[' ? NULL : memchr (p, '=', line.len);
      if (*p == '[')
        {
          const char *close = memchr (p, ']', line.len);
          group = p + 1;
          group_len = close ? (gsize) (close - group) : line.len - 1;
        }
      else if (equals && group)
        {
          const char *key_end = equals;
          while (key_end > p && g_ascii_isspace (key_end[-1]))
            key_end--;
          const char *value = equals + 1;
          while (value < p + line.len && g_ascii_isspace (*value))
            value++;
          gsize value_len = (gsize) (p + line.len - value);
          if (value_len > NP_STYLE_MAX_VALUE)
            {
              g_autofree char *g = quote_short (group, group_len);
              g_autofree char *k = quote_short (p, (gsize) (key_end - p));
              g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                           "%s: [%s] %s: the value is %" G_GSIZE_FORMAT
                           " bytes long; a value may be at most %d bytes",
                           name, g, k, value_len, NP_STYLE_MAX_VALUE);
              return FALSE;
            }
        }
      if (line.len > MAX_LINE)
        {
          g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                       "%s: line %d: is %" G_GSIZE_FORMAT " bytes long; a "
                       "line may be at most %d bytes",
                       name, line.number, line.len, (int) MAX_LINE);
          return FALSE;
        }
    }
  return TRUE;
}

/* Whether `text` (one line, maybe behind "[a]\n") loads; if not, `*why`
 * gets GKeyFile's message. */
static gboolean
line_loads (const char *text, gsize len, char **why)
{
  g_autoptr (GKeyFile) file = g_key_file_new ();
  GError *local = NULL;
  if (g_key_file_load_from_data (file, text, len, G_KEY_FILE_NONE, &local))
    return TRUE;
  *why = g_strdup (local->message);
  g_error_free (local);
  return FALSE;
}

/* GKeyFile's parse errors do not say where.  GKeyFile reads a file line
 * by line, and what it makes of a line depends only on whether a group
 * came before, so each line alone (behind a group of its own once one
 * has been seen) fails as it does in the file: one pass finds it.
 * Returns 0 when every line loads (the error lies in the file as a
 * whole), with `*why` unset. */
static int
first_bad_line (const char *contents, gsize len, char **why)
{
  Line line = { 0 };
  gsize pos = 0;
  gboolean grouped = FALSE;
  g_autoptr (GString) buffer = g_string_new (NULL);

  while (next_line (contents, len, &pos, &line))
    {
      if (line.len == 0 || *line.start == '#')
        continue;
      g_autofree char *alone = NULL;
      if (line_loads (line.start, line.len, &alone))
        {
          grouped = TRUE; /* a group: no key loads alone */
          continue;
        }
      if (!grouped)
        {
          *why = g_steal_pointer (&alone);
          return line.number;
        }
      g_string_assign (buffer, "[a]\n");
      g_string_append_len (buffer, line.start, (gssize) line.len);
      if (!line_loads (buffer->str, buffer->len, why))
        return line.number;
    }
  return 0;
}

static GKeyFile *
parse_key_file (const char *contents, gsize len, const char *name,
                GError **error)
{
  /* Editors on Windows start files with a BOM, which GKeyFile would take
   * as part of the first line. */
  if (len >= 3 && memcmp (contents, "\xef\xbb\xbf", 3) == 0)
    {
      contents += 3;
      len -= 3;
    }

  /* Checked here, so that no message quotes bytes that are not UTF-8. */
  const char *bad = NULL;
  if (!g_utf8_validate_len (contents, len, &bad))
    {
      g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                   "%s: line %d: not UTF-8 text (save the layout as UTF-8)",
                   name, line_of (contents, (gsize) (bad - contents)));
      return NULL;
    }
  if (!check_lines (contents, len, name, error))
    return NULL;

  GKeyFile *file = g_key_file_new ();
  GError *local = NULL;
  if (g_key_file_load_from_data (file, contents, len, G_KEY_FILE_NONE,
                                 &local))
    return file;

  g_autofree char *why = NULL;
  int line = first_bad_line (contents, len, &why);
  if (line > 0)
    g_set_error (error, NP_ERROR, NP_ERROR_DATA, "%s: line %d: %s", name,
                 line, why);
  else
    g_set_error (error, NP_ERROR, NP_ERROR_DATA, "%s: %s", name,
                 local->message);
  g_error_free (local);
  g_key_file_free (file);
  return NULL;
}

/* A layout that writes its own text in one script means it for both:
 * `key` set and `key`-simplified not makes `*simplified` a copy. */
static void
inherit_text (GKeyFile *file, const char *group, const char *key,
              char **simplified, const char *text)
{
  g_autofree char *simplified_key = g_strconcat (key, "-simplified", NULL);
  if (g_key_file_has_key (file, group, key, NULL)
      && !g_key_file_has_key (file, group, simplified_key, NULL))
    replace_string (simplified, text);
}

NpStyle *
np_style_load (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  g_autofree char *name = g_filename_display_name (path);
  g_autoptr (GByteArray) contents =
    np_source_read_file_max (path, name, NP_STYLE_MAX_FILE, error);
  if (!contents)
    return NULL;
  gsize len = contents->len;
  g_byte_array_append (contents, (const guint8 *) "", 1); /* a C string */
  g_autoptr (GKeyFile) file =
    parse_key_file ((const char *) contents->data, len, name, error);
  if (!file)
    return NULL;

  g_autoptr (NpStyle) style = np_style_new_default ();
  replace_string (&style->path, path);
  if (!check_known (file, name, error)
      || !read_values (style, file, name, error)
      || !check_page (style, name, error))
    return NULL;
  inherit_text (file, "masthead", "text", &style->masthead_text_hans,
                style->masthead_text);
  inherit_text (file, "footer", "text", &style->footer_text_hans,
                style->footer_text);
  inherit_text (file, "issue", "contents", &style->contents_title_hans,
                style->contents_title);
  if (!check_type (style, name, error) || !check_places (style, name, error))
    return NULL;
  /* A phrase file named by a layout is beside it, wherever newsprint
   * runs. */
  if (style->phrases && !*style->phrases)
    g_clear_pointer (&style->phrases, g_free);
  if (style->phrases && !g_path_is_absolute (style->phrases))
    {
      g_autofree char *dir = g_path_get_dirname (path);
      char *beside = g_build_filename (dir, style->phrases, NULL);
      g_free (style->phrases);
      style->phrases = beside;
    }
  return g_steal_pointer (&style);
}

/* ---- finding a layout ------------------------------------------------- */

char *
np_style_find (const char *name, const char *const *dirs, GError **error)
{
  g_return_val_if_fail (name != NULL, NULL);

  gboolean ini = g_str_has_suffix (name, ".ini");
  /* A path that exists but is no file (a folder, a named pipe) is the
   * user's mistake, which np_style_load names; "no such layout" would
   * only puzzle. */
  if ((ini || strchr (name, '/')) && g_file_test (name, G_FILE_TEST_EXISTS))
    return g_strdup (name);

  /* An absolute path names one file; searching folders for it would only
   * make the error message confusing. */
  if (g_path_is_absolute (name))
    {
      g_set_error (error, NP_ERROR, NP_ERROR_NO_INPUT,
                   "%s: no such layout (no such file)", name);
      return NULL;
    }

  g_autofree char *file = ini ? g_strdup (name)
                              : g_strconcat (name, ".ini", NULL);
  for (gsize i = 0; dirs && dirs[i]; i++)
    {
      char *path = g_build_filename (dirs[i], file, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return path;
      g_free (path);
    }

  if (!dirs || !dirs[0])
    g_set_error (error, NP_ERROR, NP_ERROR_NO_INPUT, "%s: no such layout",
                 name);
  else
    {
      g_autofree char *looked = g_strjoinv (", ", (char **) dirs);
      g_set_error (error, NP_ERROR, NP_ERROR_NO_INPUT,
                   "%s: no such layout (looked in %s)", name, looked);
    }
  return NULL;
}
