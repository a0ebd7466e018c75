/* xmlapi: libxml2 loaded when a feed is first read (see xmlapi.h). */
#include "config.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>

#include "dynlib.h"
#include "xmlapi.h"

static pthread_once_t xmlapi_once = PTHREAD_ONCE_INIT;
static struct xmlapi xmlapi_table;
static const struct xmlapi *xmlapi_loaded;
static struct dynlib xmlapi_lib = {
	.name = "libxml2",
	.env = "PARALLAX_LIBXML2",
	.soname = XMLAPI_SONAME,
	.needed_for = "reading feeds",
	.package = "libxml2",
	.version = "2.9",
};

/* Each function of the table with the symbol it is found by. */
#define XMLAPI_FUNCTIONS(X) \
	X(new_parser, xmlNewParserCtxt) \
	X(read_memory, xmlCtxtReadMemory) \
	X(last_error, xmlCtxtGetLastError) \
	X(free_parser, xmlFreeParserCtxt) \
	X(free_doc, xmlFreeDoc) \
	X(root, xmlDocGetRootElement) \
	X(get_prop, xmlGetProp) \
	X(buffer_new, xmlBufferCreate) \
	X(node_dump, xmlNodeDump) \
	X(buffer_content, xmlBufferContent) \
	X(buffer_free, xmlBufferFree)

static void
xmlapi_load(void)
{
	void (*init_parser)(void);

	/* The table's types are the headers' own: sizeof evaluates nothing
	 * and references no symbol, but a field of another type warns. */
#define XMLAPI_CHECK(field, symbol) (void)sizeof(xmlapi_table.field = symbol);
	XMLAPI_FUNCTIONS(XMLAPI_CHECK)
#undef XMLAPI_CHECK
	(void)sizeof(xmlapi_table.free_var = &xmlFree);
	if (!dynlib_open(&xmlapi_lib))
		return;
	/* A library that is not a usable libxml2 is let go again. */
#define XMLAPI_FIND(field, symbol) \
	if (!dynlib_symbol(&xmlapi_lib, #symbol, &xmlapi_table.field, \
	    sizeof xmlapi_table.field)) \
		goto unusable;
	XMLAPI_FUNCTIONS(XMLAPI_FIND)
#undef XMLAPI_FIND
	/* xmlFree is a variable (libxml2 is built without per-thread
	 * allocators): dlsym gives where it is. */
	if (!dynlib_symbol(&xmlapi_lib, "xmlFree", &xmlapi_table.free_var,
	    sizeof xmlapi_table.free_var) ||
	    !dynlib_symbol(&xmlapi_lib, "xmlInitParser", &init_parser,
	    sizeof init_parser))
		goto unusable;
	init_parser();
	xmlapi_loaded = &xmlapi_table;
	return;
unusable:
	dynlib_close(&xmlapi_lib);
}

const struct xmlapi *
xmlapi_get(const char **why)
{
	pthread_once(&xmlapi_once, xmlapi_load);
	if (xmlapi_loaded == NULL)
		*why = xmlapi_lib.why;
	return xmlapi_loaded;
}

void
xmlapi_free(const struct xmlapi *api, void *p)
{
	(*api->free_var)(p);
}
