/*
 * The panes' logic without a terminal: each pane (sourcelist, article,
 * sidebar) holds its own state and syncs with the reader, so scrolling,
 * selection, the topic filter and search are tested on the terminal
 * tests' fixture story with no curses window; so is the overlays' frame
 * (paging a list that scrolls, moving in one that selects, the mouse).
 */
#include "config.h"

#include "testlib.h"

#include "claims.h"
#include "document.h"
#include "story.h"
#include "taxonomy.h"
#include "xalloc.h"

#include "../ui/article.h"
#include "../ui/command.h"
#include "../ui/overlay.h"
#include "../ui/overlay_help.h"
#include "../ui/overlay_topics.h"
#include "../ui/reader.h"
#include "../ui/search.h"
#include "../ui/sidebar.h"
#include "../ui/sourcelist.h"
#include "../ui/tui.h"

struct panes {
	struct story *story;
	char *tax_path;
	struct tui_config cfg;
	struct reader r;
	struct sourcelist sources;
	struct article article;
	struct sidebar sidebar;
};

static void
panes_sync(struct panes *p)
{
	sourcelist_sync(&p->sources, &p->r);
	article_sync(&p->article, &p->r);
	sidebar_sync(&p->sidebar, &p->r);
}

static int
setup(void **state)
{
	struct panes *p = xcalloc(1, sizeof *p);
	char *fixtures = xstrdup(testlib_srcfile("tests/tui/fixtures"));
	struct taxonomy *tax;
	char *cause;

	p->tax_path = xstrdup(testlib_srcfile("tests/tui/taxonomy.yaml"));
	assert_int_equal(taxonomy_load_file(p->tax_path, &tax, &cause), 0);
	assert_int_equal(story_open(&p->story, &fixtures, 1, tax, NULL, &cause),
	    0);
	free(fixtures);
	p->cfg.taxonomy_path = p->tax_path;
	reader_init(&p->r, p->story, &p->cfg);
	sourcelist_init(&p->sources);
	article_init(&p->article);
	sidebar_init(&p->sidebar);
	p->sources.height = 2;
	p->article.width = 30;
	p->article.height = 6;
	p->sidebar.height = 4;
	panes_sync(p);
	*state = p;
	return 0;
}

static int
teardown(void **state)
{
	struct panes *p = *state;

	sidebar_free(&p->sidebar);
	article_free(&p->article);
	reader_free(&p->r);
	story_free(p->story);
	free(p->tax_path);
	free(p);
	return 0;
}

/* The source list follows the reader; J past the end stays at the last. */
static void
test_sources(void **state)
{
	struct panes *p = *state;
	struct reader *r = &p->r;

	assert_int_equal(r->norder, 3);
	assert_int_equal(p->sources.pos.sel, 0);
	sourcelist_move(&p->sources, r, 1);
	panes_sync(p);
	assert_int_equal(r->doc, r->order[1]);
	assert_int_equal(p->sources.pos.sel, 1);
	sourcelist_move(&p->sources, r, 10);
	panes_sync(p);
	assert_int_equal(r->doc, r->order[2]);
	/* Two rows high: the view scrolled to keep it. */
	assert_int_equal(p->sources.pos.top, 1);
	/* The wheel scrolls the view and leaves the selection. */
	sourcelist_scroll(&p->sources, r, -5);
	panes_sync(p);
	assert_int_equal(p->sources.pos.top, 0);
	assert_int_equal(p->sources.pos.sel, 2);
	assert_int_equal(sourcelist_doc_at(&p->sources, r, 0), r->order[0]);
	sourcelist_move(&p->sources, r, -10);
	panes_sync(p);
	assert_int_equal(r->doc, r->order[0]);
}

