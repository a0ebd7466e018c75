#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "boilerplate.h"
#include "call.h"
#include "caption.h"
#include "document.h"
#include "furniture.h"
#include "note.h"
#include "plainline.h"
#include "sitephrase.h"
#include "title.h"
#include "xalloc.h"

/* Function words: a line carrying one is prose, not a tag line. */
static const char *const boilerplate_function_words[] = {
	"A", "An", "And", "Are", "As", "At", "Be", "By", "For", "From", "In",
	"Is", "It", "Of", "On", "Or", "That", "The", "This", "To", "Was",
	"Were", "With", NULL
};

/*
 * A section heading in capitals ("CITES TAX OVERHAUL"), or a short line
 * that introduces what follows ("White House And GOP Reaction:"): a
 * heading of the body, not clutter and not a claim.
 */
static bool
boilerplate_heading(const char *s, size_t len)
{
	size_t i, letters = 0, words;

	/* The words are counted last: a line of prose has a small letter
	 * within a few bytes, and counting cost most of this test. */
	if (len == 0)
		return false;
	if (s[len - 1] == ':') {
		words = furniture_words(s, len, 8);
		return words != 0 && words <= 8 && s[0] >= 'A' && s[0] <= 'Z';
	}
	for (i = 0; i < len; i++) {
		if (s[i] >= 'a' && s[i] <= 'z')
			return false;
		letters += s[i] >= 'A' && s[i] <= 'Z';
	}
	words = furniture_words(s, len, 8);
	return words >= 2 && words <= 8 && letters >= 6 && s[len - 1] != '.';
}

/* The punctuation no tag line holds, and a line break. */
static const bool boilerplate_untagged[256] = {
	['.'] = true, [','] = true, [';'] = true, [':'] = true, ['!'] = true,
	['?'] = true, ['"'] = true, ['('] = true, [')'] = true, ['['] = true,
	[']'] = true, ['\n'] = true, ['\0'] = true
};

/* Does the byte at I of S, of LEN bytes, rule a tag line out:
 * punctuation but the stop of an acronym ("U.N."), a line break, a curly
 * double quote? */
static inline bool
boilerplate_untagged_at(const char *s, size_t len, size_t i)
{
	if (s[i] == '.' && i > 0 && s[i - 1] >= 'A' && s[i - 1] <= 'Z')
		return false;
	if (boilerplate_untagged[(unsigned char)s[i]])
		return true;
	return (unsigned char)s[i] == 0xe2 && i + 2 < len &&
	    (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0x9c || (unsigned char)s[i + 2] == 0x9d);
}

/*
 * A tag line: three to fifteen capitalised words and nothing else, no
 * punctuation but the stops of an acronym, no function words ("NATO
 * Ukraine Russia Diplomacy", "Karsk Tessar U.N.").
 */
static bool
boilerplate_tagline(const char *s, size_t len)
{
	size_t i = 0, w, words = 0;

	/* The first byte, then the end: few paragraphs of one sentence
	 * open with a capital or a digit, and prose closes on a stop or a
	 * quote, which rules a tag line out unread (every paragraph of one
	 * sentence is asked).  Then each word's first byte, then the
	 * punctuation, then the function words: a sentence of prose fails
	 * one of the first two at once, where the list of function words
	 * cost a look at each word. */
	if (len == 0 || !(ascii_is_upper(s[0]) || ascii_is_digit(s[0])) ||
	    boilerplate_untagged_at(s, len, len - 1) ||
	    (len >= 3 && boilerplate_untagged_at(s, len, len - 3)))
		return false;
	while (i < len) {
		/* The first byte before the rest of the word: prose's
		 * second word fails it unread. */
		w = i;
		if (!(s[w] >= 'A' && s[w] <= 'Z') && !(s[w] >= '0' && s[w] <= '9'))
			return false;
		while (i < len && s[i] != ' ')
			i++;
		words++;
		while (i < len && s[i] == ' ')
			i++;
	}
	if (words < 3 || words > 15)
		return false;
	for (i = 0; i < len; i++) {
		if (boilerplate_untagged_at(s, len, i))
			return false;
	}
	for (i = 0; i < len; ) {
		w = i;
		while (i < len && s[i] != ' ')
			i++;
		for (const char *const *f = boilerplate_function_words; *f != NULL;
		    f++) {
			if ((*f)[0] == s[w] && strlen(*f) == i - w &&
			    memcmp(*f, s + w, i - w) == 0)
				return false;
		}
		while (i < len && s[i] == ' ')
			i++;
	}
	return true;
}

