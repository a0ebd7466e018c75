/*
 * html: an HTML page or fragment as a draft (draft.h) of paragraphs and
 * metadata, through our HTML tokenizer and tree (htmltree.h: no
 * network, no DTD, no external entities, errors recovered from).
 *
 * A page keeps its article body only: a readability-style scorer finds
 * the block of the page that holds the prose (text density, link
 * density, paragraph structure, class and id hints), and scripts, styles,
 * forms, navigation, asides, figure captions and credits are left out.
 * Its metadata (htmlmeta.h) fills the draft's title, outlet, date, author
 * and url.  A fragment (a feed item's content) keeps all of its text
 * without scripts, styles and images, and reads no metadata.  Headings in
 * the body become paragraphs flagged `heading`.
 *
 * The caller owns the draft (draft_init before, draft_free after, also
 * when html_extract fails); html_extract keeps nothing.
 */
#ifndef PARALLAX_HTML_H
#define PARALLAX_HTML_H

#include <stddef.h>

struct draft;

enum html_kind {
	HTML_PAGE,		/* a whole page: its article only */
	HTML_FRAGMENT		/* a feed item's content: all of its text */
};

/*
 * Extracts BUF (LEN bytes, any charset: charset.h decides, CHARSET being
 * what the transport declared, or NULL) into D.  Returns 0, or -1 with
 * *CAUSE set to an allocated one-line "NAME: why" ("no article found"
 * when a page holds no prose, only navigation and the like).
 */
int html_extract(const char *name, const char *buf, size_t len,
    const char *charset, enum html_kind kind, struct draft *d,
    char **cause);

/* Whether BUF looks like HTML by its first markup (a doctype, <html>,
 * <head>, <body>, after a byte order mark, white space and comments). */
int html_sniff(const char *buf, size_t len);

#endif
