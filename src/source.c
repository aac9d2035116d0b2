/* source.c: the first stage — a report's bytes to clean UTF-8 text.
 *
 * Reports arrive from word processors, mail clients and web pages, so the
 * bytes may carry a BOM, UTF-16, Windows or old Mac line ends, a legacy
 * Chinese encoding, or stray control characters.  Everything after this
 * stage sees only UTF-8 with "\n" line ends.
 *
 * Only a regular file or standard input is read, and neither past 16 MiB:
 * a device or a pipe that never ends is refused rather than waited for.
 *
 * Byte offsets in error messages count from 0 at the start of the file
 * (BOM included), as `xxd` shows them, so a user can look at the spot
 * directly (`xxd -s OFFSET`).
 */
#define _POSIX_C_SOURCE 200809L /* open() with O_CLOEXEC, fdopen() */

#include "source.h"
#include "error.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The 200 most frequent Han characters of modern Chinese (after Jun Da's
 * corpus counts), plus the traditional forms of those that have one.  Text
 * decoded with its right encoding is dense in them (about half of all its
 * Han characters); mojibake from a wrong guess almost never is.  */
static const char common_han[] =
  "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能"
  "而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现"
  "当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无"
  "力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重"
  "并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内"
  "信表化老给世位次度门任常先海通教儿原东声提立及比员"
  "這個們來為國說時會對於過發後裡種經麼學現當沒動還進樣開從實軍無與長機關"
  "點業將兩間問並應戰頭體見產話內給門兒東";

static const char utf8_bom[] = "\xef\xbb\xbf";

/* ---- binary data ------------------------------------------------------ */

/* Controls that plain text has no business containing.  Tab, the line ends
 * and form feed are normal; the rest are counted as evidence of binary
 * data. */
static gboolean
is_stray_control (gunichar c)
{
  return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
}

/* Formats that people pass by mistake for a text report and that may not
 * contain a NUL byte early enough (or at all) to give themselves away. */
static gboolean
has_binary_signature (const guchar *p, gsize len)
{
  static const struct {
    const char *magic;
    gsize len;
  } signatures[] = {
    { "\x89PNG\r\n\x1a\n", 8 },        /* PNG */
    { "%PDF-", 5 },                    /* PDF */
    { "\xff\xd8\xff", 3 },             /* JPEG */
    { "GIF8", 4 },                     /* GIF */
    { "PK\x03\x04", 4 },               /* ZIP, hence .docx and .odt */
    { "\xd0\xcf\x11\xe0", 4 },         /* OLE, hence old .doc */
    { "\x1f\x8b", 2 },                 /* gzip */
    { "\x7f" "ELF", 4 },               /* executables */
  };
  for (gsize i = 0; i < G_N_ELEMENTS (signatures); i++)
    if (len >= signatures[i].len
        && memcmp (p, signatures[i].magic, signatures[i].len) == 0)
      return TRUE;
  return FALSE;
}

/* Reads code unit `i` of a text in 8-bit or 16-bit units. */
static gunichar
unit_at (const guchar *p, gsize i, int unit, gboolean big_endian)
{
  if (unit == 1)
    return p[i];
  return big_endian ? (gunichar) (p[2 * i] << 8 | p[2 * i + 1])
                    : (gunichar) (p[2 * i + 1] << 8 | p[2 * i]);
}

/* Returns the byte offset (relative to `p`) where `p` stops looking like
 * text, or -1.  A NUL is proof at once; other controls only in bulk (over a
 * tenth of the units), since a stray one in real text is just dropped. */
static gssize
find_binary (const guchar *p, gsize len, int unit, gboolean big_endian)
{
  gsize units = len / unit;
  gsize controls = 0;
  gssize first_control = -1;

  for (gsize i = 0; i < units; i++)
    {
      gunichar c = unit_at (p, i, unit, big_endian);
      if (c == 0)
        return (gssize) (i * unit);
      if (is_stray_control (c) && controls++ == 0)
        first_control = (gssize) (i * unit);
    }
  if (controls * 10 > units)
    return first_control;
  return -1;
}

static void
set_binary_error (GError **error, const char *name, gsize offset)
{
  g_set_error (error, NP_ERROR, NP_ERROR_DATA,
               "%s: not a text file (binary data at byte %" G_GSIZE_FORMAT
               ")", name, offset);
}

/* ---- encodings -------------------------------------------------------- */

