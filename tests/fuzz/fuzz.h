/*
 * fuzz: what the libFuzzer targets share.  A broken invariant aborts with
 * the check that failed, so libFuzzer saves the input as a crash.
 */
#ifndef PARALLAX_FUZZ_H
#define PARALLAX_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../invariants.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_ASSERT(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: broken: %s\n", __FILE__,	\
		    __LINE__, #cond);					\
		abort();						\
	}								\
} while (0)

/* Aborts with the message of a failed invariant check. */
#define FUZZ_CHECK(call) do {						\
	const char *fuzz_error_ = (call);				\
	if (fuzz_error_ != NULL) {					\
		fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__,	\
		    #call, fuzz_error_);				\
		abort();						\
	}								\
} while (0)

#endif
