// Another family's detail/ and a same-row include.
#include "methods/weighting/detail/h.hpp"
#include "methods/delphi/d.hpp"
int v() { return 1; }
