/*
 * markdown: a Markdown body rendered into a draft (draft.h) with md4c's
 * push parser, so the prose is what a reader of the rendered page reads:
 * emphasis and code marks dropped, a link's text kept without its URL,
 * images dropped (their alt text is no sentence), headings as heading
 * paragraphs, each list item (marked "- " or "N. ") and table row a
 * paragraph of its own, the
 * paragraphs of a block quote in quotation marks (so they are quotes, as
 * the author marked them), raw HTML dropped.  Front matter is not its
 * business: the caller reads it first and passes the body.
 *
 * The caller owns the draft; markdown_render adds paragraphs to it.
 */
#ifndef PARALLAX_MARKDOWN_H
#define PARALLAX_MARKDOWN_H

#include <stdbool.h>
#include <stddef.h>

struct draft;

/*
 * Renders TEXT[0, LEN) into D.  With LINES, a line break inside a block
 * ends a paragraph (text written a paragraph a line, as most sources are,
 * rather than hard-wrapped).  Returns 0, or -1 when md4c gives up (it
 * does only when out of memory).
 */
int markdown_render(const char *text, size_t len, bool lines,
    struct draft *d);

struct draft_para;

/*
 * What markdown_render would give the sanitised (text.h) TEXT[0, LEN)
 * with LINES, as byte ranges of TEXT itself, when that is its non-blank
 * lines as they stand: no Markdown in it, and in no line anything
 * draft_add would fold (white space but single spaces between words,
 * NBSP).  Then sets *PARAS (allocated, the caller frees it), *NP and
 * *LONGEST (the longest line's length) and returns true; else false, and
 * the caller renders it.  Nine in ten real news bodies are such, and skip
 * the draft's copy of every paragraph.
 */
bool markdown_lines(const char *text, size_t len, struct draft_para **paras,
    size_t *np, size_t *longest);

/*
 * The same through md4c's parse always.  markdown_render takes a body
 * with no Markdown as its lines without it; test_markdown checks that
 * the two agree.
 */
int markdown_render_md4c(const char *text, size_t len, bool lines,
    struct draft *d);

/*
 * Whether TEXT[0, LEN), of no known name (standard input), is Markdown:
 * a line holds one of its unmistakable marks (an ATX heading "# Title",
 * an inline link or image "[text](url)", strong emphasis "**words**" or
 * "__words__", a code fence, a link definition "[id]: url").  Lists,
 * block quotes, rules and single asterisks are left out on purpose:
 * plain text writes them too, and stays plain.
 */
bool markdown_sniff(const char *text, size_t len);

#endif
