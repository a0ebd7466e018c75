/*
 * The 48 English "Golden Rules" of sentence segmentation, read from
 * ../shared/data/golden-rules/golden_rules_en.jsonl.  Every rule is run and
 * the count passed is printed; fewer than 46 fails.
 */
#include "testlib.h"

#include "segment.h"
#include "strbuf.h"
#include "xalloc.h"

#define GOLDEN_MIN 46

static void
golden_add_utf8(struct strbuf *sb, unsigned long cp)
{
	if (cp < 0x80)
		strbuf_addch(sb, (char)cp);
	else if (cp < 0x800) {
		strbuf_addch(sb, (char)(0xc0 | (cp >> 6)));
		strbuf_addch(sb, (char)(0x80 | (cp & 0x3f)));
	} else if (cp < 0x10000) {
		strbuf_addch(sb, (char)(0xe0 | (cp >> 12)));
		strbuf_addch(sb, (char)(0x80 | ((cp >> 6) & 0x3f)));
		strbuf_addch(sb, (char)(0x80 | (cp & 0x3f)));
	} else {
		strbuf_addch(sb, (char)(0xf0 | (cp >> 18)));
		strbuf_addch(sb, (char)(0x80 | ((cp >> 12) & 0x3f)));
		strbuf_addch(sb, (char)(0x80 | ((cp >> 6) & 0x3f)));
		strbuf_addch(sb, (char)(0x80 | (cp & 0x3f)));
	}
}

/* Parses the JSON string at *p (which points at its opening quote). */
static char *
golden_string(const char **p)
{
	struct strbuf sb = STRBUF_INIT;
	const char *s = *p;
	unsigned long cp, lo;

	assert_int_equal(*s, '"');
	for (s++; *s != '"'; s++) {
		assert_true(*s != '\0');
		if (*s != '\\') {
			strbuf_addch(&sb, *s);
			continue;
		}
		switch (*++s) {
		case 'n':
			strbuf_addch(&sb, '\n');
			break;
		case 't':
			strbuf_addch(&sb, '\t');
			break;
		case 'u':
			cp = strtoul((char[5]){ s[1], s[2], s[3], s[4], 0 }, NULL,
			    16);
			s += 4;
			if (cp >= 0xd800 && cp < 0xdc00 && s[1] == '\\' &&
			    s[2] == 'u') {
				lo = strtoul((char[5]){ s[3], s[4], s[5], s[6], 0 },
				    NULL, 16);
				cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
				s += 6;
			}
			golden_add_utf8(&sb, cp);
			break;
		default:
			strbuf_addch(&sb, *s);
			break;
		}
	}
	*p = s + 1;
	return strbuf_detach(&sb);
}

static const char *
golden_field(const char *line, const char *key)
{
	char pat[64];
	const char *p;

	snprintf(pat, sizeof pat, "\"%s\": ", key);
	p = strstr(line, pat);
	assert_non_null(p);
	return p + strlen(pat);
}

/* Runs one rule; returns 1 when the splitter reproduces it exactly. */
static int
golden_rule(const char *line)
{
	const char *p;
	char *text, *name, *want;
	struct span *spans;
	size_t n, i = 0;
	int ok = 1;

	p = golden_field(line, "name");
	name = golden_string(&p);
	p = golden_field(line, "text");
	text = golden_string(&p);
	n = segment_split(text, strlen(text), &spans);
	p = golden_field(line, "sentences");
	assert_int_equal(*p, '[');
	for (p++; *p != ']'; ) {
		while (*p == ' ' || *p == ',')
			p++;
		if (*p == ']')
			break;
		want = golden_string(&p);
		if (i >= n || spans[i].end - spans[i].start != strlen(want) ||
		    memcmp(text + spans[i].start, want, strlen(want)) != 0)
			ok = 0;
		i++;
		free(want);
	}
	if (i != n)
		ok = 0;
	if (!ok) {
		printf("# golden rule failed: %s\n", name);
		for (i = 0; i < n; i++)
			printf("#   [%.*s]\n", (int)(spans[i].end - spans[i].start),
			    text + spans[i].start);
	}
	free(spans);
	free(text);
	free(name);
	return ok;
}

static void
test_golden_rules(void **state)
{
	char *dir = testlib_shared("data/golden-rules"), path[4200], *buf;
	char *line, *nl;
	int passed = 0, total = 0;

	if (dir == NULL)
		skip();
	snprintf(path, sizeof path, "%s/golden_rules_en.jsonl", dir);
	buf = testlib_read(path, NULL);
	if (buf == NULL)
		skip();
	for (line = buf; *line != '\0'; line = nl + 1) {
		nl = strchr(line, '\n');
		if (nl == NULL)
			nl = line + strlen(line) - 1;
		else
			*nl = '\0';
		if (*line == '{') {
			total++;
			passed += golden_rule(line);
		}
	}
	free(buf);
	printf("# golden rules passed: %d of %d\n", passed, total);
	assert_int_equal(total, 48);
	assert_true(passed >= GOLDEN_MIN);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
