/* photos.c: a folder of photos -> pictures for the photo frames.
 *
 * Contract: finds the photos meant for the captions, decodes them with
 * gdk-pixbuf (JPEG, PNG), reads their EXIF orientation, and hands Cairo
 * image surfaces; a JPEG's own bytes ride along as MIME data, which
 * Cairo's PDF back end embeds unchanged.  Layout and drawing are not here.
 */
#include "photos.h"

#include <stdlib.h>
#include <string.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "error.h"

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
 * 0xAARRGGBB). */
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
  cairo_surface_flush (surface);
  guint8 *out = cairo_image_surface_get_data (surface);
  int out_stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < h; y++) {
    const guint8 *p = in + y * in_stride;
    guint32 *q = (guint32 *) (out + y * out_stride);
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
np_is_jpeg (const char *data, gsize len)
{
  return len >= 3 && (guint8) data[0] == 0xFF && (guint8) data[1] == 0xD8 &&
         (guint8) data[2] == 0xFF;
}

/* The image in `data`, or NULL with `why` set. */
static GdkPixbuf *
np_decode (const char *data, gsize len, GError **why)
{
  GdkPixbufLoader *loader = gdk_pixbuf_loader_new ();
  gboolean ok = gdk_pixbuf_loader_write (loader, (const guchar *) data, len,
                                         why);
  ok = gdk_pixbuf_loader_close (loader, ok ? why : NULL) && ok;
  GdkPixbuf *pixbuf = ok ? gdk_pixbuf_loader_get_pixbuf (loader) : NULL;
  if (pixbuf)
    g_object_ref (pixbuf);
  else if (why && !*why)
    g_set_error_literal (why, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE,
                         "no image");
  g_object_unref (loader);
  return pixbuf;
}

static NpPhoto *
np_photo_load (const char *path, GError **error)
{
  g_autofree char *name = g_filename_display_name (path);
  char *data = NULL;
  gsize len = 0;
  GError *why = NULL;
  if (!g_file_get_contents (path, &data, &len, &why)) {
    g_set_error (error, NP_ERROR, NP_ERROR_NO_INPUT, "%s: cannot read: %s",
                 name, why->message);
    g_error_free (why);
    return NULL;
  }
  GdkPixbuf *pixbuf = np_decode (data, len, &why);
  if (!pixbuf) {
    g_set_error (error, NP_ERROR, NP_ERROR_DATA,
                 "%s: not a readable JPEG or PNG image (%s)", name,
                 why->message);
    g_error_free (why);
    g_free (data);
    return NULL;
  }
  NpPhoto *photo = g_new0 (NpPhoto, 1);
  photo->path = g_strdup (path);
  const char *orientation = gdk_pixbuf_get_option (pixbuf, "orientation");
  photo->orientation = orientation ? atoi (orientation) : 1;
  if (photo->orientation < 1 || photo->orientation > 8)
    photo->orientation = 1;
  photo->surface = np_surface_from_pixbuf (pixbuf);
  int w = gdk_pixbuf_get_width (pixbuf), h = gdk_pixbuf_get_height (pixbuf);
  gboolean turned = photo->orientation >= 5; /* a quarter turn */
  photo->width = turned ? h : w;
  photo->height = turned ? w : h;
  g_object_unref (pixbuf);
  if (np_is_jpeg (data, len))
    cairo_surface_set_mime_data (photo->surface, CAIRO_MIME_TYPE_JPEG,
                                 (const unsigned char *) data, len, g_free,
                                 data);
  else
    g_free (data);
  return photo;
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

static int
np_compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

GPtrArray *
np_photos_list (const char *dir, GError **error)
{
  g_autofree char *name = g_filename_display_name (dir);
  GError *why = NULL;
  GDir *folder = g_dir_open (dir, 0, &why);
  if (!folder) {
    g_set_error (error, NP_ERROR, NP_ERROR_NO_INPUT, "%s: %s", name,
                 why->message);
    g_error_free (why);
    return NULL;
  }
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  for (const char *f; (f = g_dir_read_name (folder));)
    if (np_is_photo_name (f))
      g_ptr_array_add (files, g_strdup (f));
  g_dir_close (folder);
  return files;
}

GPtrArray *
np_photos_load (const char *dir, guint count, GPtrArray *warnings,
                GError **error)
{
  g_autoptr (GPtrArray) files = np_photos_list (dir, error);
  if (!files)
    return NULL;
  g_ptr_array_sort (files, np_compare_names);
  GPtrArray *photos =
    g_ptr_array_new_with_free_func ((GDestroyNotify) np_photo_free);
  g_ptr_array_set_size (photos, count);
  char **chosen = g_new0 (char *, count);
  gboolean *used = g_new0 (gboolean, files->len);
  /* First the files named after their caption, then the rest in order. */
  for (guint i = 0; i < files->len; i++) {
    guint n = np_caption_number (files->pdata[i]);
    if (n >= 1 && n <= count && !chosen[n - 1]) {
      chosen[n - 1] = files->pdata[i];
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
    photos->pdata[c] = np_photo_load (path, error);
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
