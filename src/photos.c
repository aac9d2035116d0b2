/* photos.c: a folder of photos -> pictures for the photo frames.
 *
 * Contract: finds the photos meant for the captions, decodes them with
 * gdk-pixbuf (JPEG, PNG), reads their EXIF orientation, and hands Cairo
 * image surfaces; a JPEG's own bytes ride along as MIME data, which
 * Cairo's PDF back end embeds unchanged.  Layout and drawing are not here.
 *
 * Photos come straight from cameras, phones and image banks, so a file
 * may be far larger than any frame, cut short by a failed copy, or in
 * CMYK.  A photo is decoded at most at the size the largest frame prints
 * it at 300 dpi, and refused before decoding when its header promises more
 * pixels than memory should hold; a truncated JPEG or PNG is refused
 * rather than printed half grey.  Only an RGB or grey JPEG that needs no
 * scaling goes into the PDF as it is: Cairo writes a CMYK JPEG without
 * the inverted /Decode that Adobe's CMYK JPEGs need, so one prints in
 * negative colours, and a scaled or CMYK photo is encoded again as an RGB
 * JPEG instead.
 */
#include "photos.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "error.h"
#include "source.h"

/* Print resolution: what offset printing of halftone photos asks for;
 * more pixels than this only make the PDF heavier. */
#define NP_PHOTO_DPI 300.0
/* Pixels a photo's header may promise.  gdk-pixbuf holds a PNG (and
 * libjpeg a progressive JPEG) at full size while decoding, 4 bytes a
 * pixel: 100 megapixels is 400 MB, and more than any camera's photo. */
#define NP_PHOTO_MAX_PIXELS 100000000.0
/* A photo file's size: a 100-megapixel JPEG of the best quality is about
 * 50 MiB. */
#define NP_PHOTO_MAX_BYTES (64 * 1024 * 1024)
/* Cairo's image surfaces are at most this wide and high. */
#define NP_CAIRO_MAX_SIDE 32767
/* Quality of a photo encoded again: no visible loss in print. */
#define NP_PHOTO_JPEG_QUALITY "90"

static gboolean
np_is_photo_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  return g_str_has_suffix (lower, ".jpg") || g_str_has_suffix (lower, ".jpeg")
         || g_str_has_suffix (lower, ".png");
}

/* The caption number a file is named after ("03.jpg" -> 3), or 0. */
static guint
np_caption_number (const char *name)
{
  const char *dot = strrchr (name, '.');
  if (!dot || dot == name)
    return 0;
  for (const char *p = name; p < dot; p++)
    if (!g_ascii_isdigit (*p))
      return 0;
  return (guint) strtoul (name, NULL, 10);
}

/* Pixels of a pixbuf as a Cairo image (premultiplied, native-endian
 * 0xAARRGGBB), or NULL when Cairo cannot make one. */
static cairo_surface_t *
np_surface_from_pixbuf (const GdkPixbuf *pixbuf)
{
  int w = gdk_pixbuf_get_width (pixbuf), h = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  gboolean alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  int in_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *in = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (
    alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, w, h);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy (surface);
    return NULL;
  }
  cairo_surface_flush (surface);
  guint8 *out = cairo_image_surface_get_data (surface);
  int out_stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < h; y++) {
    const guint8 *p = in + (gsize) y * in_stride;
    guint32 *q = (guint32 *) (out + (gsize) y * out_stride);
    for (int x = 0; x < w; x++, p += channels) {
      guint a = alpha ? p[3] : 255;
      guint r = p[0] * a / 255, g = p[1] * a / 255, b = p[2] * a / 255;
      q[x] = (a << 24) | (r << 16) | (g << 8) | b;
    }
  }
  cairo_surface_mark_dirty (surface);
  return surface;
}

static gboolean
np_is_jpeg (const guint8 *data, gsize len)
{
  return len >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF;
}

static gboolean
np_is_png (const guint8 *data, gsize len)
{
  return len >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0;
}

/* Where the entropy-coded data that starts at `i` ends: at the next marker
 * other than a restart marker (ITU-T T.81 B.1.1.5: a 0xFF in the data is
 * followed by 0x00). */
static gsize
np_jpeg_skip_scan (const guint8 *p, gsize len, gsize i)
{
  for (;;) {
    const guint8 *ff = memchr (p + i, 0xFF, len - i);
    if (!ff || (gsize) (ff - p) + 1 >= len)
      return len;
    i = (gsize) (ff - p);
    guint8 next = p[i + 1];
    if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7))
      return i;
    i += 2;
  }
}