/* UTF-16 with a BOM: `skip` is the BOM's length, for error offsets. */
static char *
from_utf16 (const char *bytes, gsize len, gsize skip, gboolean big_endian,
            const char *name, GError **error)
{
  const char *p = bytes + skip;
  gsize n = len - skip;
  gssize bad = find_binary ((const guchar *) p, n, 2, big_endian);
  if (bad >= 0)
    {
      set_binary_error (error, name, skip + (gsize) bad);
      return NULL;
    }

  /* With `read` given, g_convert() reports a truncated last character
   * only through `read`, not as an error. */
  gsize read = 0;
  char *text = g_convert (p, (gssize) n, "UTF-8",
                          big_endian ? "UTF-16BE" : "UTF-16LE",
                          &read, NULL, NULL);
  if (text && read != n)
    g_clear_pointer (&text, g_free);
  if (!text)
    g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                 "%s: invalid UTF-16 at byte %" G_GSIZE_FORMAT, name,
                 skip + read);
  return text;
}

static int
compare_unichar (const void *a, const void *b)
{
  gunichar x = *(const gunichar *) a, y = *(const gunichar *) b;
  return (x > y) - (x < y);
}

/* How many characters of `text` are among the common Han characters; and
 * when `han` is given, how many Han characters it has in all. */
static gsize
count_common_han (const char *text, guint *han)
{
  glong n = 0;
  gunichar *set = g_utf8_to_ucs4_fast (common_han, -1, &n);
  qsort (set, (gsize) n, sizeof *set, compare_unichar);

  gsize count = 0;
  guint all = 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_get_script (c) != G_UNICODE_SCRIPT_HAN)
        continue;
      all++;
      if (bsearch (&c, set, (gsize) n, sizeof *set, compare_unichar))
        count++;
    }
  g_free (set);
  if (han)
    *han = all;
  return count;
}

/* True when `p` is mostly well-formed UTF-8 with a few damaged bytes: more
 * valid multi-byte sequences than bad bytes.  Such a file is UTF-8 that got
 * corrupted, and decoding it as GB18030 would turn it into fluent-looking
 * nonsense; GB18030 and Big5 text only rarely forms valid UTF-8. */
static gboolean
is_damaged_utf8 (const char *p, gsize len)
{
  const char *end = p + len;
  gsize good = 0, bad = 0;

  while (p < end)
    {
      const char *stop = NULL;
      gboolean ok = g_utf8_validate_len (p, (gsize) (end - p), &stop);
      for (const char *q = p; q < stop; q = g_utf8_next_char (q))
        if ((guchar) *q >= 0x80)
          good++;
      if (ok)
        break;
      bad++;
      p = stop + 1;
    }
  return good > bad;
}

/* Tries the legacy encodings of Chinese text.  Big5 bytes nearly always
 * convert cleanly as GB18030 too (into nonsense), so a clean conversion is
 * not enough: the candidate with more common characters wins, GB18030 on a
 * tie.  Returns NULL when neither converts the whole text. */
static char *
from_legacy (const char *p, gsize len)
{
  static const char *const charsets[] = { "GB18030", "BIG5" };
  char *best = NULL;
  gsize best_score = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (charsets); i++)
    {
      gsize read = 0; /* see from_utf16() */
      char *text = g_convert (p, (gssize) len, "UTF-8", charsets[i], &read,
                              NULL, NULL);
      if (!text || read != len)
        {
          g_free (text);
          continue;
        }
      gsize score = count_common_han (text, NULL);
      if (!best || score > best_score)
        {
          g_free (best);
          best = text;
          best_score = score;
        }
      else
        g_free (text);
    }
  return best;
}

/* 1-based line number of byte `offset`; a lone CR ends a line too. */
static gsize
line_of (const char *bytes, gsize offset)
{
  gsize line = 1;
  for (gsize i = 0; i < offset; i++)
    if (bytes[i] == '\n' || (bytes[i] == '\r' && bytes[i + 1] != '\n'))
      line++;
  return line;
}

