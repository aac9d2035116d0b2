/* error.c: the NP_ERROR domain, and the words its messages share. */
/* S_ISSOCK is POSIX, not C11. */
#define _POSIX_C_SOURCE 200809L

#include "error.h"

#include <sys/stat.h>

G_DEFINE_QUARK (newsprint-error-quark, np_error)

const char *
np_file_kind (unsigned int mode)
{
  if (S_ISDIR (mode))
    return "a directory";
  if (S_ISFIFO (mode))
    return "a named pipe";
  if (S_ISSOCK (mode))
    return "a socket";
  if (S_ISCHR (mode))
    return "a device";
  if (S_ISBLK (mode))
    return "a block device";
  return "a special file";
}
