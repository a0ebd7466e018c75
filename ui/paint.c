/* paint: text clipped by display width, colours and glyphs. */
#include "config.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fold.h"
#include "outlets.h"
#include "paint.h"
#include "taxonomy.h"
#include "text.h"

static bool paint_color;
static bool paint_utf8;

static const struct {
	const char *name;
	short color;
} paint_colors[] = {
	{ "black", COLOR_BLACK }, { "red", COLOR_RED },
	{ "green", COLOR_GREEN }, { "yellow", COLOR_YELLOW },
	{ "blue", COLOR_BLUE }, { "magenta", COLOR_MAGENTA },
	{ "cyan", COLOR_CYAN }, { "white", COLOR_WHITE },
};
#define PAINT_NCOLORS (sizeof paint_colors / sizeof paint_colors[0])
/* Pairs 1..8 are the colours on the default background; then the roles. */
#define PAIR_QUOTE	(PAINT_NCOLORS + 1)
#define PAIR_ERROR	(PAINT_NCOLORS + 2)
#define PAIR_GAP	(PAINT_NCOLORS + 3)
#define PAIR_SIDE_FIRST	(PAINT_NCOLORS + 4)
#define PAIR_SIDE_LAST	(PAINT_NCOLORS + 5)
#define PAIR_CENTRE	(PAINT_NCOLORS + 6)

bool
paint_init(bool no_color)
{
	const char *env = getenv("NO_COLOR");
	size_t i;

	paint_utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	paint_color = !no_color && (env == NULL || *env == '\0') &&
	    has_colors() && start_color() == OK;
	if (!paint_color)
		return false;
	use_default_colors();
	for (i = 0; i < PAINT_NCOLORS; i++)
		init_pair((short)(i + 1), paint_colors[i].color, -1);
	init_pair(PAIR_QUOTE, COLOR_MAGENTA, -1);
	init_pair(PAIR_ERROR, COLOR_RED, -1);
	init_pair(PAIR_GAP, COLOR_RED, -1);
	init_pair(PAIR_SIDE_FIRST, COLOR_BLUE, -1);
	init_pair(PAIR_SIDE_LAST, COLOR_RED, -1);
	init_pair(PAIR_CENTRE, COLOR_MAGENTA, -1);
	return true;
}

bool
paint_colored(void)
{
	return paint_color;
}

attr_t
paint_leaning_attr(const struct outlets *outlets, size_t leaning)
{
	int side;

	if (outlets == NULL || leaning == OUTLET_UNRATED)
		return A_DIM;
	if (!paint_color)
		return A_NORMAL;
	side = outlets_side(outlets, leaning);
	return COLOR_PAIR(side < 0 ? PAIR_SIDE_FIRST : side > 0 ?
	    PAIR_SIDE_LAST : PAIR_CENTRE);
}

void
paint_leaning_mark(WINDOW *win, int y, int x, const struct outlets *outlets,
    size_t leaning, attr_t attr)
{
	char letter[2];

	if (outlets == NULL || leaning == OUTLET_UNRATED || paint_color) {
		wattrset(win, attr | paint_leaning_attr(outlets, leaning));
		mvwaddstr(win, y, x, paint_glyph(GLYPH_FULL));
		return;
	}
	letter[0] = outlets->leanings[leaning].letter;
	letter[1] = '\0';
	wattrset(win, attr | A_BOLD);
	mvwaddstr(win, y, x, letter);
}

attr_t
paint_topic_attr(const struct taxonomy *tax, size_t topic)
{
	const char *name;
	size_t i, t;

	if (!paint_color)
		return A_NORMAL;
	for (t = topic; t < tax->ntopics; t = tax->topics[t].parent) {
		name = tax->topics[t].color;
		if (name == NULL)
			continue;
		if (strncasecmp(name, "bright", 6) == 0)
			name += name[6] == '-' || name[6] == '_' ? 7 : 6;
		for (i = 0; i < PAINT_NCOLORS; i++) {
			if (strcasecmp(name, paint_colors[i].name) == 0)
				return COLOR_PAIR((short)(i + 1));
		}
	}
	return A_NORMAL;
}

attr_t
paint_attr_quote(void)
{
	return paint_color ? A_ITALIC | COLOR_PAIR(PAIR_QUOTE) : A_ITALIC;
}

attr_t
paint_attr_error(void)
{
	return paint_color ? A_BOLD | COLOR_PAIR(PAIR_ERROR) : A_BOLD;
}

