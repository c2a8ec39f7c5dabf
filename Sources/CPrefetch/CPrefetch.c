// The target's one source file (a C target needs one); everything is in include/CPrefetch.h.
#include "CPrefetch.h"
