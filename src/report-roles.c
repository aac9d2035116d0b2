/* report-roles.c: what each paragraph is, scored and decided over the whole
 * report.
 *
 * Contract: np_read_roles() takes the paragraphs and their features
 * (report-features.c) and gives every paragraph a role (NpLineRole), the
 * probability of that role and of the best other one, and the features
 * that weighed most.  The later steps (end, head, lists, body) build the
 * blocks from these roles; this step builds nothing and drops nothing.
 *
 * It decides in three steps:
 *
 * 1. Scores.  A logistic regression (liblinear) gives each paragraph the
 *    probability of each role from its features.  The weights are fitted
 *    on the labelled corpus by tools/fit-roles.py (data/roles.model, its
 *    feature names in data/roles.fit); nothing here is set by hand.
 *    Each is weighed with how likely its length is under the role
 *    (fitted too), which a regression with other evidence at hand does
 *    not learn: no caption runs to 200 characters.
 * 2. Forms.  Lines of one form (report-features.c: the same opening
 *    symbol, label, brackets and ending, about the same length) are read
 *    alike by an editor, so a report's captions, heads and items are
 *    decided together: each paragraph's scores are drawn towards the mean
 *    of its form's.
 * 3. Order.  A Viterbi pass finds the sequence of roles that is most
 *    probable under the scores and the fitted role-to-role transitions
 *    (a head before its section, the credit at the end, a photo credit
 *    under its caption).  The editor's @@ marks are fixed points of it.
 *
 * How sure each reading is comes from the whole report too: the
 * probability of each role of a paragraph given all the others
 * (forward-backward over the same scores and transitions).  When the two
 * best are close, a warning names the line, both readings, and the @@
 * mark that picks the other.
 */
#define _GNU_SOURCE /* memfd_create */
#include "report-private.h"

#include <glib/gstdio.h>
#include <linear.h>

#include <errno.h>
#include <math.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

extern const char np_roles_model_data[]; /* roles-model.c: data/roles.model */
extern const char np_roles_fit_data[];   /* roles-fit.c: data/roles.fit */

/* The labels' names, in NpLineRole's order: the label files use them, and so
 * does the model (its class k is NpLineRole k). */
static const char *const np_role_names[NP_N_LINE_ROLES] = {
  "title",   "subtitle", "drop",   "lead",         "paragraph",
  "heading", "item",     "caption", "photo_credit", "units",
  "keynote", "table",    "credit", "signature",
};

/* How the warnings name a role to a reader, and the @@ mark that asks for
 * it (cues.ini [editor]); NULL where no mark reads a line so. */
static const struct {
  const char *name;
  const char *mark_hans, *mark_hant;
} np_role_words[NP_N_LINE_ROLES] = {
  { "the headline", "@@标题", "@@標題" },
  { "a subtitle", "@@副标题", "@@副標題" },
  { "not the report's text", "@@删除", "@@刪除" },
  { "the lead", "@@正文", "@@正文" },
  { "a paragraph", "@@正文", "@@正文" },
  { "a section head", "@@小标题", "@@小標題" },
  { "a list item", "@@条目", "@@條目" },
  { "a caption", "@@图注", "@@圖注" },
  { "a photo credit", "@@署名", "@@署名" },
  { "a row of the units table", "@@单位", "@@單位" },
  { "a keynote line", "@@报告", "@@報告" },
  { "a table row", "@@正文", "@@正文" },
  { "the credit", "@@署名", "@@署名" },
  { "the closing signature", "@@署名", "@@署名" },
};

const char *
np_role_name (NpLineRole role)
{
  return role < NP_N_LINE_ROLES ? np_role_names[role] : "none";
}

gboolean
np_role_parse (const char *name, NpLineRole *role)
{
  for (guint r = 0; r < NP_N_LINE_ROLES; r++)
    if (strcmp (name, np_role_names[r]) == 0) {
      *role = r;
      return TRUE;
    }
  return FALSE;
}