/* A headline: one short sentence that does not end like one, or asks
 * ("Was the Steel Dossier the FBI's 'Insurance Policy'?"). */
static bool
boilerplate_headline(const struct sentence *s)
{
	size_t end = s->len;

	while (end > 0 && (s->text[end - 1] == '"' ||
	    s->text[end - 1] == '\'' || s->text[end - 1] == ')'))
		end--;
	if (end >= 3 && memcmp(s->text + end - 3, "\xe2\x80\x9d", 3) == 0)
		end -= 3;
	if (end == 0 || strchr(".!", s->text[end - 1]) != NULL)
		return false;
	return furniture_words(s->text, s->len, 25) <= 25;
}

/*
 * A paragraph of N sentences from S that is furniture by where it stands:
 * the headline of a link under a label ("More:", then "Worker-friendly
 * rule overturned by NLRB"), LABEL saying the paragraph before was one, or
 * under a topic in its paragraph;
 * the LAST line of a body, after prose (AFTER_PROSE), when it does not end
 * as a sentence does (a related headline, or "Watch the full exchange
 * below:" over a video extraction dropped: a heading heads something, and
 * the last of a list follows another item); a photo's caption, of one
 * sentence or more, over its credit, in the paragraph or the NEXT.
 */
#define BOILERPLATE_FOOT_WORDS 15
/* A line that ends in a colon introduces what follows; at the foot, with
 * nothing after it, a short one points at a widget ("Go deeper:"), a long
 * one is a sentence whose quote extraction dropped. */
#define BOILERPLATE_FOOT_COLON_WORDS 8
#define BOILERPLATE_CAPTION_WORDS 40

static bool
boilerplate_label(const struct sentence *s)
{
	return s->boilerplate && s->len > 0 && s->text[s->len - 1] == ':';
}

/* A link's headline under a label: short, and not itself introducing
 * something ("Advertisement:" may stand over a sentence ending so). */
static bool
boilerplate_linked(const struct sentence *s)
{
	return boilerplate_headline(s) && s->text[s->len - 1] != ':' &&
	    furniture_words(s->text, s->len, BOILERPLATE_FOOT_WORDS) <=
	    BOILERPLATE_FOOT_WORDS;
}

/* A topic over the link in its paragraph ("Religious freedom:", then
 * "Supreme Court allows cross on state land despite ..."): one to
 * BOILERPLATE_TOPIC_WORDS capitalised words and a colon, over a headline
 * of BOILERPLATE_TOPIC_LINK_WORDS words or more ("Winner:" over a name
 * gives a result). */
#define BOILERPLATE_TOPIC_WORDS 3
#define BOILERPLATE_TOPIC_LINK_WORDS 4

static bool
boilerplate_topic_link(const struct sentence *s)
{
	return s->len > 1 && s->text[s->len - 1] == ':' &&
	    ascii_is_upper(s->text[0]) &&
	    furniture_words(s->text, s->len, BOILERPLATE_TOPIC_WORDS) <=
	    BOILERPLATE_TOPIC_WORDS && boilerplate_linked(s + 1) &&
	    furniture_words(s[1].text, s[1].len,
	    BOILERPLATE_TOPIC_LINK_WORDS) >= BOILERPLATE_TOPIC_LINK_WORDS;
}

/* The next link of a list under a label: not a section heading after
 * the list, which may be a word ("Infrastructure") or ask ("What about
 * the other candidates?"). */
#define BOILERPLATE_LISTED_WORDS 3

static bool
boilerplate_listed(const struct sentence *s)
{
	return boilerplate_linked(s) && s->text[s->len - 1] != '?' &&
	    furniture_words(s->text, s->len, BOILERPLATE_LISTED_WORDS) >=
	    BOILERPLATE_LISTED_WORDS;
}

/* A caption, the line L, over its CREDIT, which stands in L's paragraph
 * when SAME_PARAGRAPH (a credit only its paragraph shows to be one then
 * counts).  The credit's facts first: a line of prose under most
 * paragraphs fails them without a call. */
