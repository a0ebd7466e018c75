/* overlay_explain: the matches and vetoes behind a sentence's topics. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "overlay_explain.h"
#include "paint.h"
#include "story.h"
#include "strbuf.h"
#include "tagger.h"
#include "taxedit.h"
#include "taxonomy.h"
#include "xalloc.h"

static const struct action_hint overlay_explain_hints[] = {
	{ ACTION_DELETE, "removes the keyword" },
	{ ACTION_EDIT, "edits its topic" }, { ACTION_ADD, "adds one" },
};

struct overlay_explain {
	struct tagger_explanation why;
	size_t sentence;
};

static const struct sentence *
overlay_explain_sentence(const struct overlay_explain *e,
    const struct reader *r)
{
	return &r->story->docs[r->doc]->sentences[e->sentence];
}

static int
overlay_explain_open(struct overlay *o, struct reader *r, const void *arg)
{
	struct overlay_explain *e;
	const struct sentence *sent;

	(void)arg;
	if (r->sentence == NONE) {
		reader_message(r, true, "no sentence selected");
		return -1;
	}
	e = xcalloc(1, sizeof *e);
	e->sentence = r->sentence;
	sent = overlay_explain_sentence(e, r);
	tagger_explain_sentence(r->story->tagger, sent, &e->why);
	o->state = e;
	return 0;
}

static void
overlay_explain_release(void *state)
{
	struct overlay_explain *e = state;

	tagger_explanation_free(&e->why);
	free(e);
}

static size_t
overlay_explain_rows(const struct overlay *o, const struct reader *r)
{
	const struct overlay_explain *e = o->state;

	(void)r;
	return e->why.nmatches + e->why.nvetoes;
}

size_t
overlay_explain_topic(const struct overlay *o)
{
	const struct overlay_explain *e = o->state;
	size_t sel = o->pos.sel;

	if (sel < e->why.nmatches)
		return e->why.matches[sel].topic;
	if (sel - e->why.nmatches < e->why.nvetoes)
		return e->why.vetoes[sel - e->why.nmatches].topic;
	return NONE;
}

char *
overlay_explain_text(const struct overlay *o, const struct reader *r)
{
	const struct overlay_explain *e = o->state;
	const struct match *m;

	if (o->pos.sel >= e->why.nmatches)
		return NULL;
	m = &e->why.matches[o->pos.sel];
	return xstrndup(overlay_explain_sentence(e, r)->text + m->start,
	    m->end - m->start);
}

/* Which list of its topic a keyword pointer belongs to. */
static enum taxedit_list
overlay_explain_list(const struct topic *topic, const char *keyword)
{
	size_t i;

	for (i = 0; i < topic->nmatch_case; i++) {
		if (topic->match_case[i] == keyword)
			return TAXEDIT_MATCH_CASE;
	}
	for (i = 0; i < topic->nambiguous; i++) {
		if (topic->ambiguous[i] == keyword)
			return TAXEDIT_AMBIGUOUS;
	}
	return TAXEDIT_KEYWORDS;
}

char *
overlay_explain_keyword(const struct overlay *o, const struct reader *r,
    size_t *topic, int *list)
{
	const struct overlay_explain *e = o->state;
	const struct match *m;
	const struct tagger_veto *v;
	size_t sel = o->pos.sel;

	if (sel < e->why.nmatches) {
		m = &e->why.matches[sel];
		*topic = m->topic;
		*list = (int)overlay_explain_list(
		    &r->story->taxonomy->topics[m->topic], m->keyword);
		return xstrdup(m->keyword);
	}
	if (sel - e->why.nmatches < e->why.nvetoes) {
		v = &e->why.vetoes[sel - e->why.nmatches];
		*topic = v->topic;
		*list = TAXEDIT_EXCLUDE;
		return xstrdup(v->exclude);
	}
	return NULL;
}

/* Why a match does or does not tag its topic here, as the model says. */
static const char *
overlay_explain_verdict(const struct match *m, enum tagger_verdict v)
{
	switch (v) {
	case TAGGER_CARRIES:
		return m->support == MATCH_BY_SENTENCE ? " (backed here)" : "";
	case TAGGER_BY_SOURCE:
		return " (backed by source)";
	case TAGGER_UNBACKED:
		return " (unbacked: no topic)";
	case TAGGER_ALONE:
		return " (one common word its source does not return to: "
		    "no topic)";
	case TAGGER_CLUTTER:
		return " (boilerplate: no topic)";
	case TAGGER_VETOED:
		break;
	}
	return "";
}

static void
overlay_explain_draw(const struct overlay *o, const struct reader *r,
    WINDOW *win, int h, int w)
{
	const struct overlay_explain *e = o->state;
	const struct tagger_explanation *why = &e->why;
	const struct taxonomy *tax = r->story->taxonomy;
	const struct sentence *sent = overlay_explain_sentence(e, r);
	struct strbuf sb = STRBUF_INIT;
	const char *none = "No keyword of the taxonomy matches this sentence.";
	size_t i, topic, n = why->nmatches + why->nvetoes;
	int y, x;
	attr_t a;

	if (n == 0)
		paint_text(win, 1, 2, none, strlen(none), w - 2, A_NORMAL);
	for (y = 0; y < h; y++) {
		i = o->pos.top + (size_t)y;
		if (i >= n)
			break;
		strbuf_reset(&sb);
		if (i < why->nmatches) {
			topic = why->matches[i].topic;
			strbuf_addf(&sb, "keyword \"%s\" matched \"%.*s\"",
			    why->matches[i].keyword,
			    (int)(why->matches[i].end - why->matches[i].start),
			    sent->text + why->matches[i].start);
			strbuf_addstr(&sb, overlay_explain_verdict(
			    &why->matches[i], why->verdicts[i]));
		} else {
			topic = why->vetoes[i - why->nmatches].topic;
			strbuf_addf(&sb, "vetoed by exclude \"%s\"",
			    why->vetoes[i - why->nmatches].exclude);
		}
		a = i == o->pos.sel ? A_REVERSE : A_NORMAL;
		paint_fill(win, y + 1, 1, w, a);
		x = 2 + paint_text_clip(win, y + 1, 2, tax->topics[topic].label,
		    strlen(tax->topics[topic].label), w / 3, a | A_BOLD |
		    paint_topic_attr(tax, topic));
		paint_text_clip(win, y + 1, x + 2, sb.data, sb.len, w - x - 2, a);
	}
	strbuf_free(&sb);
}

static void
overlay_explain_title(const struct overlay *o, const struct reader *r,
    struct strbuf *sb)
{
	const struct overlay_explain *e = o->state;

	(void)r;
	strbuf_addf(sb, "Why sentence %zu carries its topics", e->sentence + 1);
}

static void
overlay_explain_footer(const struct overlay *o, const struct reader *r,
    struct strbuf *sb)
{
	(void)o;
	(void)r;
	OVERLAY_HINTS(sb, overlay_explain_hints);
}

const struct overlay_kind overlay_explain_kind = {
	.name = "explain",
	.selects = true,
	.open = overlay_explain_open,
	.rows = overlay_explain_rows,
	.draw = overlay_explain_draw,
	.title = overlay_explain_title,
	.footer = overlay_explain_footer,
	.release = overlay_explain_release,
};
