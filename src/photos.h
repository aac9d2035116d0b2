/* photos.h: a folder of photos -> pictures for the photo frames. */
#ifndef NP_PHOTOS_H
#define NP_PHOTOS_H

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* One photo, decoded at most at the size it prints at 300 dpi.  A JPEG
 * keeps its file's bytes, which the PDF embeds as they are (no
 * re-encoding), unless it is CMYK or had to be scaled; the pixels serve
 * PNG and SVG proofs. */
typedef struct {
  char *path;
  cairo_surface_t *surface; /* pixels as stored, before EXIF orientation */
  int orientation;          /* EXIF 1..8: how to turn them upright */
  int width, height;        /* pixels, upright, as decoded */
} NpPhoto;

/* The photos for `count` captions, in caption order: a file named after a
 * caption's number (03.jpg, 3.png) goes to that caption; the other files,
 * in the order a file manager shows them (IMG_9.jpg before IMG_10.jpg),
 * fill the other captions in order.  Files other than .jpg, .jpeg and
 * .png are passed over.  `max_extent` (points) is the longest side any
 * frame can have; no photo is decoded at more pixels than that needs.
 * The array (of NpPhoto*, NULL where a caption has none) has `count`
 * entries; photos left over add a line to `warnings`.  Errors name the
 * file: NP_ERROR_NO_INPUT for the folder or a file that cannot be read
 * or is not a regular file, NP_ERROR_DATA for a file that is not a
 * readable JPEG or PNG, is cut short, is too large (64 MiB) or has too
 * many pixels (100 megapixels). */
GPtrArray *np_photos_load (const char *dir, guint count, double max_extent,
                           GPtrArray *warnings, GError **error);

/* One photo from a file's bytes, `data` (taken, g_free()d); `path` names
 * it.  Errors as np_photos_load (). */
NpPhoto *np_photo_new_from_data (guint8 *data, gsize len, const char *path,
                                 double max_extent, GError **error);

void np_photo_free (NpPhoto *photo); /* accepts NULL */

/* The names of the files in `dir` that np_photos_load reads (of char*,
 * newly allocated), in a file manager's order.  Errors: NP_ERROR_NO_INPUT. */
GPtrArray *np_photos_list (const char *dir, GError **error);

G_END_DECLS

#endif
