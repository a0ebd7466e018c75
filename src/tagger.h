/*
 * tagger: sentences -> topics, with the keyword spans that put them there.
 *
 * A tagger compiles a taxonomy once (phrasebook.h) and borrows it:
 * the taxonomy must outlive the tagger and every match it wrote, since
 * match.keyword points into it.  tagger_tag replaces a sentence's matches
 * and topics with fresh allocations the document owns;
 * tagger_tag_document replaces the whole document's tags with one block
 * (document.h's tagblock), so a sentence of a document it tagged is
 * tagged alone only after document_clear_tags.
 */
#ifndef PARALLAX_TAGGER_H
#define PARALLAX_TAGGER_H

#include <stddef.h>

struct taxonomy;
struct sentence;
struct document;
struct tagger;
struct match;

/* An exclude phrase that kept its topic off a sentence. */
struct tagger_veto {
	size_t topic;		/* index into taxonomy->topics */
	const char *exclude;	/* points into the taxonomy */
	size_t start;		/* byte span of the phrase in the text */
	size_t end;
};

/*
 * What a match does for its topic in a sentence as its source tagged it
 * (parallax-taxonomy(5), rules 6 to 8).
 */
enum tagger_verdict {
	TAGGER_CARRIES,		/* plain, or backed by the sentence */
	TAGGER_BY_SOURCE,	/* ambiguous, backed by other sentences */
	TAGGER_VETOED,		/* an exclude of its topic matched */
	TAGGER_UNBACKED,	/* ambiguous, nothing backs it: no topic */
	TAGGER_ALONE,		/* rule 8: its family named by one common word
				 * the source does not return to: no topic */
	TAGGER_CLUTTER		/* the sentence is boilerplate: no topic */
};

/*
 * Why a sentence carries what it carries: every keyword match, including
 * those of topics an exclude phrase vetoed, and every veto.  An ambiguous
 * keyword's match is MATCH_UNBACKED when the sentence alone does not back
 * it: the sentence still carries its topic when other sentences of its
 * source do.  Allocated by
 * tagger_explain, released by tagger_explanation_free.
 */
struct tagger_explanation {
	struct match *matches;	/* sorted by start */
	size_t nmatches;
	struct tagger_veto *vetoes;	/* sorted by start */
	size_t nvetoes;
	enum tagger_verdict *verdicts;	/* per match, by
					 * tagger_explain_sentence; else NULL */
};

/*
 * A tagger keeps scratch space: use one per thread.  tagger_tag fills the
 * sentence's matches (of carried topics only, sorted by start) and topics
 * (ascending indices), judging ambiguous keywords by the sentence alone;
 * tagger_tag_document tags every sentence of DOC but its boilerplate, and
 * lets other sentences of the source back an ambiguous keyword
 * (parallax-taxonomy(5)).
 */
struct tagger *tagger_new(const struct taxonomy *tax);

/*
 * A tagger for another thread: it shares TAGGER's compiled matcher (read
 * only) and has scratch space of its own.  TAGGER must outlive it; free
 * both with tagger_free.
 */
struct tagger *tagger_fork(const struct tagger *tagger);
void tagger_tag(const struct tagger *tagger, struct sentence *sentence);
void tagger_tag_document(const struct tagger *tagger, struct document *doc);
void tagger_explain(const struct tagger *tagger, const char *text,
    size_t len, struct tagger_explanation *out);
/*
 * tagger_explain on S's text, and each match's verdict in S as its source
 * tagged it (S's topics, from tagger_tag_document or tagger_tag with this
 * tagger): the explanation alone cannot tell a topic that rule 8 kept off
 * a sentence from one it carries.
 */
void tagger_explain_sentence(const struct tagger *tagger,
    const struct sentence *s, struct tagger_explanation *out);
void tagger_explanation_free(struct tagger_explanation *e);
void tagger_free(struct tagger *tagger);

#endif