/* ---- the fitted model ---------------------------------------------------- */

typedef struct {
  struct model *model;
  GHashTable *index;   /* interned feature name -> its 1-based index */
  int class_of[NP_N_LINE_ROLES]; /* the model's column of each role, or -1 */
  double transition[NP_N_LINE_ROLES + 1][NP_N_LINE_ROLES]; /* log P(b | a); row
                                        NP_N_LINE_ROLES: at the start */
  GStrv buckets;       /* the length buckets ("1-4"), as len:B names them */
  GArray *length[NP_N_LINE_ROLES]; /* of double, by bucket: log P(bucket |
                                      role) - log P(bucket) */
  double weight_length; /* how much those weigh */
  double weight_order; /* how much the transitions weigh against scores */
  double weight_form;  /* how far a line is drawn to its form's mean */
  double close;        /* a warning when the two best are nearer */
} NpRoleModel;

/* liblinear reads a model from a file only, and newsprint carries its
 * model inside itself: the text goes to an anonymous file for the one
 * read. */
static struct model *
np_load_model (const char *text)
{
  int fd = memfd_create ("newsprint-roles", MFD_CLOEXEC);
  char *tmp = NULL;
  if (fd < 0)
    fd = g_file_open_tmp ("newsprint-roles-XXXXXX", &tmp, NULL);
  if (fd < 0)
    return NULL;
  gsize len = strlen (text), done = 0;
  while (done < len) {
    ssize_t n = write (fd, text + done, len - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      break;
    done += (gsize) n;
  }
  struct model *model = NULL;
  if (done == len) {
    g_autofree char *path
      = tmp ? g_strdup (tmp) : g_strdup_printf ("/proc/self/fd/%d", fd);
    model = load_model (path);
  }
  close (fd);
  if (tmp)
    g_unlink (tmp);
  g_free (tmp);
  return model;
}

/* Reads the built-in model once: it is constant, like the cue words. */
static NpRoleModel *
np_role_model_load (gpointer unused)
{
  (void) unused;
  NpRoleModel *m = g_new0 (NpRoleModel, 1);
  g_autoptr (GKeyFile) fit = g_key_file_new ();
  if (!g_key_file_load_from_data (fit, np_roles_fit_data, -1, 0, NULL))
    g_error ("data/roles.fit: does not load");
  gsize n = 0;
  g_auto (GStrv) names
    = g_key_file_get_string_list (fit, "features", "names", &n, NULL);
  m->index = g_hash_table_new (NULL, NULL);
  for (gsize i = 0; i < n; i++)
    g_hash_table_insert (m->index, (gpointer) g_intern_string (names[i]),
                         GSIZE_TO_POINTER (i + 1));
  m->weight_order = g_key_file_get_double (fit, "decode", "order", NULL);
  m->weight_length = g_key_file_get_double (fit, "decode", "length", NULL);
  m->buckets = g_key_file_get_string_list (fit, "lengths", "buckets", NULL,
                                           NULL);
  for (guint r = 0; r < NP_N_LINE_ROLES; r++) {
    gsize k = 0;
    g_autofree double *row = g_key_file_get_double_list (
      fit, "lengths", np_role_names[r], &k, NULL);
    m->length[r] = g_array_new (FALSE, TRUE, sizeof (double));
    if (row)
      g_array_append_vals (m->length[r], row, k);
  }
  m->weight_form = g_key_file_get_double (fit, "decode", "form", NULL);
  m->close = g_key_file_get_double (fit, "decode", "close", NULL);
  for (guint a = 0; a <= NP_N_LINE_ROLES; a++) {
    const char *from = a < NP_N_LINE_ROLES ? np_role_names[a] : "start";
    gsize k = 0;
    g_autofree double *row
      = g_key_file_get_double_list (fit, "transitions", from, &k, NULL);
    for (guint b = 0; b < NP_N_LINE_ROLES; b++)
      m->transition[a][b] = row && b < k ? row[b] : log (1.0 / NP_N_LINE_ROLES);
  }

  m->model = np_load_model (np_roles_model_data);
  if (!m->model || !check_probability_model (m->model))
    g_error ("data/roles.model: not a logistic regression liblinear reads");
  for (guint r = 0; r < NP_N_LINE_ROLES; r++)
    m->class_of[r] = -1;
  int classes = get_nr_class (m->model);
  g_autofree int *labels = g_new (int, classes);
  get_labels (m->model, labels);
  for (int c = 0; c < classes; c++)
    if (labels[c] >= 0 && labels[c] < NP_N_LINE_ROLES)
      m->class_of[labels[c]] = c;
  return m;
}

static const NpRoleModel *
np_role_model (void)
{
  static GOnce once = G_ONCE_INIT;
  g_once (&once, (GThreadFunc) np_role_model_load, NULL);
  return once.retval;
}

/* ---- scores -------------------------------------------------------------- */

static int
np_by_index (gconstpointer a, gconstpointer b)
{
  const struct feature_node *x = a, *y = b;
  return x->index - y->index;
}

/* The model's input for paragraph `i`: its known features by index,
 * sorted, with the bias and the end mark liblinear asks for. */
static struct feature_node *
np_nodes (const NpRoleModel *m, const NpFeatures *f, guint i)
{
  guint n = np_features_count (f, i);
  struct feature_node *x = g_new (struct feature_node, n + 2);
  guint k = 0;
  for (guint j = 0; j < n; j++) {
    double value;
    const char *name = np_features_name (f, i, j, &value);
    int index = GPOINTER_TO_INT (g_hash_table_lookup (m->index, name));
    if (index > 0)
      x[k++] = (struct feature_node) { index, value };
  }
  qsort (x, k, sizeof *x, np_by_index);
  /* a name given twice (two cue lists alike) counts once */
  guint u = 0;
  for (guint j = 0; j < k; j++)
    if (u == 0 || x[u - 1].index != x[j].index)
      x[u++] = x[j];
  if (m->model->bias >= 0)
    x[u++] = (struct feature_node) { get_nr_feature (m->model) + 1,
                                     m->model->bias };
  x[u].index = -1;
  return x;
}

/* The role an editor's @@ mark fixes, or NP_N_LINE_ROLES for none. */
static NpLineRole
np_forced_role (NpForce force)
{
  switch (force) {
  case NP_FORCE_CAPTION: return NP_LINE_CAPTION;
  case NP_FORCE_HEADING: return NP_LINE_HEADING;
  case NP_FORCE_PARAGRAPH: return NP_LINE_PARAGRAPH;
  case NP_FORCE_TITLE: return NP_LINE_TITLE;
  case NP_FORCE_SUBTITLE: return NP_LINE_SUBTITLE;
  case NP_FORCE_UNITS: return NP_LINE_UNITS;
  case NP_FORCE_KEYNOTE: return NP_LINE_KEYNOTE;
  case NP_FORCE_CREDIT: return NP_LINE_CREDIT;
  case NP_FORCE_ITEM: return NP_LINE_ITEM;
  case NP_FORCE_DROP: return NP_LINE_DROP;
  case NP_FORCE_NONE: break;
  }
  return NP_N_LINE_ROLES;
}

/* The smallest probability a score is taken to be: a role the model
 * finds all but impossible can still be chosen by the order. */
#define NP_MIN_PROBABILITY 1e-6

/* How much likelier paragraph `i`'s length is under each role, added to
 * its scores: a caption of 200 characters is none, however it reads. */
static void
np_length_odds (const NpRoleModel *m, const NpFeatures *f, guint i,
                double *logp)
{
  for (guint k = 0; k < np_features_count (f, i); k++) {
    const char *name = np_features_name (f, i, k, NULL);
    if (!g_str_has_prefix (name, "len:") || !m->buckets)
      continue;
    for (guint b = 0; m->buckets[b]; b++)
      if (strcmp (name + strlen ("len:"), m->buckets[b]) == 0)
        for (guint r = 0; r < NP_N_LINE_ROLES; r++)
          if (b < m->length[r]->len)
            logp[r] += m->weight_length
                       * g_array_index (m->length[r], double, b);
    return;
  }
}

static void
np_score (const NpRoleModel *m, const NpFeatures *f, guint i,
          double *logp)
{
  g_autofree struct feature_node *x = np_nodes (m, f, i);
  double prob[NP_N_LINE_ROLES + 8];
  int classes = get_nr_class (m->model);
  g_assert (classes <= NP_N_LINE_ROLES + 8);
  predict_probability (m->model, x, prob);
  for (guint r = 0; r < NP_N_LINE_ROLES; r++) {
    double p = m->class_of[r] >= 0 ? prob[m->class_of[r]] : 0;
    logp[r] = log (MAX (p, NP_MIN_PROBABILITY));
  }
  np_length_odds (m, f, i, logp);
}

/* The features that weighed most for role `r` of paragraph `i`, for the
 * dump and the proofs: "sym:▲ +2.1, p:end:stop +0.8". */
static char *
np_evidence (const NpRoleModel *m, const NpFeatures *f, guint i, NpLineRole r)
{
  enum { SHOWN = 3 };
  const char *names[SHOWN] = { 0 };
  double weights[SHOWN] = { 0 };
  int c = m->class_of[r];
  if (c < 0)
    return g_strdup ("");
  for (guint j = 0; j < np_features_count (f, i); j++) {
    double value;
    const char *name = np_features_name (f, i, j, &value);
    int index = GPOINTER_TO_INT (g_hash_table_lookup (m->index, name));
    if (index <= 0)
      continue;
    double w = get_decfun_coef (m->model, index, c) * value;
    for (guint k = 0; k < SHOWN; k++)
      if (!names[k] || w > weights[k]) {
        for (guint s = SHOWN - 1; s > k; s--) {
          names[s] = names[s - 1];
          weights[s] = weights[s - 1];
        }
        names[k] = name;
        weights[k] = w;
        break;
      }
  }
  GString *s = g_string_new (NULL);
  for (guint k = 0; k < SHOWN && names[k]; k++) {
    char w[G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd (w, sizeof w, "%+.1f", weights[k]);
    g_string_append_printf (s, "%s%s %s", k ? ", " : "", names[k], w);
  }
  return g_string_free (s, FALSE);
}

/* ---- the decision -------------------------------------------------------- */

typedef double NpScores[NP_N_LINE_ROLES]; /* log probabilities, by role */

/* Draws each paragraph's scores towards the mean of the paragraphs of its
 * form, when it has company. */
static void
np_pool_forms (const NpRoleModel *m, const NpFeatures *f, guint n,
               NpScores *logp)
{
  if (m->weight_form <= 0)
    return;
  g_autoptr (GHashTable) groups = g_hash_table_new_full (
    g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < n; i++) {
    const char *form = np_features_form (f, i);
    GArray *members = g_hash_table_lookup (groups, form);
    if (!members) {
      members = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (groups, (gpointer) form, members);
    }
    g_array_append_val (members, i);
  }
  g_autofree NpScores *pooled = g_new (NpScores, n);
  memcpy (pooled, logp, sizeof (NpScores) * n);
  GHashTableIter iter;
  gpointer value;
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &value)) {
    GArray *members = value;
    if (members->len < 2)
      continue;
    double mean[NP_N_LINE_ROLES] = { 0 };
    for (guint k = 0; k < members->len; k++)
      for (guint r = 0; r < NP_N_LINE_ROLES; r++)
        mean[r] += logp[g_array_index (members, guint, k)][r] / members->len;
    for (guint k = 0; k < members->len; k++) {
      guint i = g_array_index (members, guint, k);
      for (guint r = 0; r < NP_N_LINE_ROLES; r++)
        pooled[i][r] = (1 - m->weight_form) * logp[i][r]
                       + m->weight_form * mean[r];
    }
  }
  memcpy (logp, pooled, sizeof (NpScores) * n);
}

