/* xmlapi: libxml2 loaded when a feed is first read (see xmlapi.h). */
#include "config.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmlapi.h"

static pthread_once_t xmlapi_once = PTHREAD_ONCE_INIT;
static struct xmlapi xmlapi_table;
static const struct xmlapi *xmlapi_loaded;
static char xmlapi_why[512];

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

/* Finds NAME in LIB (loaded from FILE) into *FN, a function pointer of
 * SIZE bytes; false, with the reason kept, if it is absent. */
static bool
xmlapi_symbol(void *lib, const char *file, const char *name, void *fn,
    size_t size)
{
	void *sym;

	dlerror();
	sym = dlsym(lib, name);
	if (sym == NULL) {
		snprintf(xmlapi_why, sizeof xmlapi_why,
		    "%s has no %s: libxml2 2.9 or later is needed", file,
		    name);
		return false;
	}
	/* POSIX: a data pointer from dlsym converts to a function
	 * pointer; copied bytewise, as ISO C has no such cast. */
	memcpy(fn, &sym, size);
	return true;
}

static void
xmlapi_load(void)
{
	const char *file = getenv("PARALLAX_LIBXML2");
	void (*init_parser)(void);
	const char *err;
	void *lib;

	/* The table's types are the headers' own: sizeof evaluates nothing
	 * and references no symbol, but a field of another type warns. */
#define XMLAPI_CHECK(field, symbol) (void)sizeof(xmlapi_table.field = symbol);
	XMLAPI_FUNCTIONS(XMLAPI_CHECK)
#undef XMLAPI_CHECK
	(void)sizeof(xmlapi_table.free_var = &xmlFree);
	if (file == NULL || file[0] == '\0')
		file = XMLAPI_SONAME;
	/* RTLD_NOW: a missing symbol is found here, not mid-parse. */
	lib = dlopen(file, RTLD_NOW | RTLD_LOCAL);
	if (lib == NULL) {
		err = dlerror();
		snprintf(xmlapi_why, sizeof xmlapi_why,
		    "cannot load libxml2, which reading feeds needs (%s): "
		    "install the Debian package libxml2", err != NULL ? err :
		    file);
		return;
	}
	/* A library that is not a usable libxml2 is let go again. */
#define XMLAPI_FIND(field, symbol) \
	if (!xmlapi_symbol(lib, file, #symbol, &xmlapi_table.field, \
	    sizeof xmlapi_table.field)) \
		goto unusable;
	XMLAPI_FUNCTIONS(XMLAPI_FIND)
#undef XMLAPI_FIND
	/* xmlFree is a variable (libxml2 is built without per-thread
	 * allocators): dlsym gives where it is. */
	if (!xmlapi_symbol(lib, file, "xmlFree", &xmlapi_table.free_var,
	    sizeof xmlapi_table.free_var) ||
	    !xmlapi_symbol(lib, file, "xmlInitParser", &init_parser,
	    sizeof init_parser))
		goto unusable;
	init_parser();
	xmlapi_loaded = &xmlapi_table;
	return;
unusable:
	dlclose(lib);
}

const struct xmlapi *
xmlapi_get(const char **why)
{
	pthread_once(&xmlapi_once, xmlapi_load);
	if (xmlapi_loaded == NULL)
		*why = xmlapi_why;
	return xmlapi_loaded;
}

void
xmlapi_free(const struct xmlapi *api, void *p)
{
	(*api->free_var)(p);
}
