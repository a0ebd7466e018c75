/* addkeyword: keyword, topic (or a new one: id, label), then the change. */
#include "config.h"

#include <stdlib.h>

#include "addkeyword.h"
#include "overlay.h"
#include "overlay_topics.h"
#include "prompt.h"
#include "reader.h"
#include "retag.h"
#include "taxedit.h"
#include "xalloc.h"

void
addkeyword_free(struct addkeyword *f)
{
	free(f->keyword);
	free(f->id);
	f->keyword = f->id = NULL;
}

int
addkeyword_start(struct addkeyword *f, struct prompt *p, const char *prefill)
{
	addkeyword_free(f);
	return prompt_start(p, PROMPT_KEYWORD, prefill);
}

int
addkeyword_submit(struct addkeyword *f, struct prompt *p, struct overlay *o,
    struct reader *r)
{
	enum prompt_kind kind = p->kind;
	char *text = xstrdup(prompt_text(p));
	int dirty = DIRTY_STATUS;

	prompt_end(p);
	if (*text == '\0') {
		addkeyword_free(f);
	} else if (kind == PROMPT_KEYWORD) {
		free(f->keyword);
		f->keyword = text;
		return overlay_open(o, r, &overlay_topics_kind, text);
	} else if (kind == PROMPT_TOPIC_ID) {
		free(f->id);
		f->id = text;
		return prompt_start(p, PROMPT_TOPIC_LABEL, NULL);
	} else {
		dirty = DIRTY_ALL | retag_new_topic(r, f->id, text, f->keyword);
		addkeyword_free(f);
	}
	free(text);
	return dirty;
}

int
addkeyword_chosen(struct addkeyword *f, struct prompt *p, struct overlay *o,
    struct reader *r)
{
	size_t topic = o->choice;
	int dirty;

	overlay_close(o);
	if (topic == OVERLAY_TOPICS_NEW)
		return DIRTY_ALL | prompt_start(p, PROMPT_TOPIC_ID, NULL);
	dirty = retag_change_keyword(r, topic, TAXEDIT_KEYWORDS, f->keyword,
	    true);
	addkeyword_free(f);
	return DIRTY_ALL | dirty;
}
