/* report-private.h: what the parts of the report stage share.
 *
 * The report stage reads plain text into the document model in steps, one
 * file each:
 *
 *   report.c        front matter, editor's marks, the steps in order
 *   report-lines.c  lines -> paragraphs (the two conventions, pictures)
 *   report-features.c  the evidence about each paragraph, once
 *   report-roles.c  each paragraph's role, scored by the fitted model and
 *                   decided over the whole report
 *   report-end.c    the end: junk, end marks, credit, signature
 *   report-head.c   the head: title, subtitle, meta lines, lead, date,
 *                   headline
 *   report-lists.c  signing units and keynotes (tables)
 *   report-rows.c   a run of lines read as table rows, in any shape
 *   report-body.c   headings, list items, captions, paragraphs
 *   report-text.c   characters, numbers and dates, for all of them
 *
 * Every cue word comes from data/cues.ini (cues.h); the files here hold
 * how the evidence combines.
 */
#ifndef NP_REPORT_PRIVATE_H
#define NP_REPORT_PRIVATE_H

#include "cues.h"
#include "document.h"

G_BEGIN_DECLS

/* ---- paragraphs ---------------------------------------------------------- */

/* How an editor forced a line to be read, with a @@ mark. */
typedef enum {
  NP_FORCE_NONE,
  NP_FORCE_CAPTION,
  NP_FORCE_HEADING,
  NP_FORCE_PARAGRAPH,
  NP_FORCE_TITLE,
  NP_FORCE_SUBTITLE,
  NP_FORCE_UNITS,
  NP_FORCE_KEYNOTE,
  NP_FORCE_CREDIT,
  NP_FORCE_ITEM,
  NP_FORCE_DROP,
} NpForce;

typedef enum {
  NP_PARA_OPEN,    /* still to be read: the body */
  NP_PARA_TAKEN,   /* read into the head (title, subtitle) or a table */
  NP_PARA_DROPPED, /* not part of the report: junk, meta lines, end marks */
  NP_PARA_CREDIT,  /* a line of the credit, set at the end */
  NP_PARA_SIGNATURE, /* the closing office, date or time, set at the end */
} NpParaState;

/* What a paragraph is (report-roles.c decides; tests/roles/README.md
 * defines each). */
typedef enum {
  NP_LINE_TITLE,
  NP_LINE_SUBTITLE,
  NP_LINE_DROP,
  NP_LINE_LEAD,
  NP_LINE_PARAGRAPH,
  NP_LINE_HEADING,
  NP_LINE_ITEM,
  NP_LINE_CAPTION,
  NP_LINE_PHOTO_CREDIT,
  NP_LINE_UNITS,
  NP_LINE_KEYNOTE,
  NP_LINE_TABLE,
  NP_LINE_CREDIT,
  NP_LINE_SIGNATURE,
  NP_N_LINE_ROLES
} NpLineRole;

/* A paragraph before it is read: its text, joined from one or more lines
 * and trimmed, and where it stood. */
typedef struct {
  char *text;
  guint line;         /* 1-based line of the report where it starts */
  gboolean picture;   /* a picture stood right before it (an empty line in
                         a file of one paragraph per line) */
  NpForce force;      /* the editor's reading, or NP_FORCE_NONE */
  NpParaState state;
  NpLineRole role;        /* what report-roles.c decided it is */
  double role_p;      /* the probability of that role, 0 to 1 */
  NpLineRole second;      /* the best other role */
  double second_p;
  char *evidence;     /* the features that weighed most, or NULL */
  gboolean talks_read; /* its talks went into a keynote table already */
} NpPara;

