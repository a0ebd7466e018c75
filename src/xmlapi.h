/*
 * xmlapi: libxml2, loaded (dlopen) the first time a feed is read instead
 * of linked.  Only feeds parse with it (feed.h); linked, it and the ICU
 * and C++ libraries it brings cost every run about 3.6 million
 * instructions of dynamic linking before main, most of what start-up had
 * left.  Owns the library, loaded and set up (xmlInitParser, which is not
 * safe to run on two threads at once) once for the process and never
 * unloaded, and the table of the functions feed.c calls.  The headers
 * still give the tree's types: libxml2.so.2 keeps them stable.
 */
#ifndef PARALLAX_XMLAPI_H
#define PARALLAX_XMLAPI_H

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

struct xmlapi {
	xmlParserCtxtPtr (*new_parser)(void);
	xmlDocPtr (*read_memory)(xmlParserCtxtPtr ctxt, const char *buffer,
	    int size, const char *url, const char *encoding, int options);
	xmlErrorPtr (*last_error)(void *ctxt);
	void (*free_parser)(xmlParserCtxtPtr ctxt);
	void (*free_doc)(xmlDocPtr doc);
	xmlNodePtr (*root)(const xmlDoc *doc);
	xmlChar *(*get_prop)(const xmlNode *node, const xmlChar *name);
	xmlFreeFunc *free_var;	/* libxml2's xmlFree, a variable */
	xmlBufferPtr (*buffer_new)(void);
	int (*node_dump)(xmlBufferPtr buf, xmlDocPtr doc, xmlNodePtr node,
	    int level, int format);
	const xmlChar *(*buffer_content)(const xmlBuffer *buf);
	void (*buffer_free)(xmlBufferPtr buf);
};

/* The library to load: $PARALLAX_LIBXML2 when set, else libxml2's
 * soname. */
#define XMLAPI_SONAME "libxml2.so.2"

/*
 * libxml2's functions, the library loaded and set up the first time; from
 * any thread.  NULL when it cannot be loaded, with *WHY (never NULL then,
 * the module's) saying so in one line, the same every call.
 */
const struct xmlapi *xmlapi_get(const char **why);

/* Frees what libxml2 allocated and gave (xmlGetProp's strings). */
void xmlapi_free(const struct xmlapi *api, void *p);

#endif