/* Moving selects sentences; the view follows; ends and pages. */
static void
test_article(void **state)
{
	struct panes *p = *state;
	struct reader *r = &p->r;
	struct article *a = &p->article;
	const struct document *doc = r->story->docs[r->doc];
	size_t last = doc->nsentences - 1;

	assert_int_equal(r->sentence, 0);
	assert_true(a->lines.nlines > (size_t)a->height);
	article_move(a, r, 2);
	panes_sync(p);
	assert_int_equal(r->sentence, 2);
	article_end(a, r, 1);
	panes_sync(p);
	assert_int_equal(r->sentence, last);
	/* The last line is on screen, the view full. */
	assert_int_equal(a->view.top, a->lines.nlines - (size_t)a->height);
	assert_true(a->lines.sentence_last[last] < a->lines.nlines);
	/* A page up from the end selects the first sentence it shows. */
	article_page(a, r, -(long)article_page_lines(a));
	panes_sync(p);
	assert_true(r->sentence < last);
	assert_int_equal(a->lines.sentence_line[r->sentence] >= a->view.top, 1);
	article_end(a, r, -1);
	panes_sync(p);
	assert_int_equal(r->sentence, 0);
	/* The first sentence wholly in view, the title too when it fits. */
	assert_true(a->lines.sentence_last[0] < a->view.top + (size_t)a->height);
	assert_true(a->view.top <= a->lines.sentence_line[0]);
	a->view.top = 0;
	/* The first line is the title; a click there selects no sentence. */
	assert_int_equal(article_sentence_at(a, 0, 0), (size_t)-1);
	/* Scrolling keeps the selection. */
	article_scroll(a, r, 3);
	panes_sync(p);
	assert_int_equal(a->view.top, 3);
	assert_int_equal(r->sentence, 0);
	/* Another width wraps again and keeps the reader's sentence. */
	a->width = 60;
	panes_sync(p);
	assert_int_equal(a->lines.width, 60);
	assert_int_equal(r->sentence, 0);
}

/* The filter narrows sources, sentences and claims to the topic. */
static void
test_filter(void **state)
{
	struct panes *p = *state;
	struct reader *r = &p->r;
	const struct taxonomy *tax = r->story->taxonomy;
	const struct sentence *sent;
	size_t fishing, i, s, d;
	bool any;

	for (fishing = 0; fishing < tax->ntopics; fishing++) {
		if (strcmp(tax->topics[fishing].id, "fishing") == 0)
			break;
	}
	assert_true(fishing < tax->ntopics);
	reader_set_filter(r, fishing);
	panes_sync(p);
	assert_true(r->norder >= 1);
	for (i = 0; i < r->norder; i++) {
		d = r->order[i];
		for (any = false, s = 0; s < r->story->docs[d]->nsentences; s++)
			any = any || reader_sentence_shown(r, d, s);
		assert_true(any);
	}
	/* The article shows only the topic's sentences. */
	for (s = 0; s < p->article.lines.nsentences; s++)
		assert_int_equal(p->article.lines.sentence_line[s] != NONE,
		    reader_sentence_shown(r, r->doc, s));
	/* The sidebar lists only claims whose sentences are shown. */
	for (i = 0; i < p->sidebar.nrows; i++) {
		if (p->sidebar.rows[i].header)
			continue;
		sent = &r->story->docs[r->doc]->sentences[
		    p->sidebar.rows[i].sentence];
		assert_true(reader_sentence_shown(r, r->doc,
		    p->sidebar.rows[i].sentence));
		assert_true(sent->ntopics > 0);
	}
	reader_set_filter(r, NONE);
	panes_sync(p);
	assert_int_equal(r->norder, 3);
}

/* The sidebar skips headers and follows the selected sentence's claim. */
static void
test_sidebar(void **state)
{
	struct panes *p = *state;
	struct reader *r = &p->r;
	struct sidebar *sb = &p->sidebar;
	size_t i, claims = 0, s;

	assert_non_null(r->story->claims);
	assert_true(sb->nrows > 0);
	assert_true(sb->rows[0].header);
	/* The selection starts on a claim, never on a header. */
	assert_false(sb->rows[sb->pos.sel].header);
	for (i = 0; i < sb->nrows; i++)
		claims += !sb->rows[i].header;
	sidebar_move(sb, r, (long)sb->nrows);
	assert_false(sb->rows[sb->pos.sel].header);
	sidebar_move(sb, r, -(long)sb->nrows);
	assert_false(sb->rows[sb->pos.sel].header);
	/* Each claim row, selected in the article, is followed. */
	for (i = 0; i < sb->nrows; i++) {
		if (sb->rows[i].header)
			continue;
		s = sb->rows[i].sentence;
		reader_select(r, s);
		panes_sync(p);
		assert_int_equal(sidebar_sentence(sb), s);
		/* Four rows high: the followed row is in view. */
		assert_true(sb->pos.sel >= sb->pos.top &&
		    sb->pos.sel < sb->pos.top + sb->height);
	}
	/* With the focus there, the claim pane's claim is the current one. */
	r->focus = PANE_CLAIMS;
	assert_int_equal(reader_current_claim(r), sb->rows[sb->pos.sel].claim);
	r->focus = PANE_ARTICLE;
	assert_true(claims > 0);
}