attr_t
paint_attr_gap(void)
{
	return paint_color ? A_BOLD | COLOR_PAIR(PAIR_GAP) : A_BOLD;
}

const char *
paint_glyph(enum glyph g)
{
	static const char *utf8[] = { "\u25b6", "\u25cf", "\u25cb", "\u2026",
	    "\u00b7", "\u2717", "\u2260" };
	static const char *ascii[] = { ">", "#", ".", "~", "|", "x", "!" };

	return paint_utf8 ? utf8[g] : ascii[g];
}

/* The one ASCII character that stands for CP, else CP. */
static int32_t
paint_ascii(int32_t cp)
{
	switch (cp) {
	case 0x00a0: case 0x2007: case 0x202f:	/* no-break spaces */
		return ' ';
	case 0x2026:	/* one column, as the ellipsis it stands for */
		return '.';
	case 0x00ab: case 0x00bb: case 0x2039: case 0x203a:
		return '"';
	case 0x2022: case 0x00b7:
		return '*';
	default:
		return fold_punct(cp);
	}
}

static bool
paint_space(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r';
}

/*
 * Puts one code point at (Y, X).  Beyond ASCII the cursor is placed
 * explicitly, so a width that curses judges differently cannot shift the
 * rest of the line.
 */
static void
paint_cp(WINDOW *win, int y, int x, const char *s, size_t n, int32_t cp)
{
	/* Outside a UTF-8 locale, typographic quotes, dashes and the like
	 * read as their ASCII forms ("Tessar's", not "Tessar?s"). */
	if (cp >= 0x80 && !paint_utf8)
		cp = paint_ascii(cp);
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x80 && !paint_utf8)) {
		waddch(win, '?');
	} else if (cp < 0x80) {
		waddch(win, (chtype)cp);
	} else {
		if (text_cp_width(cp) > 0)
			wmove(win, y, x);
		waddnstr(win, s, (int)n);
	}
}

int
paint_text(WINDOW *win, int y, int x, const char *s, size_t len, int maxw,
    attr_t attr)
{
	size_t pos = 0, start;
	int32_t cp;
	int w, used = 0;
	bool space = false;

	if (maxw <= 0)
		return 0;
	wattrset(win, attr);
	wmove(win, y, x);
	while (pos < len) {
		start = pos;
		cp = text_decode(s, len, &pos);
		if (cp < 0) {
			if (pos > start)
				continue;	/* a malformed byte, skipped */
			break;
		}
		if (paint_space(cp)) {
			/* A run of white space shows as one space. */
			if (space)
				continue;
			space = true;
			if (used + 1 > maxw)
				break;
			waddch(win, ' ');
			used++;
			continue;
		}
		space = false;
		w = text_cp_width(cp);
		if (used + w > maxw)
			break;
		paint_cp(win, y, x + used, s + start, pos - start, cp);
		used += w;
	}
	wattrset(win, A_NORMAL);
	return used;
}

int
paint_width(const char *s, size_t len)
{
	size_t pos = 0;
	int32_t cp;
	int used = 0;
	bool space = false;

	while (pos < len && (cp = text_decode(s, len, &pos)) >= 0) {
		if (paint_space(cp)) {
			if (!space)
				used++;
			space = true;
			continue;
		}
		space = false;
		used += text_cp_width(cp);
	}
	return used;
}

size_t
paint_fit(const char *s, size_t len, int maxw)
{
	size_t pos = 0, before;
	int32_t cp;
	int used = 0, w;

	while (pos < len) {
		before = pos;
		if ((cp = text_decode(s, len, &pos)) < 0)
			break;
		w = paint_space(cp) ? 1 : text_cp_width(cp);
		if (used + w > maxw)
			return before;
		used += w;
	}
	return pos;
}

int
paint_text_clip(WINDOW *win, int y, int x, const char *s, size_t len,
    int maxw, attr_t attr)
{
	int used;

	if (maxw <= 0)
		return 0;
	if (paint_width(s, len) <= maxw)
		return paint_text(win, y, x, s, len, maxw, attr);
	used = paint_text(win, y, x, s, paint_fit(s, len, maxw - 1), maxw - 1,
	    attr);
	wattrset(win, attr);
	waddstr(win, paint_glyph(GLYPH_ELLIPSIS));
	wattrset(win, A_NORMAL);
	return used + 1;
}

void
paint_fill(WINDOW *win, int y, int x, int n, attr_t attr)
{
	if (n <= 0)
		return;
	wattrset(win, attr);
	mvwhline(win, y, x, ' ', n);
	wattrset(win, A_NORMAL);
}