/* The scores, added to and pooled, as distributions again. */
static void
np_normalize (guint n, NpScores *logp)
{
  for (guint i = 0; i < n; i++) {
    double top = logp[i][0], sum = 0;
    for (guint r = 1; r < NP_N_LINE_ROLES; r++)
      top = MAX (top, logp[i][r]);
    for (guint r = 0; r < NP_N_LINE_ROLES; r++)
      sum += exp (logp[i][r] - top);
    for (guint r = 0; r < NP_N_LINE_ROLES; r++)
      logp[i][r] -= top + log (sum);
  }
}

static double
np_log_add (double a, double b)
{
  if (a == -INFINITY)
    return b;
  if (b == -INFINITY)
    return a;
  return a > b ? a + log1p (exp (b - a)) : b + log1p (exp (a - b));
}

/* The decision's states: a role, and where the line stands to the
 * headline.  A report has one headline, on one run of lines (a title
 * broken over two, a kicker over it, a subtitle under it), over its
 * text: once a line of the text has come, before the title or after it,
 * no title line comes again; only what is not the report's text (a
 * page's furniture) stands above the headline.  Without this, a page's
 * or an account's name over the report (甲学院, 乙县政府 新闻稿) and the
 * title under it were two headlines, and the first won.  A line the
 * editor marked @@标题 is a title wherever it stands. */
