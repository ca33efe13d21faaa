#ifndef PLANTRACK_CYAML_SHIM_H
#define PLANTRACK_CYAML_SHIM_H
#include <yaml.h>
#endif