/* n walks the hits through the article, then the other sources, wrapping. */
static void
test_search(void **state)
{
	struct panes *p = *state;
	struct reader *r = &p->r;
	size_t first_doc, first_sentence;

	sourcelist_move(&p->sources, r, -10);
	article_end(&p->article, r, -1);
	panes_sync(p);
	search_submit(r, "AGREEMENT");	/* case is ignored */
	first_doc = r->doc;
	first_sentence = r->sentence;
	assert_non_null(strstr(r->story->docs[r->doc]->sentences[
	    r->sentence].text, "agreement"));
	/* The hits run out in this source, then go on in the next ones. */
	do {
		search_step(r, true);
	} while (r->doc == first_doc && r->sentence != first_sentence);
	assert_true(r->doc != first_doc);
	/* Around the story and back. */
	while (r->doc != first_doc || r->sentence != first_sentence)
		search_step(r, true);
	assert_non_null(strstr(r->message != NULL ? r->message : "",
	    "continued at the top"));
	search_submit(r, "no such words anywhere");
	assert_non_null(strstr(r->message, "not found"));
	assert_int_equal(r->doc, first_doc);
}

/* The index of the topic with ID in the fixture taxonomy. */
static size_t
panes_topic(const struct reader *r, const char *id)
{
	size_t t = taxonomy_find(r->story->taxonomy, id);

	assert_true(t != TOPIC_NO_PARENT);
	return t;
}

/* Counts and half pages move by sentences and lines; ends stop moves. */
static void
test_article_counts(void **state)
{
	struct panes *p = *state;
	struct reader *r = &p->r;
	struct article *a = &p->article;
	size_t last = r->story->docs[r->doc]->nsentences - 1, top;

	/* 3j: three sentences at once; past the end, the last. */
	article_move(a, r, 3);
	panes_sync(p);
	assert_int_equal(r->sentence, 3);
	article_move(a, r, 100);
	panes_sync(p);
	assert_int_equal(r->sentence, last);
	article_move(a, r, -100);
	panes_sync(p);
	assert_int_equal(r->sentence, 0);
	/*
	 * Half a page (Ctrl-D) from a sentence low on screen: the view and
	 * the selection move down together, the selection never up (it went
	 * to the first sentence shown, above it, once).
	 */
	article_move(a, r, 1);
	panes_sync(p);
	assert_true(a->lines.sentence_line[1] > a->view.top);
	top = a->view.top;
	article_page(a, r, 2);
	panes_sync(p);
	assert_int_equal(a->view.top, top + 2);
	assert_true(r->sentence > 1);
	assert_true(a->lines.sentence_line[r->sentence] >=
	    a->lines.sentence_line[1] + 2);
	/* The selection is a sentence on screen after the page. */
	assert_true(a->lines.sentence_line[r->sentence] <
	    a->view.top + (size_t)a->height);
	/* Ctrl-U back: up together, to the sentence it came from. */
	article_page(a, r, -2);
	panes_sync(p);
	assert_int_equal(a->view.top, top);
	assert_int_equal(r->sentence, 1);
	/* Where the whole article fits, the view stays and the selection
	 * still moves, both ways. */
	a->height = 100;
	article_end(a, r, -1);
	panes_sync(p);
	article_page(a, r, 3);
	panes_sync(p);
	assert_int_equal(a->view.top, 0);
	assert_true(r->sentence > 0);
	assert_true(a->lines.sentence_line[r->sentence] >=
	    a->lines.sentence_line[0] + 3);
	article_page(a, r, 100);
	panes_sync(p);
	assert_int_equal(r->sentence, last);
	article_page(a, r, -100);
	panes_sync(p);
	assert_int_equal(r->sentence, 0);
}