/* The patterns of the rules, compiled once per parse from the cues. */
typedef struct {
  GRegex *date;      /* 2024年6月18日, 六月十八日, 114年3月12日, 2025-04-26 */
  GRegex *leading_zero; /* a zero before a month or day: 04月 */
  GRegex *latin;     /* a run of Latin words: a unit's English name */
  GRegex *aside;     /* a bracketed aside: （12家）, （排名不分先后） */
  GRegex *trailing_time; /* a time ending a name: 今（26）日, 今天 */
  GRegex *time;      /* what may follow a date: (星期二)上午9時30分 */
  GRegex *clock;     /* a time of day: 9:30, 上午9时 */
  GRegex *heading;   /* 一、 (一) 第一部分 01 */
  GRegex *item;      /* 1. 1、 (1) ① */
  GRegex *brackets;  /* brackets and marks around a word: 【打印】 分享到： */
  GRegex *count;     /* the count of a list: 等共8家单位, 十二家 */
  GRegex *list_end;  /* where a list of units ends: 等, a count, a verb */
  GRegex *keynote;   /* SPEAKER：《TITLE》, 主旨报告：SPEAKER《TITLE》 */
  GRegex *keynote_after; /* 主题报告一：《TITLE》（主讲：SPEAKER） */
  GRegex *talk;      /* SPEAKERS (分别)作题为《A》《B》的主旨报告, in a
                        sentence */
  GRegex *quoted;    /* one title in its marks: 《…》 「…」 “…” 〈…〉 */
  GRegex *caption_wrapper; /* （图：…） 【图】… 图：… */
  GRegex *caption_number;  /* 图1 … */
  GRegex *cells;     /* what parts the cells of a row pasted from a table:
                        tabs, two spaces or more */
  GRegex *clock_any; /* a time of day anywhere: 9:30, 上午9时, 14:00-16:00 */
  GRegex *phone;     /* 07-601-1000, (06)253-3131, 2836 1234, 138…, 分機 */
  GRegex *email;     /* name@host.domain */
  GRegex *url;       /* http://…, www.… */
} NpPatterns;

typedef struct NpFeatures NpFeatures;

typedef struct {
  NpDocument *doc;
  NpCues *cues;
  NpPatterns re;
  GPtrArray *paras;   /* of NpPara*, owned */
  GPtrArray *dropped; /* of NpPara*: what was dropped, for one warning */
  char *front_credit; /* the front matter's credit, or NULL */
  guint lead;         /* index of the first body paragraph, or G_MAXUINT */
  gboolean titled;    /* a title line opened the report */
  gboolean pictures;  /* empty lines mark pictures in this file */
  gboolean wrapped;   /* the file is hard-wrapped (report-lines.c) */
  char *end_date;     /* a date standing alone at the end, or NULL */
  char *meta_date;    /* a date of a meta line (发布时间：…), or NULL */
  char *meta_publisher; /* the source a meta line names (来源：…), or NULL */
  GPtrArray *line_titles; /* of NpBlock*: tables whose title was a line of
                             the report (理事单位：), printed as such */
} NpReader;

NpPara *np_reader_para (const NpReader *reader, guint i);
guint np_reader_count (const NpReader *reader);
/* Drops paragraph `i`, remembering it for the warning. */
void np_reader_drop (NpReader *reader, guint i);
/* The index of the first paragraph at or after `i` that is not dropped,
 * or the count. */
guint np_reader_next_kept (const NpReader *reader, guint i);

/* ---- the steps ----------------------------------------------------------- */

/* report-lines.c: the body lines (from `start`) -> the reader's
 * paragraphs; an e-mail's signature is dropped. */
void np_lines_to_paras (NpReader *reader, char **lines, guint start);

/* report-features.c: the features of every paragraph (newly allocated;
 * np_features_free).  Each is a name (interned) with a value. */
NpFeatures *np_read_features (NpReader *reader);
void np_features_free (NpFeatures *features); /* accepts NULL */
guint np_features_count (const NpFeatures *features, guint i);
const char *np_features_name (const NpFeatures *features, guint i, guint k,
                              double *value);
/* Paragraph `i`'s form: the key of the lines an editor reads alike. */
const char *np_features_form (const NpFeatures *features, guint i);

/* report-roles.c: every paragraph's role, probability and evidence, with
 * a warning where two readings are close. */
void np_read_roles (NpReader *reader, const NpFeatures *features);
/* "caption", as the label files and the dump name it. */
const char *np_role_name (NpLineRole role);
gboolean np_role_parse (const char *name, NpLineRole *role);

