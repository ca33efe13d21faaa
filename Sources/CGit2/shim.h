#ifndef PLANTRACK_CGIT2_SHIM_H
#define PLANTRACK_CGIT2_SHIM_H
#include <git2.h>
// The in-memory object backend lets the generator queue thousands of objects and write
// them as one pack instead of ~100,000 loose files; git2.h does not include sys/ headers.
#include <git2/sys/mempack.h>
// Defines git_odb_backend (opaque in git2.h) so a backend the database refused can be
// released through its own `free`.
#include <git2/sys/odb_backend.h>
// git_repository_set_odb, to give a new repository an in-memory-only object database while
// the generator writes (see ObjectBuffer.swift).
#include <git2/sys/repository.h>

// Swift cannot call C variadic functions, so each git_libgit2_opts use gets a fixed-arity
// wrapper here.

// Points the global/xdg/system config search path at `path` (tests and the generator must
// not read the user's git configuration).
static inline int plantrack_git_set_search_path(int level, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, path);
}

// Turns libgit2's "does every referenced object exist?" check on or off; the generator
// creates every object itself and switches it off to avoid one lookup per tree entry.
static inline int plantrack_git_set_strict_object_creation(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, enabled);
}
// Turns libgit2's re-hashing of every object it reads on or off
// (GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, on by default). PlantrackGit switches it off once,
// at initialisation, and hashes every blob it reads itself (Blob.swift).
static inline int plantrack_git_set_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}
// Names the certificate authorities HTTPS trusts: a PEM file and/or a folder of them
// (GIT_OPT_SET_SSL_CERT_LOCATIONS). Process-wide; with Debian's mbedTLS build it replaces
// the set loaded before (see CertificateAuthorities.swift).
static inline int plantrack_git_set_ssl_cert_locations(const char *file, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, path);
}
#endif
