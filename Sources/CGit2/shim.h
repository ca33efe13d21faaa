#ifndef PLANTRACK_CGIT2_SHIM_H
#define PLANTRACK_CGIT2_SHIM_H
#include <git2.h>
#endif