/* report-end.c: junk and end marks dropped, the credit found; the
 * publisher read from it. */
void np_read_end (NpReader *reader);
/* Whether `text` is a credit line (供稿：…, （文/张三 图/李四）). */
gboolean np_is_credit_line (NpReader *reader, const char *text);
/* Whether `text` is a photo credit (摄影：张三, 图/李四). */
gboolean np_is_photo_credit (NpReader *reader, const char *text);
/* A caption with its photo's credit at its end (合影（記者王五攝）,
 * 图为…。新华社记者 张三 摄): the two, newly allocated; FALSE when it
 * has none. */
gboolean np_split_photo_credit (NpReader *reader, const char *text,
                                char **caption, char **credit);
/* Reads a meta line's date and source (发布时间：…　来源：甲学院) into the
 * reader, for the head. */
void np_read_meta (NpReader *reader, const char *text);
/* Whether a line is a page's or a post's, not the report's (发布时间：…,
 * 3小时前 来自 微博). */
gboolean np_is_meta_line (NpReader *reader, const char *text);
/* The unit a credit line names as its source, or NULL. */
char *np_credit_publisher (NpReader *reader, const char *text);
/* Whether a whole line is a page's junk (阅读原文, 点赞 在看 分享). */
gboolean np_is_junk (NpReader *reader, const char *text);

/* report-head.c: title, subtitle, meta lines and the lead; then, after
 * the body, the date and the headline. */
void np_read_head (NpReader *reader);
void np_finish_head (NpReader *reader);
/* Whether paragraph `i` is the lead: the first of the body, opening with
 * a date, a dateline or 近日, or dating the event in its first sentence. */
gboolean np_is_lead (NpReader *reader, guint i);

/* report-lists.c: tables.  Each returns the paragraphs it used from
 * `i` (0: none) and adds its table. */
guint np_read_keynotes (NpReader *reader, guint i);
/* The talks the sentences of paragraph `i` and of the paragraphs after it
 * in its section name (张三作题为《题目》的报告), two or more, as a
 * keynote table after paragraph `i`; the paragraphs keep their words. */
void np_read_talk_sentences (NpReader *reader, guint i);
guint np_read_unit_lines (NpReader *reader, guint i);
/* A list of units inside paragraph `i`'s text: adds a table after it. */
void np_read_unit_sentence (NpReader *reader, guint i, gboolean forced);
/* Whether a line is a keynote line on its own (张三：《题目》). */
gboolean np_is_keynote_text (NpReader *reader, const char *text);
/* Whether `name` looks like the name of a unit (甲公司, 乙学院, and the
 * short names of companies: 晶創半導體); np_is_org_name asks for the
 * ends of organisations only (公司, 学院, 协会). */
gboolean np_is_unit_name (NpReader *reader, const char *name);
gboolean np_is_org_name (NpReader *reader, const char *name);
/* The list name a line holds and nothing else (理事单位：), newly
 * allocated, or NULL. */
char *np_list_title (NpReader *reader, const char *text);
/* The names of a line of units set apart by spaces (甲公司 乙协会), or
 * NULL when the line is not that. */
GPtrArray *np_spaced_names (NpReader *reader, const char *text);
/* Whether a line is the header row of a pasted table (序号	单位名称). */
gboolean np_is_table_header (NpReader *reader, const char *text);
/* Titles the unit tables when a report has more than one. */
void np_title_unit_tables (NpReader *reader);

/* report-rows.c: the run of paragraphs from `i` that the roles step read
 * as rows of units or keynotes, as one table.  Returns the paragraphs it
 * read (0: none). */
guint np_read_rows (NpReader *reader, guint i);

/* report-body.c: every open paragraph into a block. */
void np_read_body (NpReader *reader);

/* ---- text (report-text.c) ------------------------------------------------ */

