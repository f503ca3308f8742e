#pragma once
/// \file sensitivity.hpp
/// Umbrella header of the sensitivity family: Sobol' sequence, Saltelli design and Sobol'
/// indices, rank statistics, bootstrap over units, Monte Carlo over modelling assumptions.
#include "methods/stats/bootstrap_units.hpp"
#include "methods/sensitivity/index_sensitivity.hpp"
#include "methods/stats/rank_stats.hpp"
#include "methods/sensitivity/sobol_indices.hpp"
#include "methods/sensitivity/sobol_sequence.hpp"
#include "methods/sensitivity/uncertainty.hpp"