static bool
boilerplate_caption(struct furniture_line *l, struct furniture_line *credit,
    bool same_paragraph)
{
	if (credit == NULL)
		return false;
	return ((caption_credit_may(credit->facts) && caption_credit(credit)) ||
	    (same_paragraph && caption_credit_line_may(credit->facts) &&
	    caption_credit_line(credit))) &&
	    furniture_line_words(l, BOILERPLATE_CAPTION_WORDS) <=
	    BOILERPLATE_CAPTION_WORDS;
}

/* A credit line only its paragraph shows to be one, or a caption saying
 * who is pictured: neither ends as a sentence does (save a bracket
 * closing a credit), which is asked here first, where calling them for
 * every sentence cost 14 M instructions over the archive. */
static bool
boilerplate_unstopped_credit(struct furniture_line *l)
{
	return (caption_credit_line_may(l->facts) && caption_credit_line(l)) ||
	    (!l->stopped && caption_pictured(l));
}

/* Longer than any credit caption_credit allows: sixteen words. */
#define BOILERPLATE_CREDIT_LEN 160

/* A caption of several sentences over its credit, all in one paragraph of
 * N lines from L: an agency's caption goes on to say what the story is
 * ("... in El Paso, Texas.", "Patrick Crusius, 21, was indicted ...", "He
 * is jailed without bond.", "(AP Photo/John Locher, File)"). */
static bool
boilerplate_captioned(struct furniture_line *l, size_t n)
{
	struct furniture_line *credit = l + n - 1;
	size_t i;

	/* Asked of every paragraph: a credit is short and ends in a
	 * bracket or a name, where prose ends in a stop or a quote; it
	 * opens with a bracket or a bar, or has a slash. */
	if (credit->len > BOILERPLATE_CREDIT_LEN || (credit->facts &
	    (FURNITURE_ENDS_BRACKET | FURNITURE_ENDS_ALPHA)) == 0)
		return false;
	if (credit->s[0] != '(' && credit->s[0] != '|' &&
	    memchr(credit->s, '/', credit->len) == NULL)
		return false;
	if (!boilerplate_caption(l, credit, true))
		return false;
	for (i = 1; i + 1 < n; i++) {
		if (furniture_line_words(&l[i], BOILERPLATE_CAPTION_WORDS) >
		    BOILERPLATE_CAPTION_WORDS)
			return false;
	}
	return true;
}

/* S's lines from L; NEXT: the next paragraph's first line, or NULL. */
static bool
boilerplate_placed(const struct sentence *s, struct furniture_line *l,
    size_t n, struct furniture_line *next, bool label, bool last,
    bool after_prose)
{
	size_t most;

	if (n == 2)
		return (boilerplate_label(s) && boilerplate_linked(s + 1)) ||
		    boilerplate_topic_link(s) ||
		    (!s->boilerplate && boilerplate_caption(l, l + 1, true));
	if (n > 2)
		return boilerplate_captioned(l, n);
	if (n != 1 || s->len == 0 || s->boilerplate)
		return false;
	if (label && boilerplate_linked(s))
		return true;
	most = s->text[s->len - 1] == ':' ? BOILERPLATE_FOOT_COLON_WORDS :
	    BOILERPLATE_FOOT_WORDS;
	if (last && after_prose && !l->stopped &&
	    s->text[s->len - 1] != ',' &&
	    furniture_line_words(l, most) <= most)
		return true;
	return boilerplate_caption(l, next, false);
}

/* Is paragraph P of the NP (their sentences from FIRST, COUNT of them)
 * said again, word for word, by the next?  Not a line of a few words: a
 * table's cells repeat ("0", "1"). */
#define BOILERPLATE_TWICE_WORDS 4

static bool
boilerplate_twice(const struct document *doc, const size_t *first,
    const size_t *count, size_t np, size_t p)
{
	size_t i;

	if (p + 1 >= np || count[p] == 0 || count[p] != count[p + 1])
		return false;
	for (i = 0; i < count[p]; i++) {
		const struct sentence *a = &doc->sentences[first[p] + i];
		const struct sentence *b = &doc->sentences[first[p + 1] + i];

		if (a->len != b->len || memcmp(a->text, b->text, a->len) != 0)
			return false;
	}
	/* Counted last: most paragraphs differ from the next. */
	return count[p] > 1 || furniture_words(doc->sentences[first[p]].text,
	    doc->sentences[first[p]].len, BOILERPLATE_TWICE_WORDS) >=
	    BOILERPLATE_TWICE_WORDS;
}

