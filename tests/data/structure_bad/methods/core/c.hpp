#pragma once
// Upward include: core must not know a method family.
#include "methods/weighting/w.hpp"