/* 8-bit text, after an optional UTF-8 BOM of `skip` bytes. */
static char *
from_8bit (const char *bytes, gsize len, gsize skip, const char *name,
           GError **error)
{
  const char *p = bytes + skip;
  gsize n = len - skip;
  gssize bad = has_binary_signature ((const guchar *) p, n)
                 ? 0
                 : find_binary ((const guchar *) p, n, 1, FALSE);
  if (bad >= 0)
    {
      set_binary_error (error, name, skip + (gsize) bad);
      return NULL;
    }

  const char *stop = NULL;
  if (g_utf8_validate_len (p, n, &stop))
    return g_strndup (p, n);

  /* A BOM declares UTF-8, so a bad byte is damage, not another encoding. */
  if (skip == 0 && !is_damaged_utf8 (p, n))
    {
      char *text = from_legacy (p, n);
      if (text)
        return text;
    }

  gsize offset = (gsize) (stop - bytes);
  g_set_error (error, NP_ERROR, NP_ERROR_DATA,
               "%s: line %" G_GSIZE_FORMAT ": invalid UTF-8 at byte %"
               G_GSIZE_FORMAT, name, line_of (bytes, offset), offset);
  return NULL;
}

/* Any supported encoding to UTF-8, BOM removed. */
static char *
to_utf8 (const char *bytes, gsize len, const char *name, GError **error)
{
  if (len >= 2 && memcmp (bytes, "\xff\xfe", 2) == 0)
    return from_utf16 (bytes, len, 2, FALSE, name, error);
  if (len >= 2 && memcmp (bytes, "\xfe\xff", 2) == 0)
    return from_utf16 (bytes, len, 2, TRUE, name, error);
  if (len >= 3 && memcmp (bytes, utf8_bom, 3) == 0)
    return from_8bit (bytes, len, 3, name, error);
  return from_8bit (bytes, len, 0, name, error);
}

/* ---- normalising ------------------------------------------------------ */

/* Control characters: the remaining C0 controls, DEL and the C1 controls
 * (left behind by text that passed through Windows-1252).  They would only
 * turn into boxes or nothing on the page. */
static gboolean
is_control (gunichar c)
{
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
         || (c >= 0x7f && c <= 0x9f);
}

/* Line ends to "\n" and unwanted characters out: the controls, counted in
 * `notes`, and U+FEFF, which inside a text is a BOM left over from joining
 * files rather than a deliberate no-break, and is dropped unsaid.  A form
 * feed becomes a newline: in a plain-text report it separates sections or
 * pages, so it is read as a paragraph break rather than silently joining
 * two paragraphs. */
static char *
normalize (const char *utf8, NpSourceNotes *notes)
{
  GString *out = g_string_sized_new (strlen (utf8));
  guint line = 1; /* of the output, as the later stages number them */

  notes->controls = 0;
  notes->first_line = 0;
  for (const char *p = utf8; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '\r' || c == '\f' || c == '\n')
        {
          if (c != '\r' || p[1] != '\n') /* CRLF keeps its LF */
            {
              g_string_append_c (out, '\n');
              line++;
            }
        }
      else if (is_control (c))
        {
          if (notes->controls++ == 0)
            notes->first_line = line;
        }
      else if (c != 0xfeff)
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

/* True when nothing would be printed: only spaces (U+3000 included), line
 * ends and invisible marks. */
static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && c != 0x200b)
        return FALSE;
    }
  return TRUE;
}

