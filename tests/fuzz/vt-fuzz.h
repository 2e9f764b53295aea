/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-fuzz.h: the entry point every fuzz target defines.
 *
 * Built two ways (tests/fuzz/meson.build): with clang's libFuzzer for a
 * bounded fuzzing run (build-aux/fuzz), and in every ordinary build with
 * vt-fuzz-replay.c, which feeds the seed corpus through the same entry
 * point as a test, so that CI runs each target on every input that ever
 * found a bug, under the sanitizers too. */
#pragma once

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
