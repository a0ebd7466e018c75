/*
 * document: one source of the story (a file, or a buffer read from one).
 *
 * A document owns its metadata, its sentences and every array hanging off
 * them.  Sentence text is sanitised UTF-8 (see text.h): invalid bytes are
 * U+FFFD and nothing in it can drive a terminal.  The tagger fills
 * `matches`/`topics` (for a whole document in one `tagblock`), the claim
 * linker fills `claim`; document_free frees all of it.
 */
#ifndef PARALLAX_DOCUMENT_H
#define PARALLAX_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Byte range [start, end) into a sentence's text. */
struct span {
	size_t start;
	size_t end;
};

/* Whether byte AT lies in one of the N spans. */
bool document_spans_contain(const struct span *spans, size_t n, size_t at);

/* What backs a keyword hit (parallax-taxonomy(5), "ambiguous"). */
enum match_support {
	MATCH_PLAIN,		/* a keyword that needs no backing */
	MATCH_BY_SENTENCE,	/* ambiguous, backed by the sentence */
	MATCH_BY_SOURCE,	/* ambiguous, backed by other sentences */
	MATCH_UNBACKED		/* ambiguous with no backing: tags nothing */
};

/* One keyword hit; `keyword` points into the taxonomy that tagged it. */
struct match {
	size_t topic;		/* index into taxonomy->topics */
	const char *keyword;
	size_t start;
	size_t end;
	enum match_support support;
	bool firm;		/* a keyword of two words or more that needs no
				 * backing (the tagger's firm phrase) */
};

#define SENTENCE_NO_CLAIM ((size_t)-1)

/*
 * A story holds hundreds of thousands of these, so the record is kept to
 * 64 bytes: lengths, offsets and counts within one sentence are 32-bit (a
 * source is at most DOCUMENT_MAX_BYTES), pointers first, flags last.
 */
struct sentence {
	char *text;		/* sanitised, NUL-terminated, on one line */
	struct span *quotes;	/* quoted spans, in order: the words between
				 * the marks, cut at the sentence's edges */
	struct match *matches;	/* filled by the tagger, sorted by start */
	size_t *topics;		/* topic indices carried, ascending */
	size_t claim;		/* claim id, or SENTENCE_NO_CLAIM before linking */
	uint32_t len;
	uint32_t paragraph;	/* 0-based, within the body */
	uint32_t nquotes;
	uint32_t nmatches;
	uint32_t ntopics;
	bool boilerplate;	/* site or aggregator clutter */
	bool quote_continues;	/* a quote opened here runs into the next sentence */
	bool quote_continued;	/* this sentence starts inside a quote opened earlier */
	bool heading;		/* a heading within the body, not prose */
};

struct meta {
	char *key;
	char *value;
};

struct document {
	char *path;		/* as given, or a synthetic name for buffers */
	char *outlet;		/* front matter, else the file name without extension */
	char *title;		/* may be NULL */
	char *url;		/* may be NULL */
	char *date;		/* may be NULL */
	char *author;		/* may be NULL */
	char *dateline;		/* "BRUSSELS", "MUNICH (AP)"; may be NULL */
	struct meta *extra;	/* unknown front-matter keys, kept in order */
	size_t nextra;
	char *strings;		/* plain front matter's keys and values in one
				 * block (freed whole), or NULL: a field is
				 * replaced after frontmatter_free_string
				 * (frontmatter.h), never free */
	size_t nstrings;	/* the block's size */
	struct sentence *sentences;
	size_t nsentences;
	size_t nparagraphs;
	char *textblock;	/* the sentences, their text and quotes, when
				 * the loader put them in one block (freed
				 * whole); NULL when the array and each
				 * sentence's text and quotes are their own
				 * allocations */
	void *tagblock;		/* every sentence's matches and topics, when
				 * tagger_tag_document put them in one block
				 * (freed whole); NULL when each sentence's
				 * are their own allocations (tagger_tag) */
};

/* Largest source accepted, in bytes. */
#define DOCUMENT_MAX_BYTES ((size_t)16 << 20)

/*
 * Loads one source: text or Markdown with optional front matter, or an
 * HTML page (by its name or its content; see document_load_html).
 * Returns 0 and sets *out, or -1 and sets *cause to an allocated one-line
 * message naming the file (empty, binary, too large, unreadable, no
 * article).  The caller frees *out with document_free and *cause with free.
 */
int document_load_file(const char *path, struct document **out, char **cause);
int document_load_buffer(const char *name, const char *buf, size_t len,
    struct document **out, char **cause);

/*
 * An HTML page (html.h) as a document: its article and metadata.  CHARSET
 * is the charset the transport declared (HTTP's Content-Type), or NULL.
 * document_load_buffer calls it for names ending in .html, .htm or .xhtml
 * and for any content that starts like HTML.
 */
int document_load_html(const char *name, const char *buf, size_t len,
    const char *charset, struct document **out, char **cause);

/*
 * A document named NAME from a draft (draft.h) a format's reader filled:
 * its metadata copied, its paragraphs split into sentences.  A first
 * paragraph that is a heading becomes the title when the draft has none.
 * The draft stays the caller's.  Returns as document_load_buffer.
 */
struct draft;
int document_from_draft(const char *name, const struct draft *draft,
    struct document **out, char **cause);

/*
 * Reads the file at PATH whole into *BUF (allocated, NUL-terminated, the
 * caller frees it), refusing directories and files over
 * DOCUMENT_MAX_BYTES.  Returns 0, or -1 with *cause set as above.
 */
int document_read_file(const char *path, char **buf, size_t *len,
    char **cause);

/* Drops the tagger's and linker's results so the document can be
 * re-tagged: the tag block, or each sentence's own matches and topics. */
void document_clear_tags(struct document *doc);

void document_free(struct document *doc);

#endif