/* The wheel scrolls the claim pane alone; a click picks a claim row. */
static void
test_sidebar_scroll(void **state)
{
	struct panes *p = *state;
	struct reader *r = &p->r;
	struct sidebar *sb = &p->sidebar;
	size_t sel = sb->pos.sel, row;

	sb->height = 1;
	panes_sync(p);
	assert_true(sb->nrows > 1);
	sidebar_scroll(sb, 1);
	assert_int_equal(sb->pos.top, 1);
	assert_int_equal(sb->pos.sel, sel);
	sidebar_scroll(sb, 100);
	assert_int_equal(sb->pos.top, sb->nrows - 1);
	sidebar_scroll(sb, -100);
	assert_int_equal(sb->pos.top, 0);
	/* A click on a header is on no claim; on a claim row, that row
	 * (counting the view's top), and picking it selects its sentence. */
	assert_true(sb->rows[0].header);
	assert_int_equal(sidebar_row_at(sb, 0), (size_t)-1);
	for (row = 0; row < sb->nrows && sb->rows[row].header; row++)
		;
	assert_true(row < sb->nrows);
	sidebar_scroll(sb, (long)row);
	assert_int_equal(sidebar_row_at(sb, 0), row);
	sidebar_pick_row(sb, r, row);
	assert_int_equal(sb->pos.sel, row);
	assert_int_equal(sidebar_sentence(sb), sb->rows[row].sentence);
	assert_int_equal(r->sentence, sb->rows[row].sentence);
}

/* N walks back; under a filter, hits are only in the sentences shown. */
static void
test_search_filtered(void **state)
{
	struct panes *p = *state;
	struct reader *r = &p->r;
	size_t doc, sentence, s, d;
	bool any;

	search_submit(r, "deal");
	doc = r->doc;
	sentence = r->sentence;
	search_step(r, true);
	search_step(r, false);
	assert_int_equal(r->doc, doc);
	assert_int_equal(r->sentence, sentence);
	/* Only the fishing topic's sentences are searched. */
	reader_set_filter(r, panes_topic(r, "fishing"));
	panes_sync(p);
	search_submit(r, "the");
	for (s = 0; s < 20; s++) {
		assert_true(reader_sentence_shown(r, r->doc, r->sentence));
		search_step(r, true);
	}
	/* A word only in hidden sentences is not found. */
	for (d = 0, any = false; d < r->story->ndocs; d++) {
		for (s = 0; s < r->story->docs[d]->nsentences; s++)
			any = any || (!reader_sentence_shown(r, d, s) &&
			    strstr(r->story->docs[d]->sentences[s].text,
			    "parliament") != NULL);
	}
	assert_true(any);
	search_submit(r, "parliament");
	assert_non_null(strstr(r->message, "not found"));
}

/* The frame: a list that scrolls pages, a picker moves its selection. */
static void
test_overlay(void **state)
{
	struct panes *p = *state;
	struct reader *r = &p->r;
	struct overlay o = { 0 };
	size_t n, h;

	/* Help: 12 rows high is 10 inside the border; it only scrolls. */
	o.rect = (struct rect){ 2, 4, 12, 60 };
	overlay_open(&o, r, &overlay_help_kind, NULL);
	assert_true(overlay_is(&o, &overlay_help_kind));
	h = overlay_height(&o);
	assert_int_equal(h, 10);
	n = overlay_help_kind.rows(&o, r);
	assert_true(n > h);
	overlay_action(&o, r, ACTION_PAGE_DOWN);
	assert_int_equal(o.pos.top, h);
	overlay_action(&o, r, ACTION_BOTTOM);
	assert_int_equal(o.pos.top, n - h);
	overlay_action(&o, r, ACTION_DOWN);
	assert_int_equal(o.pos.top, n - h);
	overlay_action(&o, r, ACTION_TOP);
	assert_int_equal(o.pos.top, 0);
	/* The wheel scrolls three rows; a click outside closes. */
	overlay_mouse(&o, r, 5, 10, 1);
	assert_int_equal(o.pos.top, 3);
	overlay_mouse(&o, r, 0, 0, 0);
	assert_false(overlay_is(&o, NULL));

	/* The topic picker selects: All topics, then each topic. */
	o.rect = (struct rect){ 2, 4, 5, 40 };
	overlay_open(&o, r, &overlay_topics_kind, NULL);
	h = overlay_height(&o);
	assert_int_equal(o.pos.sel, 0);
	overlay_action(&o, r, ACTION_BOTTOM);
	assert_int_equal(o.pos.sel, r->story->taxonomy->ntopics);
	assert_true(o.pos.sel >= o.pos.top && o.pos.sel < o.pos.top + h);
	/* A click on the view's first row selects it. */
	overlay_mouse(&o, r, o.rect.y + 1 + overlay_topics_kind.head, 10, 0);
	assert_int_equal(o.pos.sel, o.pos.top);
	overlay_action(&o, r, ACTION_TOP);
	overlay_action(&o, r, ACTION_DOWN);
	assert_int_equal(o.pos.sel, 1);
	/* Enter sets the filter to the row's topic and closes. */
	overlay_action(&o, r, ACTION_SELECT);
	assert_int_equal(r->filter, 0);
	assert_false(overlay_is(&o, NULL));
	/* Opened again, it starts on the filter's row; q closes. */
	overlay_open(&o, r, &overlay_topics_kind, NULL);
	assert_int_equal(o.pos.sel, 1);
	overlay_action(&o, r, ACTION_QUIT);
	assert_false(overlay_is(&o, NULL));
}

