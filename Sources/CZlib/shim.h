/* zlib (deflate, crc32) for the PNG encoder in Sources/Reports/Output. */
#include <zlib.h>
