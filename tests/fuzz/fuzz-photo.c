/* fuzz-photo.c: libFuzzer target for photos (photos.c).
 *
 * The bytes go through np_photo_new_from_data(), what --photos does with
 * each file it reads: sniffing, the JPEG and PNG structure walks, the
 * size check and gdk-pixbuf's decoding at print size, the Cairo surface
 * and the JPEG that the PDF embeds.  A bad photo must give an error, never
 * a crash, a leak or a GLib critical, so criticals and warnings abort
 * here.
 */
#include <stdint.h>
#include <string.h>

#include "error.h"
#include "fuzzutil.h"
#include "photos.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The longest side of a frame on an A4 page with the default margins,
 * points: photos are decoded at up to 300 dpi of it. */
#define FUZZ_MAX_EXTENT 493.0

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  np_fuzz_init ("fuzz-photo");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  guint8 *copy = g_malloc (size ? size : 1);
  if (size)
    memcpy (copy, data, size);
  GError *error = NULL;
  NpPhoto *photo =
    np_photo_new_from_data (copy, size, "fuzz.jpg", FUZZ_MAX_EXTENT, &error);
  g_assert ((photo == NULL) != (error == NULL));
  if (error) {
    g_assert (error->domain == NP_ERROR);
    g_error_free (error);
  } else {
    /* What draw.c asks of a photo. */
    g_assert (cairo_surface_status (photo->surface) == CAIRO_STATUS_SUCCESS);
    g_assert (photo->orientation >= 1 && photo->orientation <= 8);
    g_assert (photo->width >= 1 && photo->height >= 1);
    g_assert (MAX (photo->width, photo->height) <=
              FUZZ_MAX_EXTENT / 72.0 * 300.0 + 1);
  }
  np_photo_free (photo);
  return 0;
}