int
paint_next_word(const char *s, size_t len, size_t *pos, size_t *start,
    size_t *end)
{
	size_t p = *pos, before;
	int32_t cp;
	int w = 0;

	while (p < len) {
		before = p;
		cp = text_decode(s, len, &p);
		if (cp < 0)
			return -1;
		if (!paint_space(cp)) {
			p = before;
			break;
		}
	}
	if (p >= len)
		return -1;
	*start = p;
	while (p < len) {
		before = p;
		cp = text_decode(s, len, &p);
		if (cp < 0 || paint_space(cp)) {
			p = before;
			break;
		}
		w += text_cp_width(cp);
	}
	*end = *pos = p;
	return w;
}

int
paint_text_by(WINDOW *win, int y, int x, const char *s, size_t start,
    size_t end, int maxw, paint_attr_fn fn, const void *ctx)
{
	size_t pos = start, at;
	int32_t cp;
	int used = 0, w;
	attr_t a, cur = (attr_t)-1;
	bool space = false;

	wmove(win, y, x);
	while (pos < end) {
		at = pos;
		cp = text_decode(s, end, &pos);
		if (cp < 0) {
			if (pos > at)
				continue;
			break;
		}
		if (paint_space(cp)) {
			if (space)
				continue;
			space = true;
			cp = ' ';
		} else {
			space = false;
		}
		w = text_cp_width(cp);
		if (used + w > maxw)
			break;
		a = fn(ctx, at);
		if (a != cur)
			wattrset(win, cur = a);
		paint_cp(win, y, x + used, s + at, pos - at, cp);
		used += w;
	}
	wattrset(win, A_NORMAL);
	return used;
}

bool
paint_wrap_line(const char *s, size_t len, size_t *pos, int width,
    size_t *start, size_t *end)
{
	size_t p = *pos, ws, we, fit;
	int col = 0, ww;
	bool first = true;

	if (width < 1)
		width = 1;
	for (;;) {
		p = *pos;
		if ((ww = paint_next_word(s, len, &p, &ws, &we)) < 0)
			break;
		if (first) {
			*start = ws;
			*end = we;
			if (ww > width) {
				/* A word wider than the line is cut. */
				fit = paint_fit(s + ws, we - ws, width);
				*end = ws + (fit != 0 ? fit : we - ws);
				*pos = *end;
				return true;
			}
			col = ww;
			first = false;
		} else {
			if (col + 1 + ww > width)
				break;
			col += 1 + ww;
			*end = we;
		}
		*pos = p;
	}
	return !first;
}

/* Most words paint_abbrev shortens; more are left out. */
#define PAINT_ABBREV_WORDS 16

char *
paint_abbrev(const char *name, int maxw, char *buf, size_t size)
{
	const char *word[PAINT_ABBREV_WORDS];
	size_t len[PAINT_ABBREV_WORDS], n = 0, i, longest, out = 0, pos;
	int width[PAINT_ABBREV_WORDS], total;
	size_t start, end;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	pos = 0;
	while (n < PAINT_ABBREV_WORDS &&
	    (width[n] = paint_next_word(name, strlen(name), &pos, &start,
	    &end)) >= 0) {
		word[n] = name + start;
		len[n] = end - start;
		/* "The Harbour Ledger": the article says least. */
		if (n == 0 && len[0] == 3 && strncasecmp(word[0], "the", 3) == 0 &&
		    paint_width(name, strlen(name)) > maxw)
			continue;
		n++;
	}
	for (;;) {
		for (total = n > 0 ? (int)n - 1 : 0, i = 0; i < n; i++)
			total += width[i];
		if (total <= maxw)
			break;
		for (longest = 0, i = 1; i < n; i++)
			if (width[i] > width[longest])
				longest = i;
		if (n == 0 || width[longest] <= 1)
			break;
		/* One letter less: a code point, not a byte. */
		len[longest] = paint_fit(word[longest], len[longest],
		    width[longest] - 1);
		width[longest] = paint_width(word[longest], len[longest]);
	}
	/* Initials with spaces still too wide: the initials run together. */
	for (i = 0; i < n; i++) {
		if (i > 0 && total <= maxw && out + 1 < size)
			buf[out++] = ' ';
		if (out + len[i] >= size)
			break;
		memcpy(buf + out, word[i], len[i]);
		out += len[i];
	}
	buf[out] = '\0';
	/* Clipped to the columns there are, at a code point. */
	buf[paint_fit(buf, out, maxw)] = '\0';
	return buf;
}
