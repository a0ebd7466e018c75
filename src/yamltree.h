/*
 * yamltree: one YAML document read into a tree of positioned nodes, for
 * the loaders (taxonomy, outlets) and the in-place editor (taxedit).
 *
 * Each node carries its line and column (libyaml's, counted in
 * characters) for messages and its byte span in the text for edits.
 * Plain block YAML, as taxonomies are written, is read by a reader of
 * its own, at a fraction of libyaml's cost, to the tree libyaml gives;
 * anything else is read by libyaml.
 * Aliases either resolve to the anchored node, so a loader reads through
 * them, or stay YNODE_ALIAS nodes (YAMLTREE_KEEP_ALIASES), so an editor
 * never edits a shared node through one of its uses.  Hostile input stays
 * cheap: size, depth, anchors and what aliases reach are bounded, and
 * going past a bound is a refusal with a message.
 *
 * The tree owns every node and string; yamltree_free releases them all.
 * The helpers below report to a problem list and copy what they return.
 */
#ifndef PARALLAX_YAMLTREE_H
#define PARALLAX_YAMLTREE_H

#include <stdbool.h>
#include <stddef.h>

#include "problems.h"

#define YAMLTREE_MAX_BYTES ((size_t)64 << 20)
#define YAMLTREE_MAX_DEPTH 64		/* nested collections */
#define YAMLTREE_ALIAS_BUDGET 10000	/* nodes reachable through aliases */
#define YAMLTREE_MAX_ANCHORS 1000

enum ynode_kind {
	YNODE_SCALAR,
	YNODE_SEQUENCE,
	YNODE_MAPPING,
	YNODE_ALIAS		/* only with YAMLTREE_KEEP_ALIASES */
};

struct ynode {
	enum ynode_kind kind;
	size_t line, column;	/* 1-based, where the node starts */
	size_t start, end;	/* bytes; a collection runs to its end event */
	bool plain;		/* a plain (unquoted) scalar */
	bool flow;		/* a flow collection: [a, b] or {a: b} */
	char *value;		/* scalars: NUL-terminated (may hold NULs) */
	size_t len;
	struct ynode **kids;	/* mappings: key, value, key, value, ... */
	size_t nkids;
	const struct ynode *target;	/* YNODE_ALIAS: the anchored node */
	/* The tree's own bookkeeping. */
	size_t capkids;
	size_t weight;		/* nodes, counting what aliases reach */
	char *anchor;
};

enum yamltree_flags {
	YAMLTREE_KEEP_ALIASES = 1,
	/* Read with libyaml even text the fast reader takes (the tests
	 * compare the two). */
	YAMLTREE_LIBYAML = 2
};

struct yamltree;

/*
 * Reads the one document of BUF.  Returns the tree (its root NULL for an
 * empty stream), or NULL after adding the one problem that stopped it
 * (a YAML syntax error, a second document, a bound) to PR.
 */
struct yamltree *yamltree_parse(const char *buf, size_t len, unsigned flags,
    struct problems *pr);
const struct ynode *yamltree_root(const struct yamltree *tree);

/* Whether the plain block reader read TREE rather than libyaml (the tests
 * check that taxonomies as people write them take the cheap path). */
bool yamltree_read_fast(const struct yamltree *tree);
void yamltree_free(struct yamltree *tree);

/* A plain empty, ~ or null scalar. */
bool yamltree_is_null(const struct ynode *n);

/* "a string", "a list", "a mapping" or "an alias", for messages. */
const char *yamltree_kind_name(const struct ynode *n);

/*
 * Checks the keys of mapping N against the NULL-terminated KNOWN; sets
 * VALUES[i] and KEYS[i] to the value and key of KNOWN[i] (NULL when
 * absent) and reports keys that are not names, unknown (with the nearest
 * known one) or repeated.
 */
void yamltree_check_keys(struct problems *pr, const struct ynode *n,
    const char **known, const struct ynode **values,
    const struct ynode **keys);

/*
 * A copy of scalar V's text; NULL (with a problem naming WHAT) unless V is
 * a scalar that is neither blank, null nor holding a NUL.
 */
char *yamltree_string(struct problems *pr, const struct ynode *v,
    const char *what);

#endif