/* Walks the markers of a JPEG (ITU-T T.81 Annex B).  Returns TRUE when the
 * data reaches its end-of-image marker: libjpeg fills a JPEG cut short
 * with grey and only warns.  Sets `components` from the frame header (4
 * for CMYK), or 0 when there is none. */
static gboolean
np_jpeg_scan (const guint8 *p, gsize len, int *components)
{
  *components = 0;
  gsize i = 2; /* after SOI */
  while (i + 1 < len) {
    if (p[i] != 0xFF) { /* stray bytes, which libjpeg passes over too */
      i = np_jpeg_skip_scan (p, len, i);
      continue;
    }
    guint8 m = p[i + 1];
    if (m == 0xFF) { /* fill byte */
      i++;
      continue;
    }
    if (m == 0xD9) /* EOI */
      return TRUE;
    if (m == 0x01 || (m >= 0xD0 && m <= 0xD7)) { /* no length */
      i += 2;
      continue;
    }
    if (i + 4 > len)
      return FALSE;
    gsize size = (gsize) p[i + 2] << 8 | p[i + 3];
    gboolean frame = m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 &&
                     m != 0xCC; /* SOFn, not DHT, JPG or DAC */
    if (frame && size >= 8 && i + 9 < len)
      *components = p[i + 9];
    if (size < 2)
      return FALSE;
    i += 2 + size;
    if (m == 0xDA && i < len) /* SOS */
      i = np_jpeg_skip_scan (p, len, i);
  }
  return FALSE;
}

/* Walks the chunks of a PNG (ISO/IEC 15948, 5.3).  Returns TRUE when the
 * data reaches its IEND chunk: gdk-pixbuf takes a PNG cut short for
 * whole, with the rest of its rows left as they were. */
static gboolean
np_png_scan (const guint8 *p, gsize len)
{
  gsize i = 8; /* after the signature */
  while (i + 8 <= len) {
    gsize size = (gsize) p[i] << 24 | (gsize) p[i + 1] << 16 |
                 (gsize) p[i + 2] << 8 | p[i + 3];
    if (memcmp (p + i + 4, "IEND", 4) == 0)
      return TRUE;
    if (size > len - i - 8)
      return FALSE;
    i += 12 + size; /* length, type, data, CRC */
  }
  return FALSE;
}

/* What decoding learns besides the pixels. */
typedef struct {
  int max_side;       /* pixels; the largest side to decode at */
  int width, height;  /* pixels, as stored in the file */
  gboolean too_large; /* refused before decoding */
} NpDecodeSize;

/* Scales the photo to its print size while it is decoded (libjpeg decodes
 * at 1/2, 1/4 or 1/8 of the size for less), never above its own size, and
 * stops a photo with too many pixels before any are decoded:
 * gdk_pixbuf_loader_set_size (0, 0) makes the loader give up. */
static void
np_on_size_prepared (GdkPixbufLoader *loader, int width, int height,
                     gpointer data)
{
  NpDecodeSize *size = data;
  size->width = width;
  size->height = height;
  if ((double) width * height > NP_PHOTO_MAX_PIXELS) {
    size->too_large = TRUE;
    gdk_pixbuf_loader_set_size (loader, 0, 0);
    return;
  }
  int side = MAX (width, height);
  if (side <= size->max_side)
    return;
  double scale = (double) size->max_side / side;
  gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * scale + 0.5)),
                              MAX (1, (int) (height * scale + 0.5)));
}

/* Bytes given to the loader at a time. */
#define NP_FEED ((gsize) 64 * 1024)

/* The image in `data`, decoded by gdk-pixbuf's loader for `type` only (no
 * guessing among the other formats it knows), or NULL with `error` set. */