gboolean np_is_space (gunichar c);
gboolean np_is_cjk (gunichar c);
gboolean np_is_closer (gunichar c);
gboolean np_is_opener (gunichar c);
/* Sentence stops 。！？ (both widths), and the pauses ，、；： too. */
gboolean np_is_stop (gunichar c);
gboolean np_is_pause (gunichar c);
char *np_trim (const char *s);
/* Characters a reader sees: emoji and spaces do not count. */
glong np_visible_length (const char *s);
/* Columns a line takes in a plain-text editor: CJK and full-width count
 * two, the rest one. */
glong np_display_width (const char *s);
/* The character that tells how a line ends (past emoji, spaces and
 * closing quotes and brackets), or 0. */
gunichar np_final_char (const char *s);
gunichar np_first_char (const char *s);
/* A short label before a colon (专题演讲一：, 主講嘉賓：, 发件人：) is at most
 * this long (characters). */
#define NP_MAX_SHORT_LABEL 8
/* Where a short label before a colon ends (past the colon), its words
 * into `label` (may be NULL); NULL when the text opens with none. */
const char *np_short_label (const char *text, char **label);
/* `s` past the spaces it opens with. */
const char *np_skip_spaces (const char *s);
/* `s` past the emoji and spaces it opens with. */
const char *np_skip_emoji (const char *s);
/* A copy without emoji anywhere and without spaces at the ends. */
char *np_strip_emoji (const char *s);
/* A key for comparing texts: no emoji, no spaces, full-width Latin and
 * marks folded to ASCII (NFKC). */
char *np_bare (const char *s);
/* 8, ８, 八, 十二, 一百零五, 二〇二四; -1 when not a number. */
int np_parse_number (const char *s);
/* Copy of `s` without the `n` bytes at `from`. */
char *np_cut (const char *s, gsize from, gsize n);
/* `text` split at every character of `marks` (a NULL-terminated array,
 * empty parts kept).  Linear: GRegex splits re-check the whole text's
 * UTF-8 at each match, which a list of thousands of names makes slow. */
char **np_split_at (const char *text, const char *marks);
/* The spaces words are set apart by, for np_split_at. */
#define NP_SPACES " \t\r\f\v\u3000"

/* The bracketed words `p` opens with, when it opens with one of the
 * brackets in `opens` (of （ ( 【): the bytes up to and with the first
 * closing bracket of that kind, and the words between in `inner` (newly
 * allocated).  0, and `inner` untouched, when there are none. */
gsize np_bracketed (const char *p, const char *opens, char **inner);
/* Bytes of `text` that number it as a heading (一、) or an item (1.). */
gsize np_heading_number (NpReader *reader, const char *text);
gsize np_item_number (NpReader *reader, const char *text);
/* The cells of a row pasted from a table (re.cells: tabs, two spaces or
 * more), trimmed, empty ones left out: a new array of newly allocated
 * strings. */
GPtrArray *np_cells (NpReader *reader, const char *text);
/* Bytes of `text` that `re` matches from its start, 0 when none. */
gsize np_match_length (const GRegex *re, const char *text);
/* Whether `s` holds one of 。！？ (a sentence, not a phrase). */
gboolean np_has_stop (const char *s);

/* A date in `text`: where it starts and ends (bytes), and the date as
 * newsprint prints it (2025年4月26日 for 2025-04-26; Chinese dates as
 * written, full-width digits made ASCII).  `anchored` asks for a date at
 * the start only.  NULL when there is none. */
char *np_find_date (NpReader *reader, const char *text, gboolean anchored,
                    gsize *start, gsize *end);
/* Whether a line is a date and nothing else but its weekday and time
 * (2025年4月26日（星期六）上午); the date, as np_find_date prints it, goes
 * in `date` when that is not NULL. */
gboolean np_is_date_line (NpReader *reader, const char *text, char **date);
/* Bytes of what may follow a date: a weekday, a part of the day, a time. */
gsize np_time_length (NpReader *reader, const char *text);
/* Whether `text` opens with a time of day (18:30, 上午9时). */
gboolean np_has_clock (NpReader *reader, const char *text);

G_END_DECLS

#endif