char *
np_source_decode_noted (const char *bytes, gsize len, const char *name,
                        NpSourceNotes *notes, GError **error)
{
  g_return_val_if_fail (bytes != NULL || len == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  g_autofree char *utf8 = to_utf8 (bytes ? bytes : "", len, name, error);
  if (!utf8)
    return NULL;

  NpSourceNotes dropped;
  char *text = normalize (utf8, &dropped);
  if (is_blank (text))
    {
      g_free (text);
      g_set_error (error, NP_ERROR, NP_ERROR_DATA, "%s: the report is empty",
                   name);
      return NULL;
    }
  if (notes)
    *notes = (NpSourceNotes) { .controls = dropped.controls,
                               .first_line = dropped.first_line };
  return text;
}

char *
np_source_decode (const char *bytes, gsize len, const char *name,
                  GError **error)
{
  return np_source_decode_noted (bytes, len, name, NULL, error);
}

/* Below this many Han characters a text says too little about its
 * encoding. */
#define DOUBT_MIN_HAN 20
/* In Chinese text decoded right, about 40% of the Han characters are among
 * the common ones (37% to 53% in the sample reports); in text decoded with
 * the other legacy encoding, or UTF-8 read as GB18030, 0.4% to 2.5%. */
#define DOUBT_MAX_PERCENT 10

void
np_source_notes_warn (const NpSourceNotes *notes, GPtrArray *warnings)
{
  g_return_if_fail (notes != NULL && warnings != NULL);
  if (notes->controls == 1)
    g_ptr_array_add (warnings,
                     g_strdup_printf ("1 control character dropped (at line "
                                      "%u)", notes->first_line));
  else if (notes->controls > 1)
    g_ptr_array_add (warnings,
                     g_strdup_printf ("%u control characters dropped (first "
                                      "at line %u)", notes->controls,
                                      notes->first_line));
  if (notes->encoding && notes->han >= DOUBT_MIN_HAN
      && notes->common_han * 100 < notes->han * DOUBT_MAX_PERCENT)
    g_ptr_array_add (warnings,
                     g_strdup_printf ("read as %s, the text has few common "
                                      "Chinese characters (%u of %u): it may "
                                      "be in another encoding (without "
                                      "--encoding newsprint detects it)",
                                      notes->encoding, notes->common_han,
                                      notes->han));
}

/* ---- reading ---------------------------------------------------------- */

/* The most a report may weigh.  The longest reports newsprint sets are
 * books of a few hundred thousand characters, well under 2 MiB in UTF-8;
 * the bound stops /dev/zero, a disk image or an endless pipe before they
 * fill the memory. */
#define NP_SOURCE_MAX_BYTES (16 * 1024 * 1024)

/* `size` in bytes, or G_MAXUINT64 when a stream only showed it is more
 * than `limit`.  Sizes are in MiB, as `ls -lh` shows them (g_format_size()
 * would put a no-break space into a terminal line). */
static void
set_too_large_error (GError **error, const char *name, guint64 size,
                     gsize limit)
{
  const double mib = 1024.0 * 1024.0;
  if (size == G_MAXUINT64)
    g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                 "%s: too large (more than the limit of %.1f MiB)", name,
                 limit / mib);
  else if (size / mib - limit / mib >= 0.05)
    g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                 "%s: too large (%.1f MiB; the limit is %.1f MiB)", name,
                 size / mib, limit / mib);
  else /* the two would read the same in MiB */
    g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                 "%s: too large (%" G_GUINT64_FORMAT " bytes; the limit is %"
                 G_GSIZE_FORMAT " bytes)", name, size, limit);
}

/* Reads `stream` to its end, or fails once it has given more than `limit`
 * bytes: a pipe tells its size only by ending.  Returns NULL with `error`
 * set on a read error; `name` is used in the message. */
static GByteArray *
read_stream (FILE *stream, const char *name, gsize limit, GError **error)
{
  GByteArray *bytes = g_byte_array_new ();
  guint8 chunk[64 * 1024];
  gsize n;

  while (bytes->len <= limit
         && (n = fread (chunk, 1, MIN (sizeof chunk, limit + 1 - bytes->len),
                        stream)) > 0)
    g_byte_array_append (bytes, chunk, (guint) n);
  if (ferror (stream))
    {
      int saved = errno;
      g_set_error (error, NP_ERROR, NP_ERROR_NO_INPUT, "%s: cannot read: %s",
                   name, g_strerror (saved));
      g_byte_array_unref (bytes);
      return NULL;
    }
  if (bytes->len > limit)
    {
      set_too_large_error (error, name, G_MAXUINT64, limit);
      g_byte_array_unref (bytes);
      return NULL;
    }
  return bytes;
}

/* Opens `path` for reading if it is a regular file.  A device (/dev/zero,
 * /dev/urandom) never ends and a FIFO blocks until a writer comes, so both
 * are refused by what the opened file is, not by its name: fstat() on the
 * descriptor cannot be fooled by a file swapped after a check.  O_NONBLOCK
 * lets the open itself return at once on a FIFO. */
static FILE *
open_regular (const char *path, const char *name, gsize limit, GError **error)
{
  int fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, NP_ERROR, NP_ERROR_NO_INPUT, "%s: cannot open: %s",
                   name, g_strerror (saved));
      return NULL;
    }
  struct stat st;
  gboolean stated = fstat (fd, &st) == 0;
  if (!stated)
    g_set_error (error, NP_ERROR, NP_ERROR_NO_INPUT, "%s: cannot read: %s",
                 name, g_strerror (errno));
  else if (!S_ISREG (st.st_mode))
    /* "is a directory", "is a named pipe, not a regular file" */
    g_set_error (error, NP_ERROR, NP_ERROR_NO_INPUT, "%s: is %s%s", name,
                 np_file_kind (st.st_mode),
                 S_ISDIR (st.st_mode) ? "" : ", not a regular file");
  if (!stated || !S_ISREG (st.st_mode))
    {
      close (fd);
      return NULL;
    }
  if ((guint64) st.st_size > limit)
    {
      set_too_large_error (error, name, (guint64) st.st_size, limit);
      close (fd);
      return NULL;
    }
  /* A regular file on a network or FUSE mount may still make read() wait;
   * it must wait, not fail with EAGAIN. */
  int flags = fcntl (fd, F_GETFL);
  FILE *stream = NULL;
  if (flags < 0 || fcntl (fd, F_SETFL, flags & ~O_NONBLOCK) < 0
      || !(stream = fdopen (fd, "rb")))
    {
      int saved = errno;
      g_set_error (error, NP_ERROR, NP_ERROR_NO_INPUT, "%s: cannot open: %s",
                   name, g_strerror (saved));
      close (fd);
    }
  return stream;
}

