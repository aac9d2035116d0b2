/* test-photos.c: unit tests of photos.c (a folder of photos -> pictures).
 *
 * Photos are made with gdk-pixbuf; the kinds it cannot write (CMYK,
 * progressive, restart markers) are the fuzzer's seeds in
 * tests/fuzz/corpus-photo/. */
#include "error.h"
#include "photos.h"
#include "testutil.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>

/* An A4 page's text width, points: 300 dpi of it is 2055 pixels. */
#define TEXT_WIDTH 493.0
#define MAX_SIDE   2055

/* A `w` x `h` photo of one colour, as `type` ("jpeg", "png") bytes. */
static GByteArray *
make_photo (int w, int h, guint32 rgb, const char *type)
{
  g_autoptr (GdkPixbuf) pixbuf =
    gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, w, h);
  gdk_pixbuf_fill (pixbuf, rgb << 8 | 0xff);
  gchar *data = NULL;
  gsize len = 0;
  GError *error = NULL;
  gdk_pixbuf_save_to_buffer (pixbuf, &data, &len, type, &error, NULL);
  g_assert_no_error (error);
  return g_byte_array_new_take ((guint8 *) data, len);
}

static GByteArray *
read_seed (const char *name)
{
  g_autofree char *path = g_build_filename (np_test_source_dir (), "tests",
                                            "fuzz", "corpus-photo", name, NULL);
  gchar *data = NULL;
  gsize len = 0;
  GError *error = NULL;
  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_byte_array_new_take ((guint8 *) data, len);
}

/* np_photo_new_from_data () on a copy of the first `len` bytes. */
static NpPhoto *
load (const GByteArray *bytes, gsize len, GError **error)
{
  return np_photo_new_from_data (g_memdup2 (bytes->data, len), len, "photo.jpg",
                                 TEXT_WIDTH, error);
}

static void
assert_refused (const GByteArray *bytes, gsize len, const char *want)
{
  GError *error = NULL;
  NpPhoto *photo = load (bytes, len, &error);
  g_assert_null (photo);
  g_assert_error (error, NP_ERROR, NP_ERROR_DATA);
  g_assert_cmpstr (error->message, ==, want);
  g_error_free (error);
}

/* The JPEG bytes Cairo will embed, or NULL. */
static const guint8 *
embedded_jpeg (const NpPhoto *photo, gsize *len)
{
  const unsigned char *data = NULL;
  unsigned long n = 0;
  cairo_surface_get_mime_data (photo->surface, CAIRO_MIME_TYPE_JPEG, &data, &n);
  *len = n;
  return data;
}

/* The colour of the middle pixel, 0xRRGGBB.  (No cairo_surface_flush ():
 * it would drop the MIME data.) */
static guint32
middle_colour (const NpPhoto *photo)
{
  cairo_surface_t *s = photo->surface;
  const guint8 *row =
    cairo_image_surface_get_data (s) +
    cairo_image_surface_get_height (s) / 2 * cairo_image_surface_get_stride (s);
  guint32 pixel =
    ((const guint32 *) row)[cairo_image_surface_get_width (s) / 2];
  return pixel & 0xffffff;
}

