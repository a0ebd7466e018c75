/*
 * addkeyword: the steps of adding a keyword from the reader: the keyword
 * is read in the prompt (prefilled from a search or an explained match),
 * its topic chosen in the topic picker, and when that is "a new topic",
 * the topic's id and label read in the prompt; then the taxonomy file is
 * changed (retag.h).  The flow owns the keyword and id while it runs
 * (addkeyword_free); prompt and picker only return what was typed or
 * chosen.
 */
#ifndef PARALLAX_UI_ADDKEYWORD_H
#define PARALLAX_UI_ADDKEYWORD_H

struct overlay;
struct prompt;
struct reader;

struct addkeyword {
	char *keyword;		/* the keyword, once typed */
	char *id;		/* a new topic's id, while its label is asked */
};

/* Asks for the keyword, the prompt holding PREFILL (may be NULL). */
int addkeyword_start(struct addkeyword *f, struct prompt *p,
    const char *prefill);

/* The prompt's text was submitted for one of the flow's steps. */
int addkeyword_submit(struct addkeyword *f, struct prompt *p,
    struct overlay *o, struct reader *r);

/* The topic picker chose (REACT_CHOSEN). */
int addkeyword_chosen(struct addkeyword *f, struct prompt *p,
    struct overlay *o, struct reader *r);

void addkeyword_free(struct addkeyword *f);

#endif