/*
 * A photo gallery as extraction leaves it: each caption's paragraph twice
 * running, then the next caption's ("Netanyahu speaks at the UN ..."
 * twice, "Netanyahu celebrates ..." twice).  TWICE says which paragraphs
 * the next repeats: one paragraph said twice is an extraction's slip and
 * stays prose; two such pairs in a row are a gallery.
 */
static bool
boilerplate_gallery(const bool *twice, size_t np, size_t p)
{
	if (twice[p] && ((p + 2 < np && twice[p + 2]) || (p >= 2 &&
	    twice[p - 2])))
		return true;
	return p >= 1 && twice[p - 1] && ((p + 1 < np && twice[p + 1]) ||
	    (p >= 3 && twice[p - 3]));
}

/*
 * A photo gallery as extraction runs it into a paragraph: "Photos: Title
 * - the first caption.", its other sentences, "Hide Caption 1 of 10
 * Photos: Title - the second caption.", its other sentences, "Hide Caption
 * 2 of 10 ...".  A caption's sentences stand between the line that opens
 * it and the "Hide Caption" that closes it; what follows the last one is
 * the story again, which extraction may have run into the same paragraph.
 */
static bool
boilerplate_gallery_close(const struct sentence *s)
{
	/* Asked of every sentence: its first byte turns most away before
	 * the call. */
	return s->len > 13 && (s->text[0] | 0x20) == 'h' &&
	    sitephrase_prefix(s->text, "hide caption ", 13);
}

static bool
boilerplate_gallery_open(const struct sentence *s)
{
	return boilerplate_gallery_close(s) ||
	    (s->len > 7 && sitephrase_prefix(s->text, "photos:", 7));
}

/* Marks the captions' sentences of the N from S, the last "Hide Caption"
 * at CLOSE. */
static void
boilerplate_gallery_mark(struct sentence *s, size_t close)
{
	size_t i = 0;

	while (i < close && !boilerplate_gallery_open(&s[i]))
		i++;
	for (; i < close; i++)
		s[i].boilerplate = true;
}

/* Another story's headline as a link after it ("Snowden calls for
 * whistleblower shield ... Read more"); its paragraph's other sentence is
 * the headline's first half, where the splitter cut it. */
#define BOILERPLATE_READ_MORE_PARAGRAPH 2

static bool
boilerplate_read_more(const struct sentence *s)
{
	static const char tail[] = " Read more";
	const size_t n = sizeof tail - 1;

	/* Its last byte first: asked of every sentence. */
	return s->len > n && s->text[s->len - 1] == 'e' &&
	    memcmp(s->text + s->len - n, tail, n) == 0;
}

/*
 * A link in brackets alone in its paragraph, as extraction leaves it: a
 * space after the bracket, where the link's anchor began ("( PHOTOS:
 * Election Day 2014)", "( Full POLITICO poll results)").  An aside of
 * prose in brackets opens with its word.
 */
static bool
boilerplate_bracketed_link(const struct sentence *s)
{
	return s->len > 3 && s->text[0] == '(' && s->text[1] == ' ' &&
	    s->text[s->len - 1] == ')' &&
	    memchr(s->text + 1, '(', s->len - 1) == NULL &&
	    furniture_words(s->text, s->len, BOILERPLATE_FOOT_WORDS) <=
	    BOILERPLATE_FOOT_WORDS;
}

/*
 * Where the writer of a byline that opens the body works, the next line
 * ("Ledyard King", then "Gannett Washington Bureau"; "Special to USA
 * TODAY", "Opinion contributor", "Ozy.com"): a few words that do not end
 * as a sentence does or introduce something.  Under anything else such a
 * line heads a section.
 */
#define BOILERPLATE_AFFILIATION_WORDS 5

static bool
boilerplate_affiliation(const struct sentence *s, struct furniture_line *l)
{
	return s->len > 0 && !s->boilerplate &&
	    s->text[s->len - 1] != ':' && !l->stopped &&
	    furniture_line_words(l, BOILERPLATE_AFFILIATION_WORDS) <=
	    BOILERPLATE_AFFILIATION_WORDS;
}

/* A live blog entry's signature S ("— Brett Samuels") under the entry,
 * whose last sentence BEFORE (its line BL) ends as a sentence does and is
 * no quote (under an epigraph, "— Donald Trump" attributes it), and not
 * over a list's next item (CNBC's "- SanTan Village" lists malls so). */