enum { NP_BEFORE_TITLE, NP_IN_TITLE, NP_AFTER_TITLE, NP_N_PHASES };
#define NP_N_STATES (NP_N_PHASES * NP_N_LINE_ROLES)
typedef double NpStates[NP_N_STATES]; /* log scores, by state */
typedef guint8 NpBack[NP_N_STATES];   /* the best state before, by state */

/* The phase after a line of role `b`, following one of role `a` in
 * `phase`, or -1 when `b` would begin a second headline: the headline's
 * run is kickers, title lines together, then subtitles and bylines. */
static int
np_next_phase (guint phase, NpLineRole a, NpLineRole b, gboolean marked)
{
  if (marked && b == NP_LINE_TITLE)
    return phase == NP_BEFORE_TITLE ? NP_IN_TITLE : (int) phase;
  switch (phase) {
  case NP_BEFORE_TITLE:
    if (b == NP_LINE_TITLE)
      return NP_IN_TITLE;
    return b == NP_LINE_DROP || b == NP_LINE_SUBTITLE ? NP_BEFORE_TITLE
                                                      : NP_AFTER_TITLE;
  case NP_IN_TITLE:
    if (b == NP_LINE_TITLE)
      return a == NP_LINE_TITLE ? NP_IN_TITLE : -1;
    return b == NP_LINE_SUBTITLE ? NP_IN_TITLE : NP_AFTER_TITLE;
  default:
    return b == NP_LINE_TITLE ? -1 : NP_AFTER_TITLE;
  }
}

