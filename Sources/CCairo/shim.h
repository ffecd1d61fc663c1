/* Cairo (PNG, PDF, SVG surfaces) and fontconfig/FreeType font selection for Sources/Reports. */
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo-ft.h>   /* brings <ft2build.h> and <fontconfig/fontconfig.h> */