static bool
boilerplate_signed(const struct sentence *s, const struct sentence *before,
    const struct furniture_line *bl, const struct sentence *next)
{
	/* The signature's dash first: a line seldom opens with one. */
	return furniture_signature(s) && before != NULL && bl->stopped &&
	    before->text[0] != '"' && !(before->len > 3 &&
	    memcmp(before->text, "\xe2\x80\x9c", 3) == 0) && (next == NULL ||
	    sitephrase_bullet(next->text, next->len) == 0);
}

/*
 * A widget's lead-in: questions over a call in their paragraph ("Want
 * more 2020 election coverage?", then "Download the USA TODAY app."; a
 * poll's question over "Vote Here"), the N sentences from S, their lines
 * from L, the lines after the questions all furniture.  Not a post's
 * text over its signature ("— Name (@handle) ..."), a handle or a
 * link, which open otherwise than a call.
 */
#define BOILERPLATE_LEAD_IN_WORDS 15

static bool
boilerplate_lead_in(const struct sentence *s, struct furniture_line *l,
    size_t n)
{
	size_t i, questions = 0;

	while (questions < n && !s[questions].boilerplate) {
		const struct furniture_line *q = &l[questions];

		if (q->unclosed == 0 || q->s[q->unclosed - 1] != '?' ||
		    memchr(q->s, '@', q->len) != NULL ||
		    memchr(q->s, '#', q->len) != NULL ||
		    furniture_line_words(&l[questions],
		    BOILERPLATE_LEAD_IN_WORDS) > BOILERPLATE_LEAD_IN_WORDS)
			return false;
		questions++;
	}
	if (questions == 0 || questions == n ||
	    !ascii_is_upper(s[questions].text[0]))
		return false;
	for (i = questions; i < n; i++) {
		if (!s[i].boilerplate)
			return false;
	}
	return true;
}

/* A box in brackets run over a paragraph of N sentences from S ("[Want
 * climate news in your inbox?", "Sign up here for Climate Fwd:, our
 * email newsletter.]"), a line of it furniture: the box is. */
static bool
boilerplate_boxed(const struct sentence *s, size_t n)
{
	const struct sentence *last = &s[n - 1];
	size_t i;

	if (s->text[0] != '[' || last->len == 0 ||
	    last->text[last->len - 1] != ']')
		return false;
	for (i = 0; i < n; i++) {
		if (s[i].boilerplate)
			return true;
	}
	return false;
}

/* The paragraphs the title said again may stand in: the first, or the
 * second under a widget or a caption of its own. */
#define BOILERPLATE_TITLE_OPENING 2

/* Prose: a sentence of some length that ends as one, not clutter. */
#define BOILERPLATE_PROSE_WORDS 8

/* The paragraphs a bio may open the body with: the first, or the second
 * under a title extraction ran in. */
#define BOILERPLATE_BIO_OPENING 2

static bool
boilerplate_prose(const struct sentence *s, struct furniture_line *l)
{
	return !s->boilerplate && (l->facts & FURNITURE_ENDS_STOP) != 0 &&
	    furniture_line_words(l, BOILERPLATE_PROSE_WORDS) >=
	    BOILERPLATE_PROSE_WORDS;
}

/*
 * A section's heading in sentence case ("Voter turnout", "Half-Time
 * Show"): a short line that does not end as a sentence does or introduce
 * something, between paragraphs of prose (boilerplate_mark looks at
 * those).  Another story's headline, listed as a link, is longer; a
 * photo's credit has a slash ("Screenshot/Etsy"); a shop widget's line
 * and a byline are furniture of their own shapes.
 */
#define BOILERPLATE_SUBHEAD_WORDS 5

static bool
boilerplate_subhead(const struct sentence *s, struct furniture_line *l)
{
	return (l->facts & (FURNITURE_OPENS_UPPER | FURNITURE_ENDS_COLON |
	    FURNITURE_ENDS_COMMA | FURNITURE_STOPPED)) ==
	    FURNITURE_OPENS_UPPER && memchr(s->text, '/', s->len) == NULL &&
	    furniture_line_words(l, BOILERPLATE_SUBHEAD_WORDS) <=
	    BOILERPLATE_SUBHEAD_WORDS && !furniture_shop(l) &&
	    !furniture_byline(s);
}