/* The forward pass over the states: with `back`, the best path's score
 * into each state (Viterbi) and the state it came from; without, the sum
 * over all paths (the forward half of forward-backward). */
static void
np_forward (const NpRoleModel *m, guint n, NpScores *logp,
            const gboolean *marked, NpStates *fwd, NpBack *back)
{
  double w = m->weight_order;
  for (guint s = 0; s < NP_N_STATES; s++)
    fwd[0][s] = -INFINITY;
  for (guint b = 0; b < NP_N_LINE_ROLES; b++) {
    int to = np_next_phase (NP_BEFORE_TITLE, b, b, marked[0]);
    fwd[0][to * NP_N_LINE_ROLES + b]
      = logp[0][b] + w * m->transition[NP_N_LINE_ROLES][b];
  }
  for (guint i = 1; i < n; i++) {
    for (guint s = 0; s < NP_N_STATES; s++)
      fwd[i][s] = -INFINITY;
    for (guint s = 0; s < NP_N_STATES; s++) {
      if (fwd[i - 1][s] == -INFINITY)
        continue;
      guint a = s % NP_N_LINE_ROLES, phase = s / NP_N_LINE_ROLES;
      for (guint b = 0; b < NP_N_LINE_ROLES; b++) {
        int to = np_next_phase (phase, a, b, marked[i]);
        if (to < 0)
          continue;
        guint t = to * NP_N_LINE_ROLES + b;
        double v = fwd[i - 1][s] + w * m->transition[a][b] + logp[i][b];
        if (!back)
          fwd[i][t] = np_log_add (fwd[i][t], v);
        else if (v > fwd[i][t]) {
          fwd[i][t] = v;
          back[i][t] = (guint8) s;
        }
      }
    }
  }
}

