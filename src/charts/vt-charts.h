/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-charts.h: every chart, for code that uses several. */
#pragma once

#include "vt-chart.h"
#include "vt-chart-distribution.h"
#include "vt-chart-export.h"
#include "vt-chart-funnel.h"
#include "vt-chart-heatmap.h"
#include "vt-chart-progress.h"
#include "vt-chart-radar.h"
#include "vt-chart-ranking.h"
#include "vt-chart-style.h"
#include "vt-chart-timeline.h"