/* A video's box or a note about the text opening a paragraph at S, or a
 * bio's note ending it at LAST, but for a line the gate proved plain
 * (FIRST_PLAIN, LAST_PLAIN): each rule here is in plainline.c's table. */
static bool
boilerplate_noted(const struct sentence *s, bool first_plain,
    const struct sentence *last, bool last_plain)
{
	return (!first_plain && (furniture_video_box(s) || note_text(s))) ||
	    (!last_plain && note_bio_end(last));
}

/*
 * A list of links closing the body under its label ("More election
 * coverage from USA TODAY:" over "• How to make sense of ...", "Related
 * slideshows:" over "Protests after Donald Trump's victory >>>"), each
 * link a paragraph: BOILERPLATE_FOOT_LIST_ITEMS or more lines shaped as a
 * list's items, a bullet first ("--" too) or ">>>" last, with only
 * furniture after them.  Within the body a list under a label is the story's own (a
 * bill's provisions, a tally), and one item under "Also:" finishes a
 * sentence.
 */
#define BOILERPLATE_FOOT_LIST_ITEMS 2

static bool
boilerplate_list_item(const struct sentence *s)
{
	return sitephrase_bullet(s->text, s->len) != 0 || (s->len > 3 &&
	    (memcmp(s->text, "-- ", 3) == 0 ||
	    memcmp(s->text + s->len - 3, ">>>", 3) == 0));
}

static bool
boilerplate_all_marked(const struct document *doc, size_t first,
    size_t count)
{
	size_t i;

	for (i = first; i < first + count; i++) {
		if (!doc->sentences[i].boilerplate)
			return false;
	}
	return true;
}

/* The paragraphs are LAST, their sentences from FIRST, COUNT of them. */
static void
boilerplate_foot_list(struct document *doc, const size_t *first,
    const size_t *count, size_t last)
{
	size_t p = last, items = 0, i;
	const struct sentence *label;

	while (p > 0 && (count[p - 1] == 0 ||
	    boilerplate_all_marked(doc, first[p - 1], count[p - 1]) ||
	    (count[p - 1] == 1 &&
	    boilerplate_list_item(&doc->sentences[first[p - 1]])))) {
		p--;
		items += count[p] == 1 && boilerplate_list_item(
		    &doc->sentences[first[p]]);
	}
	if (items < BOILERPLATE_FOOT_LIST_ITEMS || p == 0 ||
	    count[p - 1] != 1)
		return;
	label = &doc->sentences[first[p - 1]];
	if (label->len == 0 || label->text[label->len - 1] != ':' ||
	    !ascii_is_upper(label->text[0]) || furniture_words(label->text,
	    label->len, BOILERPLATE_FOOT_COLON_WORDS) >
	    BOILERPLATE_FOOT_COLON_WORDS)
		return;
	for (i = first[p - 1]; i < doc->nsentences; i++) {
		doc->sentences[i].boilerplate = true;
		doc->sentences[i].heading = false;
	}
}