/* The most probable sequence of roles (Viterbi), written into `best`. */
static void
np_decode (const NpRoleModel *m, guint n, NpScores *logp,
           const gboolean *marked, NpLineRole *best)
{
  if (n == 0)
    return;
  g_autofree NpStates *score = g_new (NpStates, n);
  g_autofree NpBack *from = g_new0 (NpBack, n);
  np_forward (m, n, logp, marked, score, from);
  guint last = 0;
  for (guint s = 1; s < NP_N_STATES; s++)
    if (score[n - 1][s] > score[n - 1][last])
      last = s;
  for (guint i = n; i-- > 0;) {
    best[i] = last % NP_N_LINE_ROLES;
    if (i > 0)
      last = from[i][last];
  }
}

/* The probability of each role of each paragraph given the whole report
 * (forward-backward over the same scores, transitions and phases as the
 * decoding), into `post` as log probabilities: how sure the document
 * makes a reading, not the line alone. */
static void
np_posteriors (const NpRoleModel *m, guint n, NpScores *logp,
               const gboolean *marked, NpScores *post)
{
  if (n == 0)
    return;
  g_autofree NpStates *fwd = g_new (NpStates, n);
  g_autofree NpStates *bwd = g_new (NpStates, n);
  np_forward (m, n, logp, marked, fwd, NULL);
  double w = m->weight_order;
  for (guint s = 0; s < NP_N_STATES; s++)
    bwd[n - 1][s] = 0;
  for (guint i = n - 1; i > 0; i--)
    for (guint s = 0; s < NP_N_STATES; s++) {
      guint a = s % NP_N_LINE_ROLES, phase = s / NP_N_LINE_ROLES;
      double sum = -INFINITY;
      for (guint b = 0; b < NP_N_LINE_ROLES; b++) {
        int to = np_next_phase (phase, a, b, marked[i]);
        if (to >= 0)
          sum = np_log_add (sum, w * m->transition[a][b] + logp[i][b]
                                   + bwd[i][to * NP_N_LINE_ROLES + b]);
      }
      bwd[i - 1][s] = sum;
    }
  for (guint i = 0; i < n; i++) {
    double z = -INFINITY;
    for (guint s = 0; s < NP_N_STATES; s++)
      z = np_log_add (z, fwd[i][s] + bwd[i][s]);
    for (guint r = 0; r < NP_N_LINE_ROLES; r++) {
      double sum = -INFINITY;
      for (guint phase = 0; phase < NP_N_PHASES; phase++) {
        guint s = phase * NP_N_LINE_ROLES + r;
        sum = np_log_add (sum, fwd[i][s] + bwd[i][s]);
      }
      post[i][r] = sum - z;
    }
  }
}

/* Roles between which a wrong reading changes the page: a paragraph set
 * as a caption gets a frame; a lead read as a paragraph does not. */
static gboolean
np_worth_warning (NpLineRole a, NpLineRole b)
{
  gboolean text_a = a == NP_LINE_LEAD || a == NP_LINE_PARAGRAPH;
  gboolean text_b = b == NP_LINE_LEAD || b == NP_LINE_PARAGRAPH;
  return !(text_a && text_b);
}

