/* xmlsetup: libxml2's globals set up once (see xmlsetup.h). */
#include "config.h"

#include <pthread.h>

#include <libxml/parser.h>

#include "xmlsetup.h"

static pthread_once_t xmlsetup_done = PTHREAD_ONCE_INIT;

static void
xmlsetup_init(void)
{
	xmlInitParser();
}

void
xmlsetup_once(void)
{
	pthread_once(&xmlsetup_done, xmlsetup_init);
}
