/*
 * fuzz_outlets: any bytes as an outlets file.  A load either gives
 * positioned, terminal-safe errors, or profiles that keep the rules of
 * parallax-outlets(5): every name and alias leads back to its own outlet,
 * leanings lie on the scale, the scale's letters are distinct.  Every
 * name is also read as a date: a placed one survives a round trip.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "outlets.h"
#include "timeline.h"

#define FUZZ_NAME "fuzz.yaml"

static void
fuzz_check_errors(const char *errors)
{
	const char *line = errors, *end;

	FUZZ_ASSERT(*errors != '\0');
	FUZZ_CHECK(inv_terminal_safe(errors, strlen(errors)));
	for (; *line != '\0'; line = *end == '\n' ? end + 1 : end) {
		end = strchr(line, '\n');
		if (end == NULL)
			end = line + strlen(line);
		FUZZ_ASSERT(strncmp(line, FUZZ_NAME ":",
		    strlen(FUZZ_NAME) + 1) == 0);
	}
}

/* S matches outlet E, and reads as a date without harm. */
static void
fuzz_check_name(const struct outlets *o, const struct outlet *e,
    const char *s)
{
	char when[32];
	int64_t at = 0, again = 0;

	FUZZ_CHECK(inv_terminal_safe(s, strlen(s)));
	FUZZ_ASSERT(outlets_match(o, s, NULL) == e);
	if (timeline_parse(s, &at) == TIMELINE_PLACED) {
		timeline_format(at, when, sizeof when);
		FUZZ_ASSERT(timeline_parse(when, &again) == TIMELINE_PLACED);
		FUZZ_ASSERT(again == at);
	}
}

static void
fuzz_check_outlets(const struct outlets *o)
{
	const struct outlet *e;
	size_t i, j;

	FUZZ_ASSERT(o->nleanings > 0);
	FUZZ_ASSERT(o->blindspot_percent > 50 && o->blindspot_percent <= 100);
	for (i = 0; i < o->nleanings; i++) {
		FUZZ_CHECK(inv_terminal_safe(o->leanings[i].name,
		    strlen(o->leanings[i].name)));
		for (j = 0; j < i; j++)
			FUZZ_ASSERT(o->leanings[j].letter !=
			    o->leanings[i].letter);
		FUZZ_ASSERT(outlets_side(o, i) >= -1 &&
		    outlets_side(o, i) <= 1);
	}
	for (i = 0; i < o->n; i++) {
		e = &o->items[i];
		FUZZ_ASSERT(e->name != NULL);
		FUZZ_ASSERT(e->leaning == OUTLET_UNRATED ||
		    e->leaning < o->nleanings);
		fuzz_check_name(o, e, e->name);
		for (j = 0; j < e->naliases; j++)
			fuzz_check_name(o, e, e->aliases[j]);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct outlets *o = NULL;
	char *errors = NULL;

	if (outlets_load_buffer(FUZZ_NAME, (const char *)data, size, &o,
	    &errors) == 0) {
		FUZZ_ASSERT(errors == NULL);
		fuzz_check_outlets(o);
		outlets_free(o);
	} else {
		FUZZ_ASSERT(o == NULL && errors != NULL);
		fuzz_check_errors(errors);
		free(errors);
	}
	return 0;
}
