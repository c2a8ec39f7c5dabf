// CaDiCaL's C API (Debian: libcadical-dev). Package.swift adds this target only when the header is installed.
#include <ccadical.h>