/* A photo that fits goes into the PDF as its own bytes. */
static void
test_jpeg_as_is (void)
{
  g_autoptr (GByteArray) jpeg = make_photo (400, 300, 0x2040c0, "jpeg");
  GError *error = NULL;
  NpPhoto *photo = load (jpeg, jpeg->len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (photo->width, ==, 400);
  g_assert_cmpint (photo->height, ==, 300);
  gsize len = 0;
  const guint8 *embedded = embedded_jpeg (photo, &len);
  g_assert_nonnull (embedded);
  g_assert_cmpmem (embedded, len, jpeg->data, jpeg->len);
  np_photo_free (photo);
}

/* A photo wider than Cairo's 32767 pixels is decoded at the size it
 * prints at 300 dpi, and encoded again at that size. */
static void
test_scaled (gconstpointer data)
{
  const char *type = data;
  g_autoptr (GByteArray) wide = make_photo (40000, 20, 0x2040c0, type);
  GError *error = NULL;
  NpPhoto *photo = load (wide, wide->len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (photo->width, ==, MAX_SIDE);
  g_assert_cmpint (photo->height, ==, 1);
  g_assert_cmpint (cairo_image_surface_get_width (photo->surface), ==,
                   MAX_SIDE);
  gsize len = 0;
  const guint8 *embedded = embedded_jpeg (photo, &len);
  if (strcmp (type, "jpeg") == 0) {
    g_assert_nonnull (embedded);
    g_assert_cmpmem (embedded, MIN (len, 3), "\xff\xd8\xff", 3);
    g_assert_true (len < wide->len);
  } else
    g_assert_null (embedded); /* a PNG stays lossless */
  np_photo_free (photo);
}

/* The CRC of PNG chunks (ISO/IEC 15948, annex D). */
static guint32
png_crc (const guint8 *p, gsize len)
{
  guint32 crc = 0xffffffff;
  for (gsize i = 0; i < len; i++) {
    crc ^= p[i];
    for (int k = 0; k < 8; k++)
      crc = crc & 1 ? 0xedb88320 ^ (crc >> 1) : crc >> 1;
  }
  return crc ^ 0xffffffff;
}

/* A header promising over 100 megapixels is refused before decoding. */
static void
test_too_many_pixels (void)
{
  g_autoptr (GByteArray) png = make_photo (16, 16, 0, "png");
  /* IHDR's width and height, after the signature and the chunk's length
   * and type; then its CRC, over type and data. */
  guint8 big[] = { 0, 0, 0x2a, 0xf8, 0, 0, 0x27, 0x10 }; /* 11000 x 10000 */
  memcpy (png->data + 16, big, sizeof big);
  guint32 crc = png_crc (png->data + 12, 4 + 13);
  guint8 be[] = { crc >> 24, crc >> 16 & 0xff, crc >> 8 & 0xff, crc & 0xff };
  memcpy (png->data + 12 + 4 + 13, be, sizeof be);
  assert_refused (png, png->len,
                  "photo.jpg: 11000 x 10000 pixels is too large a photo (the "
                  "limit is 100 megapixels): scale it down first");
}

/* A JPEG cut short is refused, even when an EXIF thumbnail inside it has
 * an end-of-image marker of its own: the markers are walked, not searched
 * for. */
static void
test_jpeg_cut (void)
{
  g_autoptr (GByteArray) jpeg = make_photo (400, 300, 0x2040c0, "jpeg");
  g_autoptr (GByteArray) thumb = make_photo (8, 8, 0x2040c0, "jpeg");
  g_autoptr (GByteArray) cut = g_byte_array_new ();
  guint8 app1[4] = { 0xff, 0xe1, 0, 0 };
  gsize size = 2 + 6 + thumb->len;
  app1[2] = (guint8) (size >> 8);
  app1[3] = (guint8) size;
  g_byte_array_append (cut, jpeg->data, 2); /* SOI */
  g_byte_array_append (cut, app1, sizeof app1);
  g_byte_array_append (cut, (const guint8 *) "Exif\0\0", 6);
  g_byte_array_append (cut, thumb->data, thumb->len);
  g_byte_array_append (cut, jpeg->data + 2, jpeg->len - 2);

  GError *error = NULL;
  NpPhoto *whole = load (cut, cut->len, &error);
  g_assert_no_error (error);
  np_photo_free (whole);
  assert_refused (cut, cut->len - 100,
                  "photo.jpg: not a readable JPEG or PNG image (the JPEG "
                  "data stops short: the file is cut off or damaged)");
}

/* Stray bytes between two segments, which libjpeg passes over with a
 * warning, are no reason to refuse a photo. */
static void
test_jpeg_stray_bytes (void)
{
  g_autoptr (GByteArray) jpeg = make_photo (400, 300, 0x2040c0, "jpeg");
  gsize app0 = 4 + ((gsize) jpeg->data[4] << 8 | jpeg->data[5]);
  g_assert_cmphex (jpeg->data[2 + 1], ==, 0xe0); /* gdk-pixbuf writes JFIF */
  g_autoptr (GByteArray) stray = g_byte_array_new ();
  g_byte_array_append (stray, jpeg->data, (guint) app0);
  g_byte_array_append (stray, (const guint8 *) "\0\0", 2);
  g_byte_array_append (stray, jpeg->data + app0, jpeg->len - (guint) app0);
  GError *error = NULL;
  NpPhoto *photo = load (stray, stray->len, &error);
  g_assert_no_error (error);
  np_photo_free (photo);
}

static void
test_png_cut (void)
{
  g_autoptr (GByteArray) png = make_photo (400, 300, 0x2040c0, "png");
  assert_refused (png, png->len - 12, /* no IEND */
                  "photo.jpg: not a readable JPEG or PNG image (the PNG data "
                  "stops short: the file is cut off or damaged)");
}

/* JPEGs gdk-pixbuf cannot write are read whole: progressive, with restart
 * markers, grey. */
static void
test_jpeg_kinds (void)
{
  const char *seeds[] = { "progressive.jpg", "restart.jpg", "gray.jpg",
                          "exif-turned.jpg" };
  for (gsize i = 0; i < G_N_ELEMENTS (seeds); i++) {
    g_autoptr (GByteArray) jpeg = read_seed (seeds[i]);
    GError *error = NULL;
    NpPhoto *photo = load (jpeg, jpeg->len, &error);
    g_assert_no_error (error);
    gsize len = 0;
    g_assert_true (embedded_jpeg (photo, &len) != NULL);
    g_assert_cmpuint (len, ==, jpeg->len); /* as it is */
    np_photo_free (photo);
  }
}

/* Adobe CMYK (inverted): decoded red, and embedded as RGB, since Cairo
 * would write it without the /Decode that undoes the inversion. */
static void
test_cmyk (void)
{
  g_autoptr (GByteArray) cmyk = read_seed ("cmyk.jpg");
  GError *error = NULL;
  NpPhoto *photo = load (cmyk, cmyk->len, &error);
  g_assert_no_error (error);
  guint32 rgb = middle_colour (photo);
  g_assert_cmpuint (rgb >> 16, >, 0xe0);
  g_assert_cmpuint (rgb & 0xffff, <, 0x2020);
  gsize len = 0;
  const guint8 *embedded = embedded_jpeg (photo, &len);
  g_assert_nonnull (embedded);
  g_autoptr (GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_assert_true (gdk_pixbuf_loader_write (loader, embedded, len, NULL));
  g_assert_true (gdk_pixbuf_loader_close (loader, NULL));
  GdkPixbuf *again = gdk_pixbuf_loader_get_pixbuf (loader);
  g_assert_cmpint (gdk_pixbuf_get_n_channels (again), ==, 3);
  g_assert_cmpuint (gdk_pixbuf_read_pixels (again)[0], >, 0xe0);
  np_photo_free (photo);
}

static void
test_not_a_photo (void)
{
  const char *seeds[] = { "tiny.gif", "tiny.bmp" };
  for (gsize i = 0; i < G_N_ELEMENTS (seeds); i++) {
    g_autoptr (GByteArray) other = read_seed (seeds[i]);
    assert_refused (other, other->len,
                    "photo.jpg: not a readable JPEG or PNG image (neither "
                    "JPEG nor PNG data)");
  }
}

/* Files named after no caption follow in a file manager's order. */
static void
test_order (void)
{
  g_autofree char *dir = g_dir_make_tmp ("np-photos-XXXXXX", NULL);
  const char *names[] = { "IMG_10.jpg", "IMG_9.jpg", "2.jpg" };
  const int widths[] = { 100, 90, 80 };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++) {
    g_autoptr (GByteArray) jpeg = make_photo (widths[i], 50, 0, "jpeg");
    g_autofree char *path = g_build_filename (dir, names[i], NULL);
    g_assert_true (
      g_file_set_contents (path, (const char *) jpeg->data, jpeg->len, NULL));
  }
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  GError *error = NULL;
  g_autoptr (GPtrArray) photos =
    np_photos_load (dir, 3, TEXT_WIDTH, warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((NpPhoto *) photos->pdata[0])->width, ==, 90);  /* 9 */
  g_assert_cmpint (((NpPhoto *) photos->pdata[1])->width, ==, 80);  /* 2 */
  g_assert_cmpint (((NpPhoto *) photos->pdata[2])->width, ==, 100); /* 10 */
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++) {
    g_autofree char *path = g_build_filename (dir, names[i], NULL);
    g_remove (path);
  }
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/photos/jpeg/as-is", test_jpeg_as_is);
  g_test_add_data_func ("/photos/scaled/jpeg", "jpeg", test_scaled);
  g_test_add_data_func ("/photos/scaled/png", "png", test_scaled);
  g_test_add_func ("/photos/too-many-pixels", test_too_many_pixels);
  g_test_add_func ("/photos/jpeg/cut", test_jpeg_cut);
  g_test_add_func ("/photos/jpeg/stray-bytes", test_jpeg_stray_bytes);
  g_test_add_func ("/photos/png/cut", test_png_cut);
  g_test_add_func ("/photos/jpeg/kinds", test_jpeg_kinds);
  g_test_add_func ("/photos/jpeg/cmyk", test_cmyk);
  g_test_add_func ("/photos/not-a-photo", test_not_a_photo);
  g_test_add_func ("/photos/order", test_order);

  return g_test_run ();
}