static void
np_warn_close (NpReader *reader, const NpPara *p)
{
  g_autofree char *bare = np_strip_emoji (p->text);
  glong length = g_utf8_strlen (bare, -1);
  const char *end = g_utf8_offset_to_pointer (bare, MIN (length, 15));
  gboolean hant = reader->doc->script == NP_SCRIPT_HANT;
  const char *mark = hant ? np_role_words[p->second].mark_hant
                          : np_role_words[p->second].mark_hans;
  np_document_warn (reader->doc, p->line,
                    "\"%.*s%s\" read as %s (%d%%), perhaps %s (%d%%); if it "
                    "is, begin the line with %s",
                    (int) (end - bare), bare, length > 15 ? "…" : "",
                    np_role_words[p->role].name,
                    (int) lround (100 * p->role_p),
                    np_role_words[p->second].name,
                    (int) lround (100 * p->second_p), mark);
}

/* A line dropped with at least this probability is junk for sure, however
 * little of the report is left. */
#define NP_SURE_DROP 0.9

void
np_read_roles (NpReader *reader, const NpFeatures *f)
{
  const NpRoleModel *m = np_role_model ();
  guint n = np_reader_count (reader);
  g_autofree NpScores *logp = g_new (NpScores, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    np_score (m, f, i, logp[i]);
  np_pool_forms (m, f, n, logp);
  np_normalize (n, logp);
  /* the editor's marks are certain */
  g_autofree gboolean *marked = g_new0 (gboolean, MAX (n, 1));
  for (guint i = 0; i < n; i++) {
    NpLineRole forced = np_forced_role (np_reader_para (reader, i)->force);
    marked[i] = forced == NP_LINE_TITLE;
    if (forced < NP_N_LINE_ROLES)
      for (guint r = 0; r < NP_N_LINE_ROLES; r++)
        logp[i][r] = r == forced ? 0 : log (NP_MIN_PROBABILITY);
  }
  g_autofree NpLineRole *best = g_new0 (NpLineRole, MAX (n, 1));
  np_decode (m, n, logp, marked, best);
  /* a report has text: when every line would go, the decision is the
   * text's oddness (a wrong encoding, a report of one line), and each
   * unmarked line the model is not sure of takes its best reading that
   * keeps it; a page of junk alone (阅读原文, 微信扫一扫) is still none */
  gboolean kept = FALSE;
  for (guint i = 0; i < n && !kept; i++)
    kept = best[i] != NP_LINE_DROP
           || np_reader_para (reader, i)->force == NP_FORCE_DROP;
  for (guint i = 0; i < n && !kept; i++) {
    if (np_reader_para (reader, i)->force != NP_FORCE_NONE
        || logp[i][NP_LINE_DROP] > log (NP_SURE_DROP))
      continue;
    guint top = best[i] == 0 ? 1 : 0;
    for (guint r = 0; r < NP_N_LINE_ROLES; r++)
      if (r != NP_LINE_DROP && logp[i][r] > logp[i][top])
        top = r;
    best[i] = top;
  }

  /* how sure the reading is, and the best other one: given the whole
   * report, as the decision was made */
  g_autofree NpScores *post = g_new (NpScores, MAX (n, 1));
  np_posteriors (m, n, logp, marked, post);
  for (guint i = 0; i < n; i++) {
    NpPara *p = np_reader_para (reader, i);
    p->role = best[i];
    p->role_p = exp (post[i][best[i]]);
    p->second = best[i] == 0 ? 1 : 0;
    for (guint r = 0; r < NP_N_LINE_ROLES; r++)
      if (r != best[i] && post[i][r] > post[i][p->second])
        p->second = r;
    p->second_p = exp (post[i][p->second]);
    g_free (p->evidence);
    p->evidence = np_evidence (m, f, i, p->role);
    if (p->force == NP_FORCE_NONE && p->role_p - p->second_p < m->close
        && np_worth_warning (p->role, p->second))
      np_warn_close (reader, p);
  }
}
