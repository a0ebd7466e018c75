/* bigarray: large growing arrays in mappings of their own (bigarray.h). */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "bigarray.h"
#include "xalloc.h"

#if defined(__SANITIZE_ADDRESS__)
#define BIGARRAY_ON_HEAP 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BIGARRAY_ON_HEAP 1
#endif
#endif

/* Whether an array of BYTES lives in a mapping; rounds BYTES up to whole
 * pages when it does. */
static bool
bigarray_mapped(size_t *bytes)
{
#ifdef BIGARRAY_ON_HEAP
	(void)bytes;
	return false;
#else
	size_t page;

	if (*bytes < BIGARRAY_MAPPED)
		return false;
	page = (size_t)sysconf(_SC_PAGESIZE);
	*bytes = (*bytes + page - 1) / page * page;
	return true;
#endif
}

static void *
bigarray_map(size_t bytes)
{
	void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		fatal("out of memory (%zu bytes)", bytes);
	return p;
}

void *
bigarray_resize(void *p, size_t cap, size_t n, size_t size)
{
	size_t from, to, keep;
	bool was, will;
	void *q;

	if (size != 0 && n > SIZE_MAX / size)
		fatal("allocation overflow (%zu x %zu bytes)", n, size);
	from = cap * size;
	to = n * size;
	keep = from < to ? from : to;
	was = bigarray_mapped(&from);
	will = bigarray_mapped(&to);
	if (!was && !will)
		return xreallocarray(p, n, size);
	if (was && will) {
#ifdef HAVE_MREMAP
		q = mremap(p, from, to, MREMAP_MAYMOVE);
		if (q == MAP_FAILED)
			fatal("out of memory (%zu bytes)", to);
		return q;
#endif
	}
	q = will ? bigarray_map(to) : xreallocarray(NULL, n, size);
	if (keep != 0)
		memcpy(q, p, keep);
	if (was)
		munmap(p, from);
	else
		free(p);
	return q;
}

void
bigarray_free(void *p, size_t cap, size_t size)
{
	size_t bytes = cap * size;

	if (p == NULL)
		return;
	if (bigarray_mapped(&bytes))
		munmap(p, bytes);
	else
		free(p);
}
