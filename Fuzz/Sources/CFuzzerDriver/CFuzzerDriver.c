// The declaration in include/CFuzzerDriver.h is all there is; a C target needs a source file.
#include "CFuzzerDriver.h"