/* Runs LINE as typed after `:`; returns what is left for the caller. */
static enum action
panes_command(struct panes *p, const char *line, long *count)
{
	struct command cmd;
	enum action a;

	command_run(&p->r, line, &cmd);
	panes_sync(p);
	a = cmd.action;
	*count = cmd.count;
	command_free(&cmd);
	return a;
}

/* `:` runs sentence jumps, filters and searches on the reader itself. */
static void
test_command(void **state)
{
	struct panes *p = *state;
	struct reader *r = &p->r;
	char line[32];
	size_t s, shown;
	long count;

	assert_int_equal(panes_command(p, "3", &count), ACTION_NONE);
	assert_int_equal(r->sentence, 2);
	assert_int_equal(r->focus, PANE_ARTICLE);
	/* In view, the pane following the reader. */
	assert_true(p->article.lines.sentence_line[2] >= p->article.view.top);
	assert_int_equal(panes_command(p, "99", &count), ACTION_NONE);
	assert_non_null(strstr(r->message, "no sentence 99: this source has"));
	assert_int_equal(r->sentence, 2);
	/* A topic by id, by label (any case), or said to be unknown. */
	panes_command(p, "filter fishing", &count);
	assert_int_equal(r->filter, panes_topic(r, "fishing"));
	panes_command(p, "filter  domestic POLITICS ", &count);
	assert_int_equal(r->filter, panes_topic(r, "politics"));
	panes_command(p, "filter nothing-such", &count);
	assert_non_null(strstr(r->message, "no topic nothing-such"));
	assert_int_equal(r->filter, panes_topic(r, "politics"));
	/* A sentence the filter hides is said, not selected. */
	reader_set_filter(r, panes_topic(r, "fishing"));
	panes_sync(p);
	for (s = 0; reader_sentence_shown(r, r->doc, s); s++)
		assert_true(s + 1 < r->story->docs[r->doc]->nsentences);
	snprintf(line, sizeof line, "%zu", s + 1);
	shown = r->sentence;
	assert_int_equal(panes_command(p, line, &count), ACTION_NONE);
	assert_non_null(strstr(r->message, "not shown under the topic"));
	assert_int_equal(r->sentence, shown);
	reader_set_filter(r, NONE);
	panes_sync(p);
	/* :search runs the search. */
	panes_command(p, "search AGREEMENT", &count);
	assert_non_null(strstr(r->story->docs[r->doc]->sentences[
	    r->sentence].text, "agreement"));
	assert_string_equal(r->query, "AGREEMENT");
	/* The rest is the caller's, with its count; errors are said. */
	assert_int_equal(panes_command(p, "down 4", &count), ACTION_DOWN);
	assert_int_equal(count, 4);
	assert_int_equal(panes_command(p, "filter", &count), ACTION_TOPIC);
	assert_int_equal(panes_command(p, "frob", &count), ACTION_NONE);
	assert_non_null(strstr(r->message, "unknown command: frob"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_sources, setup, teardown),
		cmocka_unit_test_setup_teardown(test_article, setup, teardown),
		cmocka_unit_test_setup_teardown(test_filter, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sidebar, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search, setup, teardown),
		cmocka_unit_test_setup_teardown(test_article_counts, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_sidebar_scroll, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_search_filtered, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_overlay, setup, teardown),
		cmocka_unit_test_setup_teardown(test_command, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