GByteArray *
np_source_read_file_max (const char *path, const char *name, gsize limit,
                         GError **error)
{
  g_return_val_if_fail (path != NULL && name != NULL, NULL);
  FILE *stream = open_regular (path, name, limit, error);
  if (!stream)
    return NULL;
  /* The file may have grown since fstat(): read_stream() bounds it again. */
  GByteArray *bytes = read_stream (stream, name, limit, error);
  fclose (stream);
  return bytes;
}

GByteArray *
np_source_read_file (const char *path, const char *name, GError **error)
{
  return np_source_read_file_max (path, name, NP_SOURCE_MAX_BYTES, error);
}

/* Line (1-based) of byte `offset` of a text in `encoding`, where decoding
 * stopped: the bytes before it are known to convert. */
static gsize
line_in (const char *bytes, gsize offset, const char *encoding)
{
  g_autofree char *head = g_convert (bytes, (gssize) offset, "UTF-8",
                                     encoding, NULL, NULL, NULL);
  return head ? line_of (head, strlen (head)) : 1;
}

/* Bytes in a named encoding to UTF-8, through iconv. */
static char *
np_convert_named (const char *bytes, gsize len, const char *encoding,
                  const char *name, gsize *utf8_len, GError **error)
{
  gsize read = 0;
  g_autoptr (GError) why = NULL;
  char *utf8 = g_convert (bytes, (gssize) len, "UTF-8", encoding, &read,
                          utf8_len, &why);
  /* With `read` given, a truncated last character is not an error. */
  if (utf8 && read == len)
    return utf8;
  g_free (utf8);
  if (g_error_matches (why, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
    g_set_error (error, NP_ERROR, NP_ERROR_USAGE,
                 "%s: unknown encoding '%s'", name, encoding);
  else
    g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                 "%s: line %" G_GSIZE_FORMAT ": not valid %s text at byte %"
                 G_GSIZE_FORMAT, name, line_in (bytes, read, encoding),
                 encoding, read);
  return NULL;
}

char *
np_source_decode_as (const char *bytes, gsize len, const char *name,
                     const char *encoding, NpSourceNotes *notes,
                     GError **error)
{
  g_return_val_if_fail (bytes != NULL || len == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  if (!encoding)
    return np_source_decode_noted (bytes, len, name, notes, error);

  gsize utf8_len = 0;
  g_autofree char *utf8 = np_convert_named (bytes ? bytes : "", len,
                                            encoding, name, &utf8_len, error);
  char *text = utf8 ? np_source_decode_noted (utf8, utf8_len, name, notes,
                                              error)
                    : NULL;
  if (text && notes)
    {
      notes->encoding = encoding;
      notes->common_han = (guint) count_common_han (text, &notes->han);
    }
  return text;
}

char *
np_source_read_noted (const char *path, const char *encoding,
                      NpSourceNotes *notes, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  gboolean is_stdin = strcmp (path, "-") == 0;
  g_autofree char *name =
    is_stdin ? g_strdup ("stdin") : g_filename_display_name (path);
  g_autoptr (GByteArray) bytes =
    is_stdin ? read_stream (stdin, name, NP_SOURCE_MAX_BYTES, error)
             : np_source_read_file (path, name, error);
  if (!bytes)
    return NULL;
  return np_source_decode_as ((const char *) bytes->data, bytes->len, name,
                              encoding, notes, error);
}

char *
np_source_read_as (const char *path, const char *encoding, GError **error)
{
  return np_source_read_noted (path, encoding, NULL, error);
}

char *
np_source_read (const char *path, GError **error)
{
  return np_source_read_noted (path, NULL, NULL, error);
}