static GdkPixbuf *
np_decode (const guint8 *data, gsize len, const char *type, NpDecodeSize *size,
           const char *name, GError **error)
{
  g_autoptr (GdkPixbufLoader) loader =
    gdk_pixbuf_loader_new_with_type (type, NULL);
  if (!loader) {
    g_set_error (error, NP_ERROR, NP_ERROR_INTERNAL,
                 "%s: gdk-pixbuf has no %s loader installed", name, type);
    return NULL;
  }
  g_signal_connect (loader, "size-prepared", G_CALLBACK (np_on_size_prepared),
                    size);
  g_autoptr (GError) why = NULL;
  gboolean ok = TRUE;
  /* In pieces: libpng would go on inflating the rest of one big write
   * after the size has been refused. */
  for (gsize at = 0; ok && !size->too_large && at < len; at += NP_FEED)
    ok = gdk_pixbuf_loader_write (loader, data + at, MIN (NP_FEED, len - at),
                                  &why);
  ok = gdk_pixbuf_loader_close (loader, ok ? &why : NULL) && ok;
  if (size->too_large) {
    g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                 "%s: %d x %d pixels is too large a photo (the limit is %.0f "
                 "megapixels): scale it down first",
                 name, size->width, size->height, NP_PHOTO_MAX_PIXELS / 1e6);
    return NULL;
  }
  GdkPixbuf *pixbuf = ok ? gdk_pixbuf_loader_get_pixbuf (loader) : NULL;
  if (!pixbuf) {
    g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                 "%s: not a readable JPEG or PNG image (%s)", name,
                 why ? why->message : "no image");
    return NULL;
  }
  return g_object_ref (pixbuf);
}

/* The photo's pixels as a JPEG, for Cairo to embed: the file's own bytes
 * (`data`, taken) when they will do, else the decoded pixels encoded
 * again; NULL, and Cairo embeds the pixels, when that fails. */
static void
np_attach_jpeg (cairo_surface_t *surface, GdkPixbuf *pixbuf, guint8 *data,
                gsize len, gboolean as_is)
{
  gchar *jpeg = NULL;
  gsize jpeg_len = 0;
  if (as_is) {
    jpeg = (gchar *) data;
    jpeg_len = len;
  } else {
    g_free (data);
    if (!gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &jpeg_len, "jpeg", NULL,
                                    "quality", NP_PHOTO_JPEG_QUALITY, NULL))
      return;
  }
  if (cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_JPEG,
                                   (const unsigned char *) jpeg, jpeg_len,
                                   g_free, jpeg) != CAIRO_STATUS_SUCCESS)
    g_free (jpeg);
}

NpPhoto *
np_photo_new_from_data (guint8 *data, gsize len, const char *path,
                        double max_extent, GError **error)
{
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_autofree guint8 *owned = data; /* until handed to Cairo */
  g_autofree char *name = g_filename_display_name (path);
  gboolean jpeg = np_is_jpeg (data, len);
  int components = 0;
  const char *wrong = NULL;
  if (!jpeg && !np_is_png (data, len))
    wrong = "neither JPEG nor PNG data";
  else if (jpeg && !np_jpeg_scan (data, len, &components))
    wrong = "the JPEG data stops short: the file is cut off or damaged";
  else if (!jpeg && !np_png_scan (data, len))
    wrong = "the PNG data stops short: the file is cut off or damaged";
  if (wrong) {
    g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                 "%s: not a readable JPEG or PNG image (%s)", name, wrong);
    return NULL;
  }

  double side = ceil (max_extent / 72.0 * NP_PHOTO_DPI);
  NpDecodeSize size = { .max_side = (int) CLAMP (side, 1, NP_CAIRO_MAX_SIDE) };
  GdkPixbuf *pixbuf =
    np_decode (data, len, jpeg ? "jpeg" : "png", &size, name, error);
  if (!pixbuf)
    return NULL;
  cairo_surface_t *surface = np_surface_from_pixbuf (pixbuf);
  if (!surface) {
    g_set_error (error, NP_ERROR, NP_ERROR_INTERNAL,
                 "%s: no memory for the photo's %d x %d pixels", name,
                 gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf));
    g_object_unref (pixbuf);
    return NULL;
  }
  NpPhoto *photo = g_new0 (NpPhoto, 1);
  photo->path = g_strdup (path);
  photo->surface = surface;
  const char *orientation = gdk_pixbuf_get_option (pixbuf, "orientation");
  photo->orientation = orientation ? atoi (orientation) : 1;
  if (photo->orientation < 1 || photo->orientation > 8)
    photo->orientation = 1;
  int w = gdk_pixbuf_get_width (pixbuf), h = gdk_pixbuf_get_height (pixbuf);
  gboolean turned = photo->orientation >= 5; /* a quarter turn */
  photo->width = turned ? h : w;
  photo->height = turned ? w : h;
  if (jpeg) {
    gboolean scaled = w != size.width || h != size.height;
    np_attach_jpeg (surface, pixbuf, g_steal_pointer (&owned), len,
                    !scaled && components != 4);
  }
  g_object_unref (pixbuf);
  return photo;
}

