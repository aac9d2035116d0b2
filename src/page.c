/* page.c: the positioned page model (see page.h). */
#include "page.h"

static void
np_page_free (NpPage *page)
{
  g_array_free (page->items, TRUE);
  g_free (page);
}

NpPages *
np_pages_new (void)
{
  NpPages *pages = g_new0 (NpPages, 1);
  pages->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) np_page_free);
  pages->paragraphs =
    g_ptr_array_new_with_free_func ((GDestroyNotify) np_paragraph_free);
  pages->bookmarks = g_array_new (FALSE, FALSE, sizeof (NpBookmark));
  return pages;
}

void
np_pages_free (NpPages *pages)
{
  if (!pages)
    return;
  g_ptr_array_free (pages->pages, TRUE);
  g_ptr_array_free (pages->paragraphs, TRUE);
  for (guint i = 0; i < pages->bookmarks->len; i++)
    g_free (g_array_index (pages->bookmarks, NpBookmark, i).title);
  g_array_free (pages->bookmarks, TRUE);
  g_free (pages->keywords);
  if (pages->photos)
    g_ptr_array_unref (pages->photos);
  g_free (pages->language);
  g_free (pages->title);
  g_free (pages->author);
  g_free (pages->subject);
  g_clear_pointer (&pages->created, g_date_time_unref);
  g_free (pages);
}

NpPage *
np_pages_add_page (NpPages *pages, double width, double height)
{
  NpPage *page = g_new0 (NpPage, 1);
  page->width = width;
  page->height = height;
  page->items = g_array_new (FALSE, TRUE, sizeof (NpItem));
  g_ptr_array_add (pages->pages, page);
  return page;
}

const NpParagraph *
np_pages_keep (NpPages *pages, NpParagraph *paragraph)
{
  g_ptr_array_add (pages->paragraphs, paragraph);
  return paragraph;
}

void
np_page_add_text (NpPage *page, const NpParagraph *paragraph,
                  const NpLine *line, double x, double baseline)
{
  if (!page)
    return;
  NpItem item = { .kind = NP_ITEM_TEXT, .x = x, .y = baseline,
                  .paragraph = paragraph, .line = line, .tag = page->tag,
                  .element = page->element, .table = page->table,
                  .row = page->row };
  g_array_append_val (page->items, item);
}

void
np_page_add_box (NpPage *page, double x, double y, double w, double h,
                 const NpColor *fill, const NpColor *stroke,
                 double stroke_width)
{
  if (!page)
    return;
  NpItem item = { .kind = NP_ITEM_BOX, .x = x, .y = y, .w = w, .h = h,
                  .filled = fill != NULL, .stroked = stroke != NULL,
                  .stroke_width = stroke_width };
  if (fill)
    item.fill = *fill;
  if (stroke)
    item.stroke = *stroke;
  /* A photo frame belongs to its figure; other boxes are artifacts. */
  if (page->tag == NP_TAG_FIGURE) {
    item.tag = NP_TAG_FIGURE;
    item.element = page->element;
  }
  g_array_append_val (page->items, item);
}

void
np_page_add_rule (NpPage *page, double x0, double y0, double x1, double y1,
                  const NpColor *color, double width)
{
  if (!page)
    return;
  NpItem item = { .kind = NP_ITEM_RULE, .x = x0, .y = y0, .w = x1 - x0,
                  .h = y1 - y0, .stroked = TRUE, .stroke = *color,
                  .stroke_width = width };
  g_array_append_val (page->items, item);
}

void
np_page_tag (NpPage *page, NpTag tag)
{
  if (!page)
    return;
  page->tag = tag;
  page->element = ++page->count;
  if (tag != NP_TAG_TH && tag != NP_TAG_TD)
    page->table = page->row = 0;
}

void
np_page_tag_table (NpPage *page)
{
  if (page)
    page->table = ++page->count;
}

void
np_page_tag_row (NpPage *page)
{
  if (page)
    page->row = ++page->count;
}

void
np_pages_add_bookmark (NpPages *pages, const char *title, guint page,
                       double y, guint level)
{
  NpBookmark mark = { g_strdup (title), page, y, level };
  g_array_append_val (pages->bookmarks, mark);
}

void
np_page_add_photo (NpPage *page, const NpPhoto *photo, double x, double y,
                   double w, double h)
{
  if (!page)
    return;
  NpItem item = { .kind = NP_ITEM_PHOTO, .x = x, .y = y, .w = w, .h = h,
                  .photo = photo, .tag = page->tag,
                  .element = page->element };
  g_array_append_val (page->items, item);
}