void
boilerplate_mark(struct document *doc)
{
	size_t np = doc->nparagraphs, p, i, *first, *count, *close;
	enum sitephrase_kind *kind, k;
	bool *allmore, *clutter, *twice, *plain, block = false, prev = false;
	bool label = false, listed = false;
	/* The paragraph before was a byline opening the body. */
	bool byline = false, under_byline;
	size_t outlet_len = doc->outlet != NULL ? strlen(doc->outlet) : 0;
	size_t outlet_name_len = call_outlet_name(doc->outlet);
	bool after_prose = false;
	/* The last sentence of the paragraph before, when no heading
	 * stood between: read only when a short line asks. */
	const struct sentence *before = NULL;
	size_t last, seen = 0;
	uint64_t *anywhere;
	/* Each sentence's line, read once for every rule that asks. */
	struct furniture_line *lines;
	const struct plainline_gate *gate = plainline_gate();
	void *arrays;

	if (doc->nsentences == 0)
		return;
	/* Every array in one allocation, widest first: eight cost 2.5
	 * instructions a byte of text.  Only the paragraphs' are zeroed:
	 * the lines are written whole before they are read, and zeroing
	 * them too (calloc) cost 31 M instructions over the archive. */
	arrays = xmalloc(doc->nsentences * (sizeof *anywhere +
	    sizeof *lines + sizeof *plain) + np * (3 * sizeof *first +
	    sizeof *kind + 3 * sizeof *allmore));
	anywhere = arrays;
	lines = (struct furniture_line *)(void *)(anywhere + doc->nsentences);
	first = (size_t *)(void *)(lines + doc->nsentences);
	memset(first, 0, np * (3 * sizeof *first + sizeof *kind +
	    3 * sizeof *allmore));
	count = first + np;
	close = count + np;
	kind = (enum sitephrase_kind *)(void *)(close + np);
	allmore = (bool *)(void *)(kind + np);
	clutter = allmore + np;
	twice = clutter + np;
	plain = twice + np;
	sitephrase_find_all(doc->sentences, doc->nsentences, anywhere);
	for (p = 0; p < np; p++)
		allmore[p] = true;
	for (i = doc->nsentences; i-- > 0; ) {
		struct sentence *s = &doc->sentences[i];
		struct furniture_line *line = &lines[i];
		bool furniture;

		p = s->paragraph;
		first[p] = i;
		count[p]++;
		furniture_line_read(line, s->text, s->len);
		/* Plain prose is asked none of the rules below (each of
		 * which plainline.c's table names). */
		k = SITEPHRASE_NONE;
		plain[i] = plainline_plain(gate, line, anywhere[i], outlet_len);
		if (!plain[i]) {
			/* plainline: the rules from here */
			k = sitephrase_read(line, anywhere[i], &furniture);
			/* Each rule's facts before it: most lines fail them
			 * all. */
			if (k != SITEPHRASE_NONE || furniture ||
			    (furniture_name_card_may(line->facts) &&
			    furniture_name_card(line)) ||
			    (caption_credit_may(line->facts) &&
			    caption_credit(line)) ||
			    boilerplate_unstopped_credit(line) ||
			    furniture_link_line(line) ||
			    furniture_outlet(s, doc->outlet, outlet_len) ||
			    boilerplate_read_more(s) ||
			    (call_may(line) && (call_pointer(line) ||
			    call_outlet(line, doc->outlet, outlet_name_len))))
				s->boilerplate = true;
			/* The last of its paragraph, found first going
			 * back. */
			if (close[p] == 0 && boilerplate_gallery_close(s))
				close[p] = i + 1;
			/* plainline: to here */
		}
		if (k != SITEPHRASE_MORE)
			allmore[p] = false;
		kind[p] = k;	/* ends as the paragraph's first sentence's */
	}
	for (last = np; last > 0 && count[last - 1] == 0; last--)
		;
	for (p = 0; p < np; p++)
		twice[p] = boilerplate_twice(doc, first, count, np, p);
	for (p = 0; p < np; p++) {
		struct sentence *s = &doc->sentences[first[p]];
		struct furniture_line *l = &lines[first[p]], *nl;
		const struct sentence *next = p + 1 < np && count[p + 1] != 0 ?
		    &doc->sentences[first[p + 1]] : NULL;
		bool placed, chained, heading, tagline;
		size_t last_line;

		if (count[p] == 0)
			continue;
		nl = next != NULL ? &lines[first[p + 1]] : NULL;
		seen++;
		/* The title ends its paragraph, under the photo's caption
		 * ("President Obama has taken pains ...", then the title):
		 * within one, a line saying it is a quote the title
		 * borrowed. */
		last_line = first[p] + count[p] - 1;
		if ((seen <= BOILERPLATE_TITLE_OPENING &&
		    title_repeated(&lines[last_line], doc->title)) ||
		    (count[p] >= 2 && (boilerplate_lead_in(s, l, count[p]) ||
		    boilerplate_boxed(s, count[p])))) {
			for (i = first[p]; i <= last_line; i++)
				doc->sentences[i].boilerplate = true;
		}
		under_byline = byline;
		byline = false;
		if (close[p] != 0)
			boilerplate_gallery_mark(s, close[p] - 1 - first[p]);
		/* The links under a label ("More:"), one a paragraph: the
		 * first, and each after it. */
		chained = listed && count[p] == 1 && !s->boilerplate &&
		    boilerplate_listed(s);
		listed = chained || (count[p] == 1 && label && !s->boilerplate &&
		    boilerplate_linked(s)) || (count[p] == 2 &&
		    boilerplate_label(s) && boilerplate_linked(s + 1));
		/* Another story's headline in capitals, which may be as
		 * short as a heading, is not one. */
		placed = chained || boilerplate_gallery(twice, np, p) ||
		    boilerplate_placed(s, l, count[p], nl, label, p + 1 == last,
		    after_prose) || (count[p] == 1 &&
		    furniture_related_caps_may(l->facts) &&
		    furniture_related_caps(s)) ||
		    (count[p] <= BOILERPLATE_READ_MORE_PARAGRAPH &&
		    boilerplate_read_more(&doc->sentences[first[p] + count[p] - 1])) ||
		    (count[p] == 1 && (boilerplate_bracketed_link(s) ||
		    (call_may(l) && call_label(l) && (next == NULL ||
		    next->boilerplate)) ||
		    (under_byline && boilerplate_affiliation(s, l)) ||
		    furniture_cut_label(s) || boilerplate_signed(s, before,
		    before != NULL ? &lines[before - doc->sentences] : NULL,
		    next))) || (count[p] == 2 && furniture_related_caps_cut(s));
		label = false;
		heading = !placed && count[p] == 1 && !s->boilerplate &&
		    boilerplate_heading(s->text, s->len);
		/* A heading over other stories' headlines in capitals titles
		 * the list ("BREAKING NEWS ABOUT THE CORONAVIRUS PANDEMIC"). */
		if (heading && next != NULL && count[p + 1] == 1 &&
		    furniture_related_caps_may(nl->facts) &&
		    furniture_related_caps(next))
			placed = true;
		else if (heading) {
			s->heading = true;
			prev = after_prose = false;
			before = NULL;
			continue;
		}
		/* Capitalised words over a paragraph of prose head it
		 * ("Social Network Limitations"); tags end a page.  A short
		 * line between paragraphs of prose heads the next. */
		/* Asked once for both uses below. */
		tagline = count[p] == 1 && boilerplate_tagline(s->text, s->len);
		if (!placed && count[p] == 1 && !s->boilerplate &&
		    next != NULL && (tagline || (before != NULL &&
		    boilerplate_subhead(s, l) && boilerplate_prose(before,
		    &lines[before - doc->sentences]))) &&
		    boilerplate_prose(next, nl)) {
			s->heading = true;
			prev = after_prose = false;
			before = NULL;
			continue;
		}
		/* A video's box, a columnist's bio, an editor's note or a
		 * correction: the whole paragraph.  A
		 * bio's first line says so only where a bio stands, over the
		 * body (under a title run in) or at its foot: within the
		 * body, "X is a professor at Y" introduces a source. */
		byline = count[p] == 1 && (furniture_byline(s) ||
		    (first[p] == 0 && furniture_name(s)));
		clutter[p] = placed || kind[p] == SITEPHRASE_HEADING || allmore[p] ||
		    boilerplate_noted(s, plain[first[p]], &doc->sentences[
		    last_line], plain[last_line]) ||
		    ((seen == 1 || p + 1 == last) && note_piece(s, seen == 1)) ||
		    ((seen <= BOILERPLATE_BIO_OPENING || p + 1 == last) &&
		    note_bio(s)) ||
		    (count[p] == 1 && (tagline || furniture_shop(l))) || byline;
		byline = byline && seen == 1;
		if (kind[p] == SITEPHRASE_HEADING || allmore[p])
			block = true;
		else if (block) {
			/* Under a heading: the other stories' headlines and
			 * teasers, each teaser followed by its "Read more". */
			block = (count[p] == 1 && boilerplate_headline(s)) ||
			    sitephrase_bullet(s->text, s->len) != 0 ||
			    (prev && p + 1 < np && count[p + 1] != 0 &&
			    allmore[p + 1]);
			/* A bio or a video's box under the list is still
			 * one. */
			clutter[p] = block || clutter[p];
		}
		prev = clutter[p];
		label = count[p] == 1 && boilerplate_label(s);
		if (clutter[p]) {
			for (i = first[p]; i < first[p] + count[p]; i++)
				doc->sentences[i].boilerplate = true;
		}
		s = &doc->sentences[first[p] + count[p] - 1];
		before = s;
		after_prose = s->boilerplate ||
		    lines[first[p] + count[p] - 1].stopped || (s->len >= 3 &&
		    memcmp(s->text + s->len - 3, "\xe2\x80\xa6", 3) == 0);
	}
	boilerplate_foot_list(doc, first, count, last);
	free(arrays);
}
