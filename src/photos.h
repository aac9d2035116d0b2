/* photos.h: a folder of photos -> pictures for the photo frames. */
#ifndef NP_PHOTOS_H
#define NP_PHOTOS_H

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* One photo, decoded.  A JPEG keeps its file's bytes, which the PDF embeds
 * as they are (no re-encoding); the pixels serve PNG and SVG proofs. */
typedef struct {
  char *path;
  cairo_surface_t *surface; /* pixels as stored, before EXIF orientation */
  int orientation;          /* EXIF 1..8: how to turn them upright */
  int width, height;        /* pixels, upright */
} NpPhoto;

/* The photos for `count` captions, in caption order: a file named after a
 * caption's number (03.jpg, 3.png) goes to that caption; the other files,
 * sorted by name, fill the other captions in order.  Files other than
 * .jpg, .jpeg and .png are passed over.  The array (of NpPhoto*, NULL
 * where a caption has none) has `count` entries; photos left over add a
 * line to `warnings`.  Errors (NP_ERROR_NO_INPUT for the folder,
 * NP_ERROR_DATA for a file that is not a readable JPEG or PNG) name the
 * file. */
GPtrArray *np_photos_load (const char *dir, guint count, GPtrArray *warnings,
                           GError **error);

void np_photo_free (NpPhoto *photo); /* accepts NULL */

/* The names of the files in `dir` that np_photos_load reads (of char*,
 * newly allocated, in no order).  Errors: NP_ERROR_NO_INPUT. */
GPtrArray *np_photos_list (const char *dir, GError **error);

G_END_DECLS

#endif