static NpPhoto *
np_photo_load (const char *path, double max_extent, GError **error)
{
  g_autofree char *name = g_filename_display_name (path);
  GByteArray *bytes =
    np_source_read_file_max (path, name, NP_PHOTO_MAX_BYTES, error);
  if (!bytes)
    return NULL;
  gsize len = bytes->len;
  guint8 *data = g_byte_array_free (bytes, FALSE);
  return np_photo_new_from_data (data, len, path, max_extent, error);
}

void
np_photo_free (NpPhoto *photo)
{
  if (!photo)
    return;
  cairo_surface_destroy (photo->surface);
  g_free (photo->path);
  g_free (photo);
}

/* A photo file and its place in the order a file manager shows:
 * IMG_9.jpg before IMG_10.jpg. */
/* A file manager's order: IMG_9 before IMG_10.  Compares two names by
 * their g_utf8_collate_key_for_filename () keys, kept in `keys`. */
static int
np_compare_files (gconstpointer a, gconstpointer b, gpointer keys)
{
  const char *x = *(const char *const *) a, *y = *(const char *const *) b;
  int by_key = strcmp (g_hash_table_lookup (keys, x),
                       g_hash_table_lookup (keys, y));
  return by_key ? by_key : strcmp (x, y);
}

GPtrArray *
np_photos_list (const char *dir, GError **error)
{
  g_autofree char *name = g_filename_display_name (dir);
  GError *why = NULL;
  GDir *folder = g_dir_open (dir, 0, &why);
  if (!folder) {
    /* GLib's message names the folder again: say only what is wrong. */
    GStatBuf st;
    const char *reason = g_stat (dir, &st) != 0 ? g_strerror (errno)
                         : !S_ISDIR (st.st_mode) ? "not a folder"
                                                 : why->message;
    g_set_error (error, NP_ERROR, NP_ERROR_NO_INPUT,
                 "%s: cannot open the photo folder: %s", name, reason);
    g_error_free (why);
    return NULL;
  }
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) keys =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (const char *f; (f = g_dir_read_name (folder));)
    if (np_is_photo_name (f)) {
      char *file = g_strdup (f);
      g_autofree char *shown = g_filename_display_name (f);
      g_hash_table_insert (keys, file,
                           g_utf8_collate_key_for_filename (shown, -1));
      g_ptr_array_add (files, file);
    }
  g_dir_close (folder);
  g_ptr_array_sort_with_data (files, np_compare_files, keys);
  return files;
}

GPtrArray *
np_photos_load (const char *dir, guint count, double max_extent,
                GPtrArray *warnings, GError **error)
{
  g_autoptr (GPtrArray) files = np_photos_list (dir, error);
  if (!files)
    return NULL;
  GPtrArray *photos =
    g_ptr_array_new_with_free_func ((GDestroyNotify) np_photo_free);
  g_ptr_array_set_size (photos, count);
  char **chosen = g_new0 (char *, count);
  gboolean *used = g_new0 (gboolean, files->len);
  /* First the files named after their caption, then the rest in order. */
  for (guint i = 0; i < files->len; i++) {
    char *file = files->pdata[i];
    guint n = np_caption_number (file);
    if (n >= 1 && n <= count && !chosen[n - 1]) {
      chosen[n - 1] = file;
      used[i] = TRUE;
    }
  }
  guint next = 0, spare = 0;
  for (guint i = 0; i < files->len; i++) {
    if (used[i])
      continue;
    while (next < count && chosen[next])
      next++;
    if (next < count)
      chosen[next] = files->pdata[i];
    else
      spare++;
  }
  gboolean ok = TRUE;
  for (guint c = 0; ok && c < count; c++) {
    if (!chosen[c])
      continue;
    g_autofree char *path = g_build_filename (dir, chosen[c], NULL);
    photos->pdata[c] = np_photo_load (path, max_extent, error);
    ok = photos->pdata[c] != NULL;
  }
  if (ok && spare > 0)
    g_ptr_array_add (warnings, g_strdup_printf (
      "%u photos in %s have no caption to go with", spare, dir));
  g_free (chosen);
  g_free (used);
  if (!ok)
    g_clear_pointer (&photos, g_ptr_array_unref);
  return photos;
}
